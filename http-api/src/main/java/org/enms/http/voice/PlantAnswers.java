package org.enms.http.voice;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import org.enms.analytics.voice.Intent;
import org.enms.analytics.voice.ParsedQuestion;
import org.enms.analytics.voice.TimeWindow;
import org.enms.core.json.Json;

/**
 * Answers each intent from the API's own endpoints, in one or two sentences. The machines are named
 * as the registry names them; figures are the API's, rounded for speech.
 */
final class PlantAnswers {
  static final String CAN_ANSWER =
      "I can tell you about energy, power and whether a machine is running; cost, specific energy,"
          + " load factor and peak demand; anomalies; forecasts and baselines; the top consumers"
          + " and comparisons of machines; production, significant energy uses and ISO 50001"
          + " performance; and the system's health.";

  private final ApiReader api;
  private final ZoneId zone;

  PlantAnswers(ApiReader api, ZoneId zone) {
    this.api = api;
    this.zone = zone;
  }

  /** A machine as the registry lists it. */
  record Machine(String id, String name, String factoryId) {}

  CompletionStage<SpokenAnswer> answer(ParsedQuestion q, List<Machine> named, List<Machine> all) {
    Machine one = named.isEmpty() ? null : named.get(0);
    TimeWindow w = q.window();
    return switch (q.intent()) {
      case ENERGY -> one == null ? plantEnergy(w) : machineEnergy(one, q);
      case POWER -> one == null ? plantPower() : machinePower(one, q);
      case STATUS -> one == null ? machineList(all) : status(one);
      case COST -> one == null ? plantCost(w) : machineKpi(one, q, Intent.COST);
      case SEC, LOAD_FACTOR, PEAK, KPI ->
          one == null ? needMachine(q) : machineKpi(one, q, q.intent());
      case ANOMALIES -> anomalies(one, w);
      case FORECAST -> forecast(one);
      case BASELINE -> one == null ? needMachine(q) : baseline(one);
      case RANKING -> ranking(w, q.count().orElse(5), all);
      case COMPARISON -> named.size() < 2 ? ranking(w, 3, all) : compare(named, w);
      case PRODUCTION -> one == null ? needMachine(q) : production(one);
      case SEUS -> seus();
      case ENPI -> enpi(all);
      case HEALTH -> health();
      case MACHINES -> machineList(all);
      case HELP -> done(SpokenAnswer.of(CAN_ANSWER, null));
      case UNKNOWN ->
          done(
              SpokenAnswer.refused(
                  "I did not understand that as a question about the plant. " + CAN_ANSWER));
    };
  }

  private static CompletionStage<SpokenAnswer> done(SpokenAnswer a) {
    return CompletableFuture.completedFuture(a);
  }

  private static CompletionStage<SpokenAnswer> needMachine(ParsedQuestion q) {
    return done(
        SpokenAnswer.refused(
            "Which machine do you mean? Name one, for example \"compressor one\"."));
  }

  private static String enc(String s) {
    return URLEncoder.encode(s, StandardCharsets.UTF_8);
  }

  private static String window(TimeWindow w) {
    return "start=" + enc(w.start().toString()) + "&end=" + enc(w.end().toString());
  }

  private CompletionStage<JsonNode> kpis(Machine m, TimeWindow w, String energyType) {
    return api.get(
        "/kpi/all?machine_id=" + m.id() + "&" + window(w) + "&energy_type=" + energyType);
  }

  private CompletionStage<SpokenAnswer> machineEnergy(Machine m, ParsedQuestion q) {
    if (q.window().now()) {
      return machinePower(m, q);
    }
    String type = q.energyType().orElse("electricity");
    return kpis(m, q.window(), type)
        .thenApply(
            body -> {
              double kwh = body.at("/totals/total_energy_kwh").asDouble();
              String source = type.equals("electricity") ? "" : " of " + type.replace('_', ' ');
              return SpokenAnswer.of(
                  m.name() + " used " + Speech.kwh(kwh) + source + " " + q.window().phrase() + ".",
                  body);
            });
  }

