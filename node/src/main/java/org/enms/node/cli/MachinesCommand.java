package org.enms.node.cli;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ScopeType;
import picocli.CommandLine.Spec;

/**
 * {@code ./enms machines list|add|update|deactivate|activate}: the machine registry of a running
 * node, through its REST API ({@code --api}, {@code ENMS_API_URL}). Exits non-zero with the API's
 * detail when a call fails.
 */
@Command(
    name = "machines",
    mixinStandardHelpOptions = true,
    description = "List, add, update and deactivate machines of a running node (through its API).",
    subcommands = {
      MachinesCommand.ListMachines.class,
      MachinesCommand.Add.class,
      MachinesCommand.Update.class,
      MachinesCommand.Deactivate.class,
      MachinesCommand.Activate.class
    })
public final class MachinesCommand implements Callable<Integer> {
  @Option(
      names = "--api",
      scope = ScopeType.INHERIT,
      defaultValue = "${env:ENMS_API_URL:-http://127.0.0.1:8001}",
      description = "Base URL of the node's API (ENMS_API_URL). Default: ${DEFAULT-VALUE}.")
  String api;

  @Spec CommandLine.Model.CommandSpec spec;

  @Override
  public Integer call() {
    spec.commandLine().usage(spec.commandLine().getOut());
    return 0;
  }

  /** Runs {@code work} against the API; prints a refusal to stderr and returns 1. */
  private static int run(CommandLine.Model.CommandSpec spec, String api, Work work) {
    PrintWriter out = spec.commandLine().getOut();
    try {
      work.run(new RegistryClient(api), out);
      out.flush();
      return 0;
    } catch (RegistryClient.Failure e) {
      spec.commandLine().getErr().println("error: " + e.getMessage());
      return 1;
    }
  }

  @FunctionalInterface
  private interface Work {
    void run(RegistryClient client, PrintWriter out);
  }

  /**
   * The machine's id: a UUID as given, or the one machine whose name matches (case-insensitive).
   */
  static String resolve(RegistryClient client, String idOrName) {
    if (idOrName.matches("[0-9a-fA-F-]{36}")) {
      return idOrName;
    }
    JsonNode matches = client.get("/api/v1/machines?search=" + RegistryClient.encode(idOrName));
    List<JsonNode> exact = new ArrayList<>();
    matches.forEach(
        m -> {
          if (m.get("name").asText().equalsIgnoreCase(idOrName)) {
            exact.add(m);
          }
        });
    if (exact.size() == 1) {
      return exact.get(0).get("id").asText();
    }
    if (exact.isEmpty() && matches.size() == 1) {
      return matches.get(0).get("id").asText();
    }
    throw new RegistryClient.Failure(
        matches.isEmpty()
            ? "no machine named " + idOrName
            : "several machines match "
                + idOrName
                + "; give the id or the factory-unique full name");
  }

  /** Prints one machine as {@code key: value} lines. */
  static void describe(PrintWriter out, JsonNode m) {
    List<String> sources = new ArrayList<>();
    m.path("energy_sources")
        .forEach(s -> sources.add(s.get("name").asText() + " (" + s.get("unit").asText() + ")"));
    out.printf("id:               %s%n", m.get("id").asText());
    out.printf("name:             %s%n", m.get("name").asText());
    out.printf("factory:          %s%n", m.get("factory_name").asText());
    out.printf("type:             %s%n", m.get("type").asText());
    out.printf(Locale.ROOT, "rated power:      %.2f kW%n", m.get("rated_power_kw").asDouble());
    out.printf("interval:         %d s%n", m.get("data_interval_seconds").asInt());
    out.printf("energy sources:   %s%n", String.join(", ", sources));
    out.printf(
        "tariff:           %s%n", m.path("tariff_id").isNull() ? "-" : m.get("tariff_id").asText());
    out.printf("active:           %s%n", m.get("is_active").asBoolean());
  }

  /** What {@code add} and {@code update} may set; unset options are left out of the request. */
  abstract static class MachineOptions {
    @Option(names = "--name", description = "Machine name, unique within its factory.")
    String name;

    @Option(names = "--factory", description = "Factory name (or use --factory-id).")
    String factory;

    @Option(names = "--factory-id", description = "Factory id.")
    String factoryId;

    @Option(
        names = "--type",
        description =
            "compressor, hvac, motor, pump, injection_molding, conveyor, boiler or other.")
    String type;

    @Option(names = "--rated-power-kw", description = "Nameplate power, kW.")
    Double ratedPowerKw;

    @Option(names = "--interval", description = "Reporting interval, s.")
    Integer intervalSeconds;

    @Option(
        names = "--energy-source",
        paramLabel = "NAME[:UNIT]",
        description =
            "An energy source the machine draws, e.g. electricity:kWh (repeatable; replaces the list).")
    List<String> energySources;

    @Option(names = "--tariff-id", description = "Tariff id (one of the factory's).")
    String tariffId;

    @Option(names = "--no-tariff", description = "Remove the machine's tariff.")
    boolean noTariff;

    @Option(names = "--critical", negatable = true, description = "Mark the machine critical.")
    Boolean critical;

    @Option(names = "--description", description = "Free text.")
    String description;

    Map<String, Object> body() {
      Map<String, Object> body = new LinkedHashMap<>();
      put(body, "name", name);
      put(body, "factory", factory);
      put(body, "factory_id", factoryId);
      put(body, "type", type);
      put(body, "rated_power_kw", ratedPowerKw);
      put(body, "data_interval_seconds", intervalSeconds);
      if (energySources != null) {
        List<Map<String, String>> sources = new ArrayList<>();
        for (String s : energySources) {
          int colon = s.indexOf(':');
          Map<String, String> source = new LinkedHashMap<>();
          source.put("name", colon < 0 ? s : s.substring(0, colon));
          if (colon >= 0) {
            source.put("unit", s.substring(colon + 1));
          }
          sources.add(source);
        }
        body.put("energy_sources", sources);
      }
      if (noTariff) {
        body.put("tariff_id", null);
      } else {
        put(body, "tariff_id", tariffId);
      }
      put(body, "is_critical", critical);
      put(body, "description", description);
      return body;
    }

