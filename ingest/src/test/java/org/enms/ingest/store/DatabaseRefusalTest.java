package org.enms.ingest.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.SQLException;
import org.junit.jupiter.api.Test;

class DatabaseRefusalTest {
  @Test
  void recognisesADataExceptionAnywhereInTheCauseChain() {
    var failure =
        new IllegalStateException(
            "batch failed",
            new RuntimeException(new SQLException("invalid byte sequence\nDetail", "22021")));
    assertThat(DatabaseRefusal.of(failure)).contains("22021 invalid byte sequence");
  }

  @Test
  void treatsLostConnectionsAsTransient() {
    var failure = new RuntimeException(new SQLException("connection refused", "08001"));
    assertThat(DatabaseRefusal.of(failure)).isEmpty();
    assertThat(DatabaseRefusal.of(new RuntimeException("pool timeout"))).isEmpty();
  }
}