  private CompletionStage<JsonNode> factories(TimeWindow w) {
    return api.get("/kpi/factories?" + window(w));
  }

  private CompletionStage<SpokenAnswer> plantEnergy(TimeWindow w) {
    return factories(w)
        .thenApply(
            body -> {
              JsonNode t = body.path("enterprise_totals");
              return SpokenAnswer.of(
                  "The plant used "
                      + Speech.kwh(t.path("total_energy_kwh").asDouble())
                      + " "
                      + w.phrase()
                      + ", across "
                      + Speech.plural(t.path("total_machines").asLong(), "machine", "machines")
                      + ".",
                  body);
            });
  }

  private CompletionStage<SpokenAnswer> plantCost(TimeWindow w) {
    return factories(w)
        .thenApply(
            body -> {
              List<String> parts = new ArrayList<>();
              body.path("enterprise_totals")
                  .path("costs_by_currency")
                  .fields()
                  .forEachRemaining(
                      e -> parts.add(Speech.money(e.getValue().asDouble(), e.getKey())));
              String cost = parts.isEmpty() ? Speech.money(0, "USD") : Speech.list(parts);
              return SpokenAnswer.of(
                  "The plant's energy cost " + cost + " " + w.phrase() + ".", body);
            });
  }

  private CompletionStage<JsonNode> machineStatus(Machine m) {
    return api.get("/machines/status/" + enc(m.name()));
  }

  private CompletionStage<SpokenAnswer> status(Machine m) {
    return machineStatus(m)
        .thenApply(
            body -> {
              String status = body.at("/current_status/status").asText("unknown");
              String state =
                  switch (status) {
                    case "running" -> "is running";
                    case "idle" -> "is idle";
                    default -> "is stopped";
                  };
              return SpokenAnswer.of(
                  m.name()
                      + " "
                      + state
                      + ", drawing "
                      + Speech.kw(body.at("/current_status/power_kw").asDouble())
                      + ". Today it used "
                      + Speech.kwh(body.at("/today_stats/energy_kwh").asDouble())
                      + anomalyNote(body)
                      + ".",
                  body);
            });
  }

  private static String anomalyNote(JsonNode status) {
    long count = status.at("/recent_anomalies/count").asLong();
    return count == 0 ? "" : ", with " + Speech.plural(count, "recent anomaly", "recent anomalies");
  }

  private CompletionStage<SpokenAnswer> machinePower(Machine m, ParsedQuestion q) {
    if (q.windowSaid() && !q.window().now()) {
      return kpis(m, q.window(), "electricity")
          .thenApply(
              body ->
                  SpokenAnswer.of(
                      m.name()
                          + " averaged "
                          + Speech.kw(body.at("/totals/avg_power_kw").asDouble())
                          + " "
                          + q.window().phrase()
                          + peak(body)
                          + ".",
                      body));
    }
    return machineStatus(m)
        .thenApply(
            body ->
                SpokenAnswer.of(
                    m.name()
                        + " is drawing "
                        + Speech.kw(body.at("/current_status/power_kw").asDouble())
                        + " right now; today it averaged "
                        + Speech.kw(body.at("/today_stats/avg_power_kw").asDouble())
                        + ".",
                    body));
  }

  private String peak(JsonNode kpis) {
    JsonNode peak = kpis.at("/kpis/peak_demand/value");
    return peak.isNumber() ? ", with a 15-minute peak of " + Speech.kw(peak.asDouble()) : "";
  }

