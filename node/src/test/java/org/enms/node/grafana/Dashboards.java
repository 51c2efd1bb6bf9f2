package org.enms.node.grafana;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/** The provisioned dashboards in {@code grafana/dashboards}, and the SQL they hold. */
final class Dashboards {
  /** The repository's root, from the node module (where Surefire runs its tests). */
  static final Path ROOT = Path.of("..").toAbsolutePath().normalize();

  static final Path DIRECTORY = ROOT.resolve("grafana/dashboards");

  private static final ObjectMapper MAPPER = new ObjectMapper();

  private Dashboards() {}

  /** A dashboard's file and its JSON. */
  record Dashboard(Path file, JsonNode json) {
    String uid() {
      return json.path("uid").asText();
    }

    /** Its query variables, in the order Grafana resolves them. */
    List<JsonNode> variables() {
      List<JsonNode> out = new ArrayList<>();
      json.path("templating").path("list").forEach(out::add);
      return out;
    }

    /** Every panel, those nested in collapsed rows included. */
    List<JsonNode> panels() {
      List<JsonNode> out = new ArrayList<>();
      for (JsonNode panel : json.path("panels")) {
        out.add(panel);
        panel.path("panels").forEach(out::add);
      }
      return out;
    }

    /** Every SQL query of its panels. */
    List<PanelQuery> queries() {
      List<PanelQuery> out = new ArrayList<>();
      for (JsonNode panel : panels()) {
        panel.path("targets").forEach(target -> out.add(new PanelQuery(this, panel, target)));
      }
      return out;
    }

    @Override
    public String toString() {
      return file.getFileName().toString();
    }
  }

  /** One SQL query of a panel. */
  record PanelQuery(Dashboard dashboard, JsonNode panel, JsonNode target) {
    String sql() {
      return target.path("rawSql").asText();
    }

    String format() {
      return target.path("format").asText("time_series");
    }

    /** The panel's minimum interval ("1m"), empty for none. */
    String minInterval() {
      return panel.path("interval").asText("");
    }

    @Override
    public String toString() {
      return dashboard
          + " / "
          + panel.path("title").asText()
          + " / "
          + target.path("refId").asText();
    }
  }

  static List<Dashboard> all() {
    try (Stream<Path> files = Files.list(DIRECTORY)) {
      return files
          .filter(f -> f.getFileName().toString().endsWith(".json"))
          .sorted()
          .map(Dashboards::read)
          .toList();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static Dashboard read(Path file) {
    try {
      return new Dashboard(file, MAPPER.readTree(file.toFile()));
    } catch (IOException e) {
      throw new UncheckedIOException(file.toString(), e);
    }
  }
}
