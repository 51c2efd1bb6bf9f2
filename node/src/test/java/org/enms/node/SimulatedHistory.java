package org.enms.node;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.time.Instant;
import java.util.Locale;
import java.util.Map;
import org.enms.core.plant.Machine;

/**
 * A machine's history made by the simulator's physics ({@code PlantHistory}), imported into a node
 * as the commonest meter file: 15-min kWh, each row stamped at its interval's beginning.
 */
final class SimulatedHistory {
  static final Duration STEP = Duration.ofMinutes(15);

  private SimulatedHistory() {}

  /** Imports {@code kwh}, one value per {@link #STEP} from {@code from}, and waits for the job. */
  static void importInto(NodeFixture fixture, Machine machine, Instant from, double[] kwh) {
    StringBuilder csv = new StringBuilder("time,energy_kwh\n");
    for (int q = 0; q < kwh.length; q++) {
      csv.append(from.plus(STEP.multipliedBy(q)))
          .append(',')
          .append(String.format(Locale.ROOT, "%.6f", kwh[q]))
          .append('\n');
    }
    JsonNode job =
        fixture.importToEnd(
            Map.of(
                "machine", machine.name(),
                "value_kind", "energy_kwh",
                "timestamp_column", "time",
                "value_column", "energy_kwh",
                "stamp", "beginning",
                "interval", "15m"),
            machine.name().toLowerCase(Locale.ROOT) + ".csv",
            csv.toString(),
            Duration.ofSeconds(120));
    assertThat(job.get("status").asText()).as(job.toString()).isEqualTo("succeeded");
  }
}