  private CompletionStage<SpokenAnswer> plantPower() {
    return api.get("/machines")
        .thenCompose(
            list -> {
              List<CompletableFuture<JsonNode>> statuses = new ArrayList<>();
              for (JsonNode m : list) {
                if (m.path("is_active").asBoolean(true)) {
                  statuses.add(
                      api.get("/machines/status/" + enc(m.path("name").asText()))
                          .toCompletableFuture()
                          .exceptionally(e -> null));
                }
              }
              return CompletableFuture.allOf(statuses.toArray(CompletableFuture[]::new))
                  .thenApply(
                      ignored -> {
                        double kw = 0;
                        int running = 0;
                        ArrayNode data = Json.mapper().createArrayNode();
                        for (var f : statuses) {
                          JsonNode s = f.join();
                          if (s != null) {
                            kw += s.at("/current_status/power_kw").asDouble();
                            running +=
                                "running".equals(s.at("/current_status/status").asText()) ? 1 : 0;
                            data.add(s);
                          }
                        }
                        return SpokenAnswer.of(
                            "The plant is drawing "
                                + Speech.kw(kw)
                                + " right now, with "
                                + Speech.plural(running, "machine", "machines")
                                + " running.",
                            data);
                      });
            });
  }

  private CompletionStage<SpokenAnswer> machineKpi(Machine m, ParsedQuestion q, Intent which) {
    return kpis(m, q.window(), q.energyType().orElse("electricity"))
        .thenApply(
            body -> {
              String when = " " + q.window().phrase();
              JsonNode k = body.path("kpis");
              String text =
                  switch (which) {
                    case COST ->
                        m.name()
                            + " cost "
                            + Speech.money(
                                k.at("/energy_cost/value").asDouble(),
                                k.at("/energy_cost/unit").asText("USD"))
                            + when
                            + ", for "
                            + Speech.kwh(body.at("/totals/total_energy_kwh").asDouble())
                            + ".";
                    case SEC ->
                        k.at("/sec/value").isNumber()
                            ? m.name()
                                + " used "
                                + Speech.number(k.at("/sec/value").asDouble())
                                + " kilowatt-hours per unit produced"
                                + when
                                + "."
                            : m.name()
                                + " has no production counted"
                                + when
                                + ", so its specific energy cannot be given.";
                    case LOAD_FACTOR ->
                        k.at("/load_factor/percent").isNumber()
                            ? m.name()
                                + "'s load factor was "
                                + Speech.percent(k.at("/load_factor/percent").asDouble())
                                + when
                                + "."
                            : m.name() + " has no readings" + when + ", so no load factor.";
                    case PEAK ->
                        k.at("/peak_demand/value").isNumber()
                            ? m.name()
                                + "'s peak demand"
                                + when
                                + " was "
                                + Speech.kw(k.at("/peak_demand/value").asDouble())
                                + peakTime(k.at("/peak_demand/time"))
                                + "."
                            : m.name() + " has no readings" + when + ", so no peak.";
                    default ->
                        m.name()
                            + when
                            + ": "
                            + Speech.kwh(body.at("/totals/total_energy_kwh").asDouble())
                            + ", costing "
                            + Speech.money(
                                k.at("/energy_cost/value").asDouble(),
                                k.at("/energy_cost/unit").asText("USD"))
                            + (k.at("/peak_demand/value").isNumber()
                                ? ", peak " + Speech.kw(k.at("/peak_demand/value").asDouble())
                                : "")
                            + (k.at("/load_factor/percent").isNumber()
                                ? ", load factor "
                                    + Speech.percent(k.at("/load_factor/percent").asDouble())
                                : "")
                            + ".";
                  };
              return SpokenAnswer.of(text, body);
            });
  }

  private String peakTime(JsonNode at) {
    if (!at.isTextual()) {
      return "";
    }
    return " at " + Speech.clock(Instant.parse(at.asText()), zone);
  }

  private CompletionStage<SpokenAnswer> anomalies(Machine m, TimeWindow w) {
    String path =
        "/anomaly/search?limit=50&start_date="
            + enc(w.start().toString())
            + "&end_date="
            + enc(w.end().toString())
            + (m == null ? "" : "&machine_id=" + m.id());
    return api.get(path)
        .thenApply(
            body -> {
              long n = body.path("total_count").asLong();
              String where = m == null ? "in the plant" : "on " + m.name();
              if (n == 0) {
                return SpokenAnswer.of(
                    "There were no anomalies " + where + " " + w.phrase() + ".", body);
              }
              JsonNode latest = body.path("anomalies").path(0);
              String last =
                  latest.isMissingNode()
                      ? ""
                      : " The latest was a "
                          + latest.path("severity").asText()
                          + " "
                          + latest.path("anomaly_type").asText()
                          + (m == null ? " on " + latest.path("machine_name").asText() : "")
                          + ".";
              return SpokenAnswer.of(
                  "There "
                      + (n == 1 ? "was " : "were ")
                      + Speech.plural(n, "anomaly", "anomalies")
                      + " "
                      + where
                      + " "
                      + w.phrase()
                      + "."
                      + last,
                  body);
            });
  }

