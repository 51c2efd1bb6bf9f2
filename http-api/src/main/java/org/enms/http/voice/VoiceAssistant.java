package org.enms.http.voice;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import org.enms.analytics.voice.ParsedQuestion;
import org.enms.analytics.voice.QuestionParser;
import org.enms.http.voice.PlantAnswers.Machine;

/**
 * Answers a spoken question with no external bridge: understands it ({@link QuestionParser}),
 * remembers each session's machine for follow-ups ("and yesterday?"), and answers from the API.
 * Thread-safe.
 */
public final class VoiceAssistant {
  private static final Duration SESSION_TTL = Duration.ofMinutes(30);
  private static final Duration MACHINES_TTL = Duration.ofSeconds(30);
  private static final String MACHINES = "machines";

  /** Intents with a plant-wide answer when no machine is named. */
  private static final java.util.Set<org.enms.analytics.voice.Intent> PLANT_ANSWERS =
      java.util.EnumSet.of(
          org.enms.analytics.voice.Intent.ENERGY,
          org.enms.analytics.voice.Intent.POWER,
          org.enms.analytics.voice.Intent.COST,
          org.enms.analytics.voice.Intent.ANOMALIES,
          org.enms.analytics.voice.Intent.FORECAST);

  private final ApiReader api;
  private final PlantAnswers answers;
  private final ZoneId zone;
  private final Clock clock;
  private final Cache<String, List<Machine>> sessions =
      Caffeine.newBuilder().expireAfterAccess(SESSION_TTL).maximumSize(10_000).build();
  private final Cache<String, Plant> registry =
      Caffeine.newBuilder().expireAfterWrite(MACHINES_TTL).maximumSize(1).build();

  /** The registered machines and the parser that knows their names, built once per refresh. */
  private record Plant(List<Machine> machines, QuestionParser parser) {}

  public VoiceAssistant(ApiReader api, ZoneId zone, Clock clock) {
    this.api = api;
    this.answers = new PlantAnswers(api, zone);
    this.zone = zone;
    this.clock = clock;
  }

  public CompletionStage<VoiceAnswer> ask(VoiceQuery query) {
    long started = System.nanoTime();
    String session = query.sessionId() == null ? UUID.randomUUID().toString() : query.sessionId();
    Instant now = clock.instant();
    return plant()
        .thenCompose(
            plant -> {
              List<Machine> all = plant.machines();
              ParsedQuestion q = plant.parser().parse(query.text(), now);
              List<Machine> named = resolve(q, all, session);
              CompletionStage<SpokenAnswer> said =
                  q.ambiguous().isPresent() && named.isEmpty()
                      ? CompletableFuture.completedFuture(
                          SpokenAnswer.refused(
                              "Which "
                                  + q.ambiguous().get().spoken()
                                  + " do you mean: "
                                  + orList(q.ambiguous().get().candidates())
                                  + "?"))
                      : answers.answer(q, named, all);
              return said.handle(
                  (a, failure) ->
                      answer(
                          failure == null ? a : SpokenAnswer.refused(apology(failure)),
                          q,
                          named,
                          session,
                          started));
            });
  }

  /** The machines named, else, for a question about one machine, the session's last. */
  private List<Machine> resolve(ParsedQuestion q, List<Machine> all, String session) {
    List<Machine> named = new ArrayList<>();
    for (String name : q.machines()) {
      all.stream().filter(m -> m.name().equals(name)).findFirst().ifPresent(named::add);
    }
    if (!named.isEmpty()) {
      sessions.put(session, List.copyOf(named));
      return named;
    }
    if (!q.intent().machineScoped()
        || q.ambiguous().isPresent()
        || q.scope() == ParsedQuestion.Scope.PLANT) {
      return named;
    }
    // A follow-up ("and its cost?") is about the machine named last; so is a question only a
    // machine can answer ("what is the load factor?"). Others ("any anomalies?") are the plant's.
    boolean machineOnly = !PLANT_ANSWERS.contains(q.intent());
    List<Machine> remembered = sessions.getIfPresent(session);
    if (remembered != null && (q.scope() == ParsedQuestion.Scope.FOLLOW_UP || machineOnly)) {
      return remembered;
    }
    return named;
  }

  private CompletionStage<Plant> plant() {
    Plant known = registry.getIfPresent(MACHINES);
    if (known != null) {
      return CompletableFuture.completedFuture(known);
    }
    return api.get("/machines")
        .thenApply(
            body -> {
              List<Machine> list = new ArrayList<>();
              body.forEach(
                  m ->
                      list.add(
                          new Machine(
                              m.path("id").asText(),
                              m.path("name").asText(),
                              m.path("factory_id").asText())));
              Plant plant =
                  new Plant(
                      List.copyOf(list),
                      new QuestionParser(list.stream().map(Machine::name).toList(), zone));
              registry.put(MACHINES, plant);
              return plant;
            });
  }

  private static String orList(List<String> names) {
    return names.size() == 1
        ? names.get(0)
        : String.join(", ", names.subList(0, names.size() - 1))
            + " or "
            + names.get(names.size() - 1);
  }

  private static String apology(Throwable failure) {
    Throwable cause = failure.getCause() == null ? failure : failure.getCause();
    if (cause instanceof ApiReader.ApiAnswer refused) {
      return refused.status() == 404
          ? "I could not find that: " + refused.getMessage()
          : "I could not get that: " + refused.getMessage();
    }
    return "Sorry, I could not get an answer from EnMS just now.";
  }

  private VoiceAnswer answer(
      SpokenAnswer said, ParsedQuestion q, List<Machine> named, String session, long started) {
    return new VoiceAnswer(
        said.answered(),
        said.text(),
        null,
        null,
        null,
        null,
        said.answered() ? null : said.text(),
        session,
        (System.nanoTime() - started) / 1_000_000,
        null,
        clock.instant(),
        null,
        q.intent().name().toLowerCase(java.util.Locale.ROOT),
        new VoiceAnswer.Entities(
            named.stream().map(Machine::name).toList(),
            q.window().start(),
            q.window().end(),
            q.window().phrase(),
            q.count().orElse(null),
            q.energyType().orElse(null)),
        said.data());
  }
}
