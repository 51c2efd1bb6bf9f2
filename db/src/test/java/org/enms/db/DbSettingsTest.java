package org.enms.db;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.typesafe.config.ConfigFactory;
import org.enms.db.DbSettings.DialectChoice;
import org.junit.jupiter.api.Test;

class DbSettingsTest {
  @Test
  void readsTheShippedDefaults() {
    DbSettings s = DbSettings.fromConfig(ConfigFactory.defaultReference());
    assertThat(s.poolSize()).isEqualTo(8);
    assertThat(s.dialect()).isEqualTo(DialectChoice.AUTO);
    assertThat(s.retentionDays()).isEqualTo(90);
    assertThat(s.compressionAfterDays()).isEqualTo(7);
    assertThat(s.partitionsAheadDays()).isEqualTo(3);
    assertThat(s.rejectsMaxRows()).isEqualTo(100_000);
  }

  @Test
  void overridesWinOverDefaults() {
    DbSettings s =
        DbSettings.fromConfig(
            ConfigFactory.parseString(
                    "enms.db { url = \"jdbc:postgresql://db:5432/x\", dialect = plain }")
                .withFallback(ConfigFactory.defaultReference()));
    assertThat(s.url()).isEqualTo("jdbc:postgresql://db:5432/x");
    assertThat(s.dialect()).isEqualTo(DialectChoice.PLAIN);
  }

  @Test
  void rejectsAnEmptyPool() {
    assertThatThrownBy(
            () -> DbSettings.fromConfig(ConfigFactory.defaultReference()).withPoolSize(0))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void refusesARetentionWithinTheRollUpRefreshWindow() {
    assertThatThrownBy(
            () ->
                DbSettings.fromConfig(
                    ConfigFactory.parseString("enms.db.retention-days = 7")
                        .withFallback(ConfigFactory.defaultReference())))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("refresh window");
  }
}
