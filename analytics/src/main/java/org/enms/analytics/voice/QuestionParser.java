package org.enms.analytics.voice;

import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Understands a spoken question about the plant: intent, machines, period, count and energy source.
 * Pure: the machines' names and the time are given. Thread-safe (immutable).
 */
public final class QuestionParser {
  private static final Pattern TOP = Pattern.compile(" top (\\d+) ");
  private static final int DEFAULT_TOP = 5;
  private static final int MOST_TOP = 20;

  private final MachineNames machines;
  private final WindowParser windows;

  public QuestionParser(List<String> machineNames, ZoneId zone) {
    this.machines = new MachineNames(machineNames);
    this.windows = new WindowParser(zone);
  }

  public ParsedQuestion parse(String text, Instant now) {
    List<String> words = Spoken.words(text);
    Intent intent = IntentClassifier.classify(words);
    MachineNames.Found found = machines.find(words);
    if (intent == Intent.UNKNOWN && !found.machines().isEmpty()) {
      // "how is compressor one doing": a machine and nothing else asks for its status.
      intent = Intent.STATUS;
    }
    if (intent == Intent.RANKING && found.machines().size() >= 2) {
      intent = Intent.COMPARISON;
    }
    Optional<TimeWindow> said = windows.parse(words, now);
    return new ParsedQuestion(
        intent,
        found.machines(),
        found.ambiguous(),
        said.orElseGet(() -> windows.today(now)),
        said.isPresent(),
        count(words, intent),
        energyType(words),
        scope(words));
  }

  private static final java.util.regex.Pattern PLANT =
      java.util.regex.Pattern.compile(
          " (?:plant|factory|factories|site|total|overall|all machines|every machine|we|our|us) ");
  private static final java.util.regex.Pattern FOLLOW_UP =
      java.util.regex.Pattern.compile(
          "^ (?:and|what about|how about|also) | (?:it|its|it s|that machine|this machine|the same"
              + " machine|same machine|that one|this one) ");

  private static ParsedQuestion.Scope scope(List<String> words) {
    String t = Spoken.padded(words);
    if (PLANT.matcher(t).find()) {
      return ParsedQuestion.Scope.PLANT;
    }
    return FOLLOW_UP.matcher(t).find()
        ? ParsedQuestion.Scope.FOLLOW_UP
        : ParsedQuestion.Scope.UNSAID;
  }

  private static Optional<Integer> count(List<String> words, Intent intent) {
    if (intent != Intent.RANKING) {
      return Optional.empty();
    }
    Matcher m = TOP.matcher(Spoken.padded(words));
    int n = m.find() ? Integer.parseInt(m.group(1)) : DEFAULT_TOP;
    return Optional.of(Math.max(1, Math.min(MOST_TOP, n)));
  }

  private static Optional<String> energyType(List<String> words) {
    String t = Spoken.padded(words);
    if (t.contains(" natural gas ") || t.contains(" gas ")) {
      return Optional.of("natural_gas");
    }
    if (t.contains(" steam ")) {
      return Optional.of("steam");
    }
    if (t.contains(" compressed air ")) {
      return Optional.of("compressed_air");
    }
    if (t.contains(" electricity ") || t.contains(" electric ") || t.contains(" electrical ")) {
      return Optional.of("electricity");
    }
    return Optional.empty();
  }
}
