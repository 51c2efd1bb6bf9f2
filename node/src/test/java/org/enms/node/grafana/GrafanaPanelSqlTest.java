package org.enms.node.grafana;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.file.Files;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.enms.db.Database;
import org.enms.db.Dialect;
import org.enms.db.registry.DemoPlantSpec;
import org.enms.db.registry.PlantApplier;
import org.enms.db.testing.PostgresExtension;
import org.enms.db.testing.TestTimescaleServer;
import org.enms.node.grafana.Dashboards.Dashboard;
import org.enms.node.grafana.Dashboards.PanelQuery;
import org.enms.node.grafana.GrafanaMacros.Value;
import org.jdbi.v3.core.Jdbi;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Every query of every provisioned dashboard (panels and template variables), expanded as Grafana
 * expands it over the dashboard's default time range, runs against a migrated database holding four
 * days of the simulator's demo plant, and returns rows with values: on plain PostgreSQL and on
 * TimescaleDB (the continuous aggregates instead of the roll-up tables).
 */
class GrafanaPanelSqlTest {
  private static final int DASHBOARDS = 11;

  @RegisterExtension static final PostgresExtension pg = new PostgresExtension();

  /** As Grafana runs them in the compose stack: logged in as the read-only role made for it. */
  @Test
  void everyQueryAnswersWithRowsOnPlainPostgresToGrafanasReadOnlyRole() throws Exception {
    Database database = pg.database();
    assertThat(database.dialect()).isEqualTo(Dialect.PLAIN);
    fillFourDays(database, Duration.ofMinutes(5), 10_000);
    String reader = "grafana_reader_" + Long.toHexString(System.nanoTime());
    String password = "test-only";
    String createReader = readerRoleSql(reader, password);
    database.jdbi().useHandle(h -> h.execute(createReader));
    try {
      Jdbi grafana = Jdbi.create(withoutCredentials(pg.jdbcUrl()), reader, password);
      assertEveryQueryAnswers(grafana);
      assertThatThrownBy(() -> grafana.useHandle(h -> h.execute("DELETE FROM anomalies")))
          .as("the role is read-only")
          .hasMessageContaining("read-only");
    } finally {
      database.jdbi().useHandle(h -> h.execute("DROP ROLE " + reader));
    }
  }

  @Test
  void everyQueryAnswersWithRowsOnTimescaleDb() throws Exception {
    try (TestTimescaleServer server = TestTimescaleServer.start();
        Database database = Database.start(server.settings())) {
      new PlantApplier(database).apply(DemoPlantSpec.get());
      assertThat(database.dialect()).isEqualTo(Dialect.TIMESCALE);
      // PGlite is slow: the same days at a 15-minute reporting interval, small statements.
      fillFourDays(database, Duration.ofMinutes(15), 20);
      assertEveryQueryAnswers(database.jdbi());
    }
  }

  private static void fillFourDays(Database database, Duration step, int rowsPerStatement)
      throws Exception {
    Instant to = Instant.now();
    SimulatedPlant.fill(
        database,
        to.minus(Duration.ofDays(4)).truncatedTo(ChronoUnit.HOURS),
        to,
        step,
        rowsPerStatement);
  }

  /** The URL without the user and password it may carry (which would win over the arguments). */
  private static String withoutCredentials(String url) {
    int query = url.indexOf('?');
    if (query < 0) {
      return url;
    }
    String params =
        java.util.Arrays.stream(url.substring(query + 1).split("&"))
            .filter(p -> !p.startsWith("user=") && !p.startsWith("password="))
            .collect(java.util.stream.Collectors.joining("&"));
    return url.substring(0, query) + (params.isEmpty() ? "" : "?" + params);
  }

  /** The SQL of docker/timescaledb-init/10-grafana-reader.sh, its psql variables filled in. */
  private static String readerRoleSql(String role, String password) throws IOException {
    String script =
        Files.readString(Dashboards.ROOT.resolve("docker/timescaledb-init/10-grafana-reader.sh"));
    String sql = script.substring(script.indexOf("<<'SQL'\n") + 7, script.lastIndexOf("\nSQL"));
    return sql.replace(":\"reader\"", "\"" + role + "\"")
        .replace(":'password'", "'" + password + "'");
  }

