package org.enms.node;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.Map;
import org.enms.node.cli.MachinesCommand;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

/** {@code ./enms machines ...} against a running node's API. */
class MachinesCommandTest {
  private static NodeFixture fixture;

  @BeforeAll
  static void start() {
    fixture = new NodeFixture();
    fixture.startNode(Map.of("enms.ingest.enabled", false));
  }

  @AfterAll
  static void stop() throws Exception {
    fixture.close();
  }

  /** Exit code, stdout and stderr of one command line. */
  private record Result(int code, String out, String err) {}

  private static Result run(String... args) {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    String[] all = new String[args.length + 2];
    System.arraycopy(args, 0, all, 0, args.length);
    all[args.length] = "--api";
    all[args.length + 1] = "http://127.0.0.1:" + fixture.httpPort;
    int code =
        new CommandLine(new MachinesCommand())
            .setOut(new PrintWriter(out))
            .setErr(new PrintWriter(err))
            .execute(all);
    return new Result(code, out.toString(), err.toString());
  }

  @Test
  void addsListsUpdatesAndDeactivatesAMachine() {
    Result added =
        run(
            "add",
            "--name",
            "Chiller-3",
            "--factory",
            "Demo Manufacturing Plant",
            "--type",
            "hvac",
            "--rated-power-kw",
            "80",
            "--interval",
            "15",
            "--energy-source",
            "electricity:kWh");
    assertThat(added.code()).as(added.err()).isZero();
    assertThat(added.out()).contains("Chiller-3", "80.00 kW", "15 s", "electricity (kWh)");

    Result list = run("list", "--search", "chiller");
    assertThat(list.code()).isZero();
    assertThat(list.out().lines().findFirst().orElseThrow())
        .startsWith("NAME")
        .contains("RATED KW", "ACTIVE");
    assertThat(list.out()).contains("Chiller-3").contains("hvac").contains("1 machine(s)");

    Result updated = run("update", "chiller-3", "--rated-power-kw", "95.5");
    assertThat(updated.code()).as(updated.err()).isZero();
    assertThat(updated.out()).contains("95.50 kW", "hvac");

    Result off = run("deactivate", "Chiller-3");
    assertThat(off.code()).isZero();
    assertThat(off.out()).contains("active:           false");
    assertThat(run("list", "--no-active").out()).contains("Chiller-3");
  }

  @Test
  void failsWithTheApisDetailAndANonZeroExit() {
    Result duplicate =
        run(
            "add",
            "--name",
            "Compressor-1",
            "--factory",
            "Demo Manufacturing Plant",
            "--rated-power-kw",
            "5");
    assertThat(duplicate.code()).isEqualTo(1);
    assertThat(duplicate.err()).startsWith("error: 409").contains("name");

    Result invalid =
        run("add", "--name", "X", "--factory", "Demo Manufacturing Plant", "--type", "turbine");
    assertThat(invalid.code()).isEqualTo(1);
    assertThat(invalid.err())
        .contains("422", "type: must be one of", "rated_power_kw: field required");

    Result unknown = run("deactivate", "No-Such-Machine");
    assertThat(unknown.code()).isEqualTo(1);
    assertThat(unknown.err()).contains("no machine named No-Such-Machine");
  }

  @Test
  void saysSoWhenTheApiCannotBeReached() {
    StringWriter err = new StringWriter();
    int code =
        new CommandLine(new MachinesCommand())
            .setErr(new PrintWriter(err))
            .execute("list", "--api", "http://127.0.0.1:" + NodeFixture.freePort());
    assertThat(code).isEqualTo(1);
    assertThat(err.toString()).contains("cannot reach the EnMS API");
  }
}