    private static void put(Map<String, Object> body, String key, Object value) {
      if (value != null) {
        body.put(key, value);
      }
    }
  }

  @Command(
      name = "list",
      mixinStandardHelpOptions = true,
      description = "List machines as a table.")
  static final class ListMachines implements Callable<Integer> {
    @CommandLine.ParentCommand MachinesCommand parent;
    @Spec CommandLine.Model.CommandSpec spec;

    @Option(names = "--search", description = "Case-insensitive part of the name.")
    String search;

    @Option(
        names = "--active",
        negatable = true,
        description = "Only active (--active) or inactive (--no-active) machines.")
    Boolean active;

    @Override
    public Integer call() {
      return run(
          spec,
          parent.api,
          (client, out) -> {
            String query = "";
            if (search != null) {
              query += "&search=" + RegistryClient.encode(search);
            }
            if (active != null) {
              query += "&is_active=" + active;
            }
            JsonNode machines =
                client.get("/api/v1/machines" + (query.isEmpty() ? "" : "?" + query.substring(1)));
            List<List<String>> rows = new ArrayList<>();
            rows.add(List.of("NAME", "TYPE", "FACTORY", "RATED KW", "ACTIVE", "ID"));
            machines.forEach(
                m ->
                    rows.add(
                        List.of(
                            m.get("name").asText(),
                            m.get("type").asText(),
                            m.get("factory_name").asText(),
                            String.format(Locale.ROOT, "%.1f", m.get("rated_power_kw").asDouble()),
                            m.get("is_active").asBoolean() ? "yes" : "no",
                            m.get("id").asText())));
            printTable(out, rows);
            out.printf("%d machine(s)%n", machines.size());
          });
    }
  }

  @Command(
      name = "add",
      mixinStandardHelpOptions = true,
      description = "Register a machine; it receives live data at once.")
  static final class Add extends MachineOptions implements Callable<Integer> {
    @CommandLine.ParentCommand MachinesCommand parent;
    @Spec CommandLine.Model.CommandSpec spec;

    @Option(
        names = "--id",
        description = "The machine_id its meter publishes (default: generated).")
    String id;

    @Override
    public Integer call() {
      return run(
          spec,
          parent.api,
          (client, out) -> {
            Map<String, Object> body = body();
            if (id != null) {
              body.put("id", id);
            }
            describe(out, client.call("POST", "/api/v1/machines", body));
          });
    }
  }

  @Command(
      name = "update",
      mixinStandardHelpOptions = true,
      description = "Change the given fields of a machine.")
  static final class Update extends MachineOptions implements Callable<Integer> {
    @CommandLine.ParentCommand MachinesCommand parent;
    @Spec CommandLine.Model.CommandSpec spec;

    @Parameters(index = "0", paramLabel = "MACHINE", description = "Machine id or name.")
    String machine;

    @Override
    public Integer call() {
      return run(
          spec,
          parent.api,
          (client, out) -> {
            Map<String, Object> body = body();
            if (body.isEmpty()) {
              throw new RegistryClient.Failure("nothing to update: give at least one option");
            }
            describe(
                out, client.call("PATCH", "/api/v1/machines/" + resolve(client, machine), body));
          });
    }
  }

  @Command(
      name = "deactivate",
      mixinStandardHelpOptions = true,
      description = "Stop accepting a machine's data; its history is kept.")
  static final class Deactivate implements Callable<Integer> {
    @CommandLine.ParentCommand MachinesCommand parent;
    @Spec CommandLine.Model.CommandSpec spec;

    @Parameters(index = "0", paramLabel = "MACHINE", description = "Machine id or name.")
    String machine;

    @Override
    public Integer call() {
      return post(spec, parent.api, machine, "deactivate");
    }
  }

  @Command(
      name = "activate",
      mixinStandardHelpOptions = true,
      description = "Accept a deactivated machine's data again.")
  static final class Activate implements Callable<Integer> {
    @CommandLine.ParentCommand MachinesCommand parent;
    @Spec CommandLine.Model.CommandSpec spec;

    @Parameters(index = "0", paramLabel = "MACHINE", description = "Machine id or name.")
    String machine;

    @Override
    public Integer call() {
      return post(spec, parent.api, machine, "activate");
    }
  }

  /** {@code POST /api/v1/machines/{id}/{action}} for a machine given by id or name. */
  private static int post(
      CommandLine.Model.CommandSpec spec, String api, String machine, String action) {
    return run(
        spec,
        api,
        (client, out) ->
            describe(
                out,
                client.call(
                    "POST", "/api/v1/machines/" + resolve(client, machine) + "/" + action, null)));
  }

  static void printTable(PrintWriter out, List<List<String>> rows) {
    int[] widths = new int[rows.get(0).size()];
    for (List<String> row : rows) {
      for (int i = 0; i < row.size(); i++) {
        widths[i] = Math.max(widths[i], row.get(i).length());
      }
    }
    for (List<String> row : rows) {
      StringBuilder line = new StringBuilder();
      for (int i = 0; i < row.size(); i++) {
        line.append(
            i == row.size() - 1
                ? row.get(i)
                : String.format("%-" + (widths[i] + 2) + "s", row.get(i)));
      }
      out.println(line.toString().stripTrailing());
    }
  }
}
