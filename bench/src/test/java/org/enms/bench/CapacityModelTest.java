package org.enms.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class CapacityModelTest {

  @Test
  void machinesPerNodeIsTheHeapBudgetAboveIdleOverTheEntityCost() {
    // 500 MB budget, 100 MB idle: 400 MB at 8,000 bytes an entity
    var model = new CapacityModel(100_000_000, 8_000, 500_000_000);
    assertThat(model.machinesPerNode()).isEqualTo(50_000);
  }

  @Test
  void aFleetGetsEnoughNodesPlusOneSpare() {
    var model = new CapacityModel(100_000_000, 8_000, 500_000_000);
    assertThat(model.nodesFor(1_000_000)).isEqualTo(21);
    assertThat(model.nodesFor(1_000_001)).isEqualTo(22);
    assertThat(model.nodesFor(50_000)).isEqualTo(2);
  }

  @Test
  void readingsPerSecondFollowTheInterval() {
    assertThat(CapacityModel.readingsPerSecond(1_000_000, Duration.ofSeconds(30)))
        .isCloseTo(33_333.3, org.assertj.core.data.Offset.offset(0.1));
  }

  @Test
  void aBudgetBelowIdleIsRefused() {
    assertThatThrownBy(() -> new CapacityModel(600_000_000, 8_000, 500_000_000))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void heapGaugesAreSummedOverTheHeapPoolsOnly() {
    String metrics =
        """
        # HELP jvm_memory_used_bytes The amount of used memory
        # TYPE jvm_memory_used_bytes gauge
        jvm_memory_used_bytes{area="heap",id="Tenured Gen"} 1.5E8
        jvm_memory_used_bytes{area="heap",id="Eden Space"} 2000000.0
        jvm_memory_used_bytes{area="nonheap",id="Metaspace"} 9.0E7
        jvm_memory_max_bytes{area="heap",id="Tenured Gen"} 7.0E8
        """;
    assertThat(PrometheusText.sum(metrics, "jvm_memory_used_bytes", "area=\"heap\""))
        .isEqualTo(152_000_000L);
  }
}