  private static void assertEveryQueryAnswers(Jdbi jdbi) {
    List<Dashboard> dashboards = Dashboards.all();
    assertThat(dashboards).hasSize(DASHBOARDS);
    List<String> problems = new ArrayList<>();
    int queries = 0;
    Instant now = Instant.now();
    for (Dashboard dashboard : dashboards) {
      Instant from = GrafanaMacros.relative(dashboard.json().at("/time/from").asText(), now);
      Instant to = GrafanaMacros.relative(dashboard.json().at("/time/to").asText(), now);
      Map<String, Value> variables = new LinkedHashMap<>();
      for (JsonNode variable : dashboard.variables()) {
        String where = dashboard + " / variable " + variable.path("name").asText();
        var macros = new GrafanaMacros(from, to, GrafanaMacros.interval(from, to, ""), variables);
        List<Map<String, Object>> rows =
            run(jdbi, macros, variable.path("query").asText(), where, problems);
        queries++;
        if (rows.isEmpty()) {
          continue;
        }
        List<String> values =
            rows.stream()
                .map(
                    r ->
                        String.valueOf(
                            r.containsKey("__value")
                                ? r.get("__value")
                                : r.values().iterator().next()))
                .toList();
        boolean all = variable.path("includeAll").asBoolean();
        // Grafana selects All, or else the first option, when the dashboard opens.
        variables.put(
            variable.path("name").asText(),
            new Value(
                all ? values : List.of(values.get(0)), all || variable.path("multi").asBoolean()));
      }
      for (PanelQuery query : dashboard.queries()) {
        var macros =
            new GrafanaMacros(
                from, to, GrafanaMacros.interval(from, to, query.minInterval()), variables);
        List<Map<String, Object>> rows = run(jdbi, macros, query.sql(), query.toString(), problems);
        queries++;
        if (!rows.isEmpty()
            && query.format().equals("time_series")
            && !rows.get(0).containsKey("time")) {
          problems.add(
              query + ": a time series needs a column named time, got " + rows.get(0).keySet());
        }
      }
    }
    System.out.printf(
        "%d queries of %d dashboards in %d ms; baselines %s, anomalies %s, trainings %s%n",
        queries,
        dashboards.size(),
        Duration.between(now, Instant.now()).toMillis(),
        count(jdbi, "energy_baselines"),
        count(jdbi, "anomalies"),
        count(jdbi, "model_training_history"));
    assertThat(problems).as("queries that failed or came back empty").isEmpty();
    assertThat(queries).isGreaterThan(100);
  }

  private static long count(Jdbi jdbi, String table) {
    return jdbi.withHandle(
        h -> h.createQuery("SELECT count(*) FROM " + table).mapTo(Long.class).one());
  }

  /** Runs one expanded query; a failure, no row, or rows of nulls only is a problem. */
  private static List<Map<String, Object>> run(
      Jdbi jdbi, GrafanaMacros macros, String sql, String where, List<String> problems) {
    String expanded;
    try {
      expanded = macros.expand(sql);
    } catch (IllegalArgumentException e) {
      problems.add(where + ": " + e.getMessage());
      return List.of();
    }
    try {
      List<Map<String, Object>> rows =
          jdbi.withHandle(h -> h.createQuery(expanded).mapToMap().list());
      if (rows.isEmpty()) {
        problems.add(where + ": no rows\n" + expanded);
      } else if (rows.stream().allMatch(r -> r.values().stream().allMatch(Objects::isNull))) {
        problems.add(where + ": only nulls\n" + expanded);
      }
      return rows;
    } catch (RuntimeException e) {
      problems.add(where + ": " + e.getMessage() + "\n" + expanded);
      return List.of();
    }
  }
}