  private CompletionStage<SpokenAnswer> forecast(Machine m) {
    return api.get("/forecast/short-term" + (m == null ? "" : "?machine_id=" + m.id()))
        .thenApply(
            body -> {
              if (m != null) {
                return SpokenAnswer.of(
                    m.name()
                        + " is expected to use "
                        + Speech.kwh(body.path("predicted_energy_kwh").asDouble())
                        + " tomorrow, peaking at "
                        + Speech.kw(body.path("predicted_peak_power_kw").asDouble())
                        + ".",
                    body);
              }
              return SpokenAnswer.of(
                  "The plant is expected to use "
                      + Speech.kwh(body.path("total_predicted_energy_kwh").asDouble())
                      + " tomorrow"
                      + (body.hasNonNull("peak_machine")
                          ? ", the most on " + body.path("peak_machine").asText()
                          : "")
                      + ".",
                  body);
            });
  }

  private CompletionStage<SpokenAnswer> baseline(Machine m) {
    return api.get("/baseline/models?seu_name=" + enc(m.name()) + "&energy_source=electricity")
        .thenApply(
            body -> {
              for (JsonNode model : body.path("models")) {
                if (model.path("is_active").asBoolean()) {
                  return SpokenAnswer.of(
                      m.name()
                          + "'s active baseline is version "
                          + model.path("model_version").asText()
                          + ", with an R squared of "
                          + Speech.number(model.path("r_squared").asDouble())
                          + " from "
                          + model.path("training_samples").asLong()
                          + " samples.",
                      body);
                }
              }
              return SpokenAnswer.of(
                  "No baseline has been trained for "
                      + m.name()
                      + " yet; it is watched against its own usual profile.",
                  body);
            })
        .exceptionally(
            e ->
                SpokenAnswer.of(
                    "No baseline has been trained for "
                        + m.name()
                        + " yet; it is watched against its own usual profile.",
                    null));
  }

  private CompletionStage<SpokenAnswer> ranking(TimeWindow w, int n, List<Machine> all) {
    return api.get(
            "/analytics/top-consumers?metric=energy&limit="
                + n
                + "&start_time="
                + enc(w.start().toString())
                + "&end_time="
                + enc(w.end().toString()))
        .thenApply(
            body -> {
              List<String> parts = new ArrayList<>();
              for (JsonNode r : body.path("ranking")) {
                parts.add(
                    r.path("machine_name").asText()
                        + " with "
                        + Speech.kwh(r.path("value").asDouble()));
              }
              if (parts.isEmpty()) {
                return SpokenAnswer.of("No machine used energy " + w.phrase() + ".", body);
              }
              return SpokenAnswer.of(
                  "The top "
                      + (parts.size() == 1 ? "consumer" : parts.size() + " consumers")
                      + " "
                      + w.phrase()
                      + " "
                      + (parts.size() == 1 ? "is " : "are ")
                      + Speech.list(parts)
                      + ".",
                  body);
            });
  }

