package org.enms.analytics.voice;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * Finds the plant's machines in a question, in their spoken forms: "Compressor-1" is also
 * "compressor one" and "compressor 1"; "HVAC-Main" is "hvac main"; a name's first word alone ("the
 * boiler") names it when no other machine shares that word, and is ambiguous when several do ("the
 * compressor"). Thread-safe (immutable).
 */
public final class MachineNames {
  private record Name(String canonical, String spoken, String head) {}

  private final List<Name> names;

  public MachineNames(List<String> canonicalNames) {
    List<Name> list = new ArrayList<>();
    java.util.Map<String, List<String>> tails = new java.util.HashMap<>();
    for (String canonical : canonicalNames) {
      List<String> words = Spoken.words(canonical);
      if (!words.isEmpty()) {
        list.add(new Name(canonical, String.join(" ", words), words.get(0)));
        // "pump one" for Hydraulic-Pump-1: a tail of two or more words, when no other has it.
        for (int from = 1; from + 2 <= words.size(); from++) {
          tails
              .computeIfAbsent(
                  String.join(" ", words.subList(from, words.size())), k -> new ArrayList<>())
              .add(canonical);
        }
      }
    }
    tails.forEach(
        (tail, owners) -> {
          if (owners.size() == 1) {
            list.add(new Name(owners.get(0), tail, ""));
          }
        });
    // Longest spoken form first: "compressor eu 1" before "compressor 1".
    list.sort(Comparator.comparingInt((Name n) -> n.spoken().length()).reversed());
    this.names = List.copyOf(list);
  }

  /** What a question names: machines by full name, and a head word that fits several. */
  record Found(List<String> machines, Optional<ParsedQuestion.Ambiguity> ambiguous) {}

  Found find(List<String> words) {
    String text = Spoken.padded(words);
    Set<String> found = new LinkedHashSet<>();
    List<int[]> taken = new ArrayList<>();
    List<Object[]> hits = new ArrayList<>();
    for (Name n : names) {
      int at = text.indexOf(" " + n.spoken() + " ");
      while (at >= 0) {
        int end = at + n.spoken().length() + 1;
        if (!overlaps(taken, at, end)) {
          taken.add(new int[] {at, end});
          hits.add(new Object[] {at, n.canonical()});
        }
        at = text.indexOf(" " + n.spoken() + " ", at + 1);
      }
    }
    hits.sort(Comparator.comparingInt(h -> (Integer) h[0]));
    hits.forEach(h -> found.add((String) h[1]));
    Optional<ParsedQuestion.Ambiguity> ambiguous = Optional.empty();
    boolean namedInFull = !found.isEmpty();
    // A head word alone ("the boiler") names a machine, outside the names already found.
    StringBuilder rest = new StringBuilder(text);
    for (int[] span : taken) {
      for (int i = span[0] + 1; i < span[1]; i++) {
        rest.setCharAt(i, ' ');
      }
    }
    for (String word : rest.toString().trim().split("\\s+")) {
      String head = singular(word);
      List<String> fits =
          names.stream().filter(n -> n.head().equals(head)).map(Name::canonical).sorted().toList();
      if (fits.size() == 1) {
        found.add(fits.get(0));
      } else if (fits.size() > 1 && ambiguous.isEmpty() && !namedInFull) {
        ambiguous = Optional.of(new ParsedQuestion.Ambiguity(word, fits));
      }
    }
    return new Found(List.copyOf(found), found.isEmpty() ? ambiguous : Optional.empty());
  }

  private static boolean overlaps(List<int[]> taken, int from, int to) {
    return taken.stream().anyMatch(t -> from < t[1] && t[0] < to);
  }

  private static String singular(String word) {
    String w = word.toLowerCase(Locale.ROOT);
    return w.length() > 3 && w.endsWith("s") && !w.endsWith("ss")
        ? w.substring(0, w.length() - 1)
        : w;
  }
}
