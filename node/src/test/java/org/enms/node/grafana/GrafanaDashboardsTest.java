package org.enms.node.grafana;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.Reader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.enms.node.grafana.Dashboards.Dashboard;
import org.junit.jupiter.api.Test;
import org.yaml.snakeyaml.Yaml;

/**
 * The provisioned dashboards hold what Grafana 11 reads when it loads them (a dashboard missing one
 * of these loads empty or not at all, silently, in the provisioning log), and point at the
 * provisioned data source.
 */
class GrafanaDashboardsTest {
  /** Panel types Grafana 11 ships (a misspelt type renders "Panel plugin not found"). */
  private static final Set<String> PANEL_TYPES =
      Set.of(
          "stat",
          "gauge",
          "timeseries",
          "table",
          "barchart",
          "bargauge",
          "piechart",
          "heatmap",
          "histogram",
          "text",
          "row",
          "state-timeline",
          "status-history",
          "xychart",
          "logs",
          "nodeGraph",
          "trend",
          "candlestick",
          "geomap",
          "news",
          "dashlist",
          "alertlist");

  /** The original's eleven dashboards, by the uid each has here. */
  private static final Set<String> UIDS =
      Set.of(
          "enms-factory-overview",
          "enms-machine-health",
          "enms-anomalies",
          "enms-cost",
          "enms-environmental",
          "enms-iso50001-enpi",
          "enms-model-performance",
          "enms-operational-efficiency",
          "enms-predictive",
          "enms-realtime-production",
          "enms-executive-summary");

  @Test
  void theElevenDashboardsHaveWhatGrafanaReads() {
    Map<String, Object> datasource = provisionedDatasource();
    List<Dashboard> dashboards = Dashboards.all();
    assertThat(dashboards).extracting(Dashboard::uid).containsExactlyInAnyOrderElementsOf(UIDS);
    List<String> problems = new ArrayList<>();
    for (Dashboard d : dashboards) {
      JsonNode json = d.json();
      require(
          problems,
          d,
          "title",
          json.path("title").isTextual() && !json.path("title").asText().isBlank());
      require(problems, d, "uid of at most 40 characters", d.uid().length() <= 40);
      // Grafana 11 migrates older schemas on load; 36 is where data source references became {type,
      // uid}.
      require(
          problems,
          d,
          "schemaVersion 36..40",
          json.path("schemaVersion").asInt() >= 36 && json.path("schemaVersion").asInt() <= 40);
      require(
          problems,
          d,
          "time.from and time.to",
          json.at("/time/from").isTextual() && json.at("/time/to").isTextual());
      require(problems, d, "templating.list", json.at("/templating/list").isArray());
      require(
          problems, d, "panels", json.path("panels").isArray() && !json.path("panels").isEmpty());
      Set<Integer> ids = new HashSet<>();
      for (JsonNode panel : d.panels()) {
        String where = "panel " + panel.path("id") + " " + panel.path("title").asText();
        require(problems, d, where + ": numeric id", panel.path("id").isInt());
        require(problems, d, where + ": unique id", ids.add(panel.path("id").asInt()));
        require(
            problems, d, where + ": known type", PANEL_TYPES.contains(panel.path("type").asText()));
        require(problems, d, where + ": title", !panel.path("title").asText().isBlank());
        JsonNode grid = panel.path("gridPos");
        require(
            problems,
            d,
            where + ": gridPos",
            grid.path("h").isInt()
                && grid.path("w").isInt()
                && grid.path("x").isInt()
                && grid.path("y").isInt());
        require(
            problems,
            d,
            where + ": within 24 columns",
            grid.path("x").asInt() + grid.path("w").asInt() <= 24 && grid.path("w").asInt() > 0);
        if (panel.path("type").asText().equals("row")) {
          continue;
        }
        requireDatasource(problems, d, where, panel.path("datasource"), datasource);
        require(
            problems,
            d,
            where + ": targets",
            panel.path("targets").isArray() && !panel.path("targets").isEmpty());
        for (JsonNode target : panel.path("targets")) {
          require(problems, d, where + ": refId", !target.path("refId").asText().isBlank());
          require(
              problems,
              d,
              where + ": raw SQL",
              target.path("rawQuery").asBoolean()
                  && "code".equals(target.path("editorMode").asText())
                  && !target.path("rawSql").asText().isBlank());
          require(
              problems,
              d,
              where + ": format",
              Set.of("time_series", "table").contains(target.path("format").asText()));
          requireDatasource(problems, d, where + " target", target.path("datasource"), datasource);
        }
      }
      for (JsonNode variable : d.variables()) {
        String where = "variable " + variable.path("name").asText();
        require(
            problems, d, where + ": name", variable.path("name").asText().matches("[A-Za-z]\\w*"));
        require(
            problems,
            d,
            where + ": query variable with SQL",
            "query".equals(variable.path("type").asText())
                && !variable.path("query").asText().isBlank());
        requireDatasource(problems, d, where, variable.path("datasource"), datasource);
      }
    }
    assertThat(problems).isEmpty();
  }

  @Test
  void machineHealthHasAMachineVariableAndTheOverviewAFactoryVariable() {
    assertThat(variables("enms-machine-health")).containsExactly("machine");
    assertThat(variables("enms-factory-overview")).containsExactly("factory");
  }

  @Test
  void provisioningNamesTheDashboardsFolderAndKeepsNoSecret() throws IOException {
    Map<String, Object> provider =
        firstOf(yaml("grafana/provisioning/dashboards/enms.yaml"), "providers");
    assertThat(provider).containsEntry("type", "file").containsEntry("folder", "EnMS");
    assertThat(((Map<?, ?>) provider.get("options")).get("path"))
        .isEqualTo("/var/lib/grafana/dashboards");
    Map<String, Object> datasource = provisionedDatasource();
    assertThat(datasource).containsEntry("isDefault", true);
    // Credentials come from the container's environment, never from the file.
    assertThat(((Map<?, ?>) datasource.get("secureJsonData")).get("password"))
        .isEqualTo("${GRAFANA_DB_PASSWORD}");
    assertThat(datasource.get("user")).isEqualTo("${GRAFANA_DB_USER}");
  }

  private static List<String> variables(String uid) {
    return Dashboards.all().stream()
        .filter(d -> d.uid().equals(uid))
        .flatMap(d -> d.variables().stream())
        .map(v -> v.path("name").asText())
        .toList();
  }

  private static void requireDatasource(
      List<String> problems,
      Dashboard d,
      String where,
      JsonNode ref,
      Map<String, Object> datasource) {
    require(
        problems,
        d,
        where + ": datasource {type, uid} of the provisioned one",
        datasource.get("uid").equals(ref.path("uid").asText())
            && datasource.get("type").equals(ref.path("type").asText()));
  }

  private static void require(List<String> problems, Dashboard d, String what, boolean ok) {
    if (!ok) {
      problems.add(d + ": " + what);
    }
  }

  static Map<String, Object> provisionedDatasource() {
    try {
      return firstOf(yaml("grafana/provisioning/datasources/enms.yaml"), "datasources");
    } catch (IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }

  @SuppressWarnings("unchecked")
  private static Map<String, Object> firstOf(Map<String, Object> yaml, String key) {
    return ((List<Map<String, Object>>) yaml.get(key)).get(0);
  }

  static Map<String, Object> yaml(String path) throws IOException {
    try (Reader in = Files.newBufferedReader(Dashboards.ROOT.resolve(Path.of(path)))) {
      return new Yaml().load(in);
    }
  }
}
