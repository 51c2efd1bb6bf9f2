package org.enms.db;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.enms.db.DbSettings.DialectChoice;
import org.enms.db.testing.PostgresExtension;
import org.enms.db.testing.TestPostgresServer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

class DatabaseTest {
  @RegisterExtension static final PostgresExtension pg = new PostgresExtension();

  private long count(String sql) {
    return pg.database().jdbi().withHandle(h -> h.createQuery(sql).mapTo(Long.class).one());
  }

  @Test
  void migratesAndSeedsTheDemoPlant() {
    assertThat(pg.database().dialect()).isEqualTo(Dialect.PLAIN);
    assertThat(count("SELECT count(*) FROM factories")).isEqualTo(2);
    assertThat(count("SELECT count(*) FROM machines")).isEqualTo(8);
    assertThat(count("SELECT count(*) FROM machine_status WHERE current_mode = 'offline'"))
        .isEqualTo(8);
    assertThat(count("SELECT count(*) FROM energy_sources")).isEqualTo(4);
    assertThat(count("SELECT count(*) FROM seus")).isEqualTo(7);
    assertThat(count("SELECT count(*) FROM energy_tariffs")).isEqualTo(3);
    assertThat(count("SELECT count(*) FROM carbon_factors")).isEqualTo(3);
    assertThat(
            count(
                """
                SELECT count(*) FROM machines
                WHERE id = 'c0000000-0000-0000-0000-000000000006' AND name = 'Compressor-EU-1'
                  AND rated_power_kw = 90 AND data_interval_seconds = 1
                  AND mqtt_topic = 'factory/europe/compressor-1'
                """))
        .isEqualTo(1);
  }

  @Test
  void createsEveryRollupWithTheSameNamesAsTheContinuousAggregates() {
    for (String table : new String[] {"energy_readings", "production_data", "environmental_data"}) {
      for (String level : new String[] {"1min", "15min", "1hour", "1day"}) {
        assertThat(
                count(
                    "SELECT count(*) FROM pg_tables WHERE tablename = '"
                        + table
                        + "_"
                        + level
                        + "'"))
            .as(table + "_" + level)
            .isEqualTo(1);
      }
    }
    assertThat(
            count(
                """
                SELECT count(*) FROM information_schema.columns
                WHERE table_name = 'energy_readings_1hour' AND column_name = 'energy_type'
                """))
        .isEqualTo(1);
  }

  @Test
  void answersPing() {
    assertThat(pg.database().ping()).isTrue();
  }

  @Test
  void restartingOnAMigratedDatabaseKeepsItsDialectAndData() {
    try (Database again =
        Database.start(pg.database().settings().withDialect(DialectChoice.AUTO))) {
      assertThat(again.dialect()).isEqualTo(Dialect.PLAIN);
      long machines =
          again
              .jdbi()
              .withHandle(
                  h -> h.createQuery("SELECT count(*) FROM machines").mapTo(Long.class).one());
      assertThat(machines).isEqualTo(8);
    }
  }

  @Test
  void refusesADialectThatContradictsTheMigratedOne() {
    assertThatThrownBy(
            () -> Database.start(pg.database().settings().withDialect(DialectChoice.TIMESCALE)))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("PLAIN");
  }

  @Test
  void failsToStartWhenTheServerIsUnreachable() {
    var settings =
        TestPostgresServer.shared()
            .settingsFor("nowhere")
            .withUrl("jdbc:postgresql://127.0.0.1:1/none?connectTimeout=2");
    assertThatThrownBy(() -> Database.start(settings)).isInstanceOf(RuntimeException.class);
  }
}
