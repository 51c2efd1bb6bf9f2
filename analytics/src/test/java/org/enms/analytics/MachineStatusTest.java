package org.enms.analytics;

import static org.assertj.core.api.Assertions.assertThat;

import org.enms.core.json.Json;
import org.junit.jupiter.api.Test;

class MachineStatusTest {

  @Test
  void writesAndReadsTheOriginalLowerCaseWireNames() throws Exception {
    var mapper = Json.mapper();

    assertThat(mapper.writeValueAsString(MachineStatus.RUNNING)).isEqualTo("\"running\"");
    assertThat(mapper.writeValueAsString(MachineStatus.IDLE)).isEqualTo("\"idle\"");
    assertThat(mapper.readValue("\"stopped\"", MachineStatus.class))
        .isEqualTo(MachineStatus.STOPPED);
  }
}
