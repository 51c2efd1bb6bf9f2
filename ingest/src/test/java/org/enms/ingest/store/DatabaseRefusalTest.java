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
  void recognisesAValueBeyondALimitOfTheDatabase() {
    var failure = new RuntimeException(new SQLException("index row size exceeds maximum", "54000"));
    assertThat(DatabaseRefusal.of(failure)).contains("54000 index row size exceeds maximum");
  }

  @Test
  void takesTheServersMessageOverTheDriversBatchMessage() {
    var batch = new SQLException("Batch entry 0 INSERT INTO t was aborted", "22021");
    batch.setNextException(new SQLException("ERROR: invalid byte sequence", "22021"));
    assertThat(DatabaseRefusal.of(new RuntimeException(batch)))
        .contains("22021 ERROR: invalid byte sequence");
  }

  @Test
  void treatsLostConnectionsAsTransient() {
    var failure = new RuntimeException(new SQLException("connection refused", "08001"));
    assertThat(DatabaseRefusal.of(failure)).isEmpty();
    assertThat(DatabaseRefusal.of(new RuntimeException("pool timeout"))).isEmpty();
  }
}