  private CompletionStage<SpokenAnswer> compare(List<Machine> machines, TimeWindow w) {
    List<CompletableFuture<JsonNode>> all = new ArrayList<>();
    for (Machine m : machines) {
      all.add(kpis(m, w, "electricity").toCompletableFuture());
    }
    return CompletableFuture.allOf(all.toArray(CompletableFuture[]::new))
        .thenApply(
            ignored -> {
              List<String> parts = new ArrayList<>();
              ArrayNode data = Json.mapper().createArrayNode();
              double most = -1;
              String top = null;
              for (int i = 0; i < machines.size(); i++) {
                JsonNode body = all.get(i).join();
                double kwh = body.at("/totals/total_energy_kwh").asDouble();
                parts.add(machines.get(i).name() + " used " + Speech.kwh(kwh));
                data.add(body);
                if (kwh > most) {
                  most = kwh;
                  top = machines.get(i).name();
                }
              }
              return SpokenAnswer.of(
                  w.phrase().substring(0, 1).toUpperCase()
                      + w.phrase().substring(1)
                      + ", "
                      + Speech.list(parts)
                      + "; "
                      + top
                      + " used the most.",
                  data);
            });
  }

  private CompletionStage<SpokenAnswer> production(Machine m) {
    return machineStatus(m)
        .thenApply(
            body -> {
              JsonNode p = body.path("production_today");
              JsonNode quality = p.path("quality_percent");
              return SpokenAnswer.of(
                  m.name()
                      + " produced "
                      + p.path("units_produced").asLong()
                      + " units today"
                      + (quality.isNumber()
                          ? ", " + Speech.percent(quality.asDouble()) + " of them good"
                          : "")
                      + ".",
                  body);
            });
  }

  private CompletionStage<SpokenAnswer> seus() {
    return api.get("/seus")
        .thenApply(
            body -> {
              List<String> withBaseline = new ArrayList<>();
              int total = 0;
              for (JsonNode s : body.path("seus")) {
                total++;
                if (s.path("has_baseline").asBoolean()) {
                  withBaseline.add(s.path("name").asText(s.path("seu_name").asText()));
                }
              }
              return SpokenAnswer.of(
                  "There are "
                      + Speech.plural(total, "significant energy use", "significant energy uses")
                      + "; "
                      + (withBaseline.isEmpty()
                          ? "none has a baseline yet"
                          : withBaseline.size() + " have a baseline: " + Speech.list(withBaseline))
                      + ".",
                  body);
            });
  }

  private CompletionStage<SpokenAnswer> enpi(List<Machine> all) {
    if (all.isEmpty()) {
      return done(SpokenAnswer.refused("There are no machines registered yet."));
    }
    ZonedDateTime now = ZonedDateTime.now(zone);
    String period = now.getYear() + "-Q" + ((now.getMonthValue() - 1) / 3 + 1);
    return api.get(
            "/iso50001/enpi-report?factory_id=" + all.get(0).factoryId() + "&period=" + period)
        .thenApply(
            body -> {
              JsonNode o = body.path("overall_performance");
              return SpokenAnswer.of(
                  "For "
                      + body.path("report_period").asText(period)
                      + " the ISO 50001 status is "
                      + o.path("iso_status").asText("unknown").replace('_', ' ')
                      + ", "
                      + Speech.percent(o.path("deviation_percent").asDouble())
                      + " from the baseline, with cumulative savings of "
                      + Speech.kwh(o.path("cumulative_savings_kwh").asDouble())
                      + ".",
                  body);
            });
  }

  private CompletionStage<SpokenAnswer> health() {
    return api.get("/health")
        .thenApply(
            body -> {
              String status = body.path("status").asText();
              if ("healthy".equals(status)) {
                return SpokenAnswer.of(
                    "The system is healthy: the API, the database and the broker are up.", body);
              }
              List<String> reasons = new ArrayList<>();
              body.path("reasons").forEach(r -> reasons.add(r.asText()));
              return SpokenAnswer.of(
                  "The system is "
                      + status
                      + (reasons.isEmpty() ? "" : ": " + Speech.list(reasons))
                      + ".",
                  body);
            });
  }

  private CompletionStage<SpokenAnswer> machineList(List<Machine> all) {
    ObjectNode data = Json.mapper().createObjectNode();
    ArrayNode names = data.putArray("machines");
    all.forEach(m -> names.add(m.name()));
    return done(
        SpokenAnswer.of(
            "There are "
                + Speech.plural(all.size(), "machine", "machines")
                + ": "
                + Speech.list(all.stream().map(Machine::name).toList())
                + ".",
            data));
  }
}
