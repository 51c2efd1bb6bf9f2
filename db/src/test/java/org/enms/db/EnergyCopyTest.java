package org.enms.db;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.sql.SQLException;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.enms.core.plant.DemoPlant;
import org.enms.core.reading.EnergyReading;
import org.enms.core.reading.EnergyType;
import org.enms.db.testing.PostgresExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

class EnergyCopyTest {
  @RegisterExtension static final PostgresExtension pg = new PostgresExtension();

  private static final String COLUMNS =
      "time, energy_type, power_kw, energy_kwh, energy_counter_kwh, voltage_v, current_a,"
          + " power_factor, frequency_hz, source, metadata::text";

  @Test
  void storesEveryValueAsTheInsertStoresIt() {
    UUID copied = DemoPlant.machineId(6);
    UUID inserted = DemoPlant.machineId(7);
    Instant t = Instant.now().truncatedTo(ChronoUnit.SECONDS).plusNanos(123_456_000);
    pg.database().partitions().ensureCovering(List.of(t, t.plusSeconds(1)));
    write(EnergyWritePath.COPY_INTO_PARTITION, rowsOf(copied, t));
    write(EnergyWritePath.INSERT_VIA_PARENT, rowsOf(inserted, t));

    var fromCopy = stored(copied);
    assertThat(fromCopy).hasSize(2);
    assertThat(fromCopy).isEqualTo(stored(inserted));
    assertThat(fromCopy.get(0).get("time").toString()).contains(".123456");
  }

  @Test
  void failsWithAUniqueViolationWhenARowIsAlreadyStored() {
    UUID m = DemoPlant.machineId(8);
    Instant t = Instant.now().truncatedTo(ChronoUnit.SECONDS);
    pg.database().partitions().ensureCovering(List.of(t, t.plusSeconds(1)));
    write(EnergyWritePath.INSERT_VIA_PARENT, rowsOf(m, t).subList(0, 1));

    SQLException e =
        catchThrowableOfType(
            () ->
                pg.database()
                    .jdbi()
                    .useTransaction(
                        h -> EnergyCopy.copy(h.getConnection(), "energy_readings", rowsOf(m, t))),
            SQLException.class);
    assertThat(e.getSQLState()).isEqualTo("23505");
  }

  /** One row with every optional value (and metadata), one with none but its energy. */
  private static List<EnergyReading> rowsOf(UUID machine, Instant t) {
    return List.of(
        new EnergyReading(
            machine,
            t,
            EnergyType.STEAM,
            12.5,
            0.25,
            1234.5,
            400.0,
            18.2,
            0.93,
            50.01,
            "{\"flow_rate_kg_h\": 20.0, \"note\": \"Grüße ✓\"}"),
        EnergyReading.electricity(machine, t.plusSeconds(1), -0.0, 0.5));
  }

  private static void write(EnergyWritePath path, List<EnergyReading> rows) {
    new ReadingBatchWriter(pg.database(), ReadingBatchWriter.DEFAULT_ROWS_PER_STATEMENT, path)
        .write(rows);
  }

  private static List<Map<String, Object>> stored(UUID machine) {
    return pg.database()
        .jdbi()
        .withHandle(
            h ->
                h.createQuery(
                        "SELECT "
                            + COLUMNS
                            + " FROM energy_readings WHERE machine_id = :m ORDER BY time")
                    .bind("m", machine)
                    .mapToMap()
                    .list());
  }
}
