package org.enms.simulator.plant;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.assertj.core.data.Offset;
import org.enms.core.plant.DemoPlant;
import org.enms.core.plant.Machine;
import org.enms.simulator.physics.AnomalyKind;
import org.junit.jupiter.api.Test;

class SimulatedMachineTest {
  private static final Instant T0 = Instant.parse("2025-01-15T10:00:00Z");
  private static final Machine COMPRESSOR = DemoPlant.byName("Compressor-1").orElseThrow();
  private static final Machine BOILER = DemoPlant.byName("Boiler-1").orElseThrow();
  private static final Machine PUMP = DemoPlant.byName("Hydraulic-Pump-1").orElseThrow();

  private static SimulatedMachine running(Machine machine) {
    var simulated = SimulatedMachine.of(machine, new SplittableRandom(7));
    simulated.start();
    return simulated;
  }

  private static Map<String, Object> payload(List<MachineMessage> messages, String suffix) {
    return messages.stream()
        .filter(m -> m.topic().endsWith("/" + suffix))
        .findFirst()
        .orElseThrow()
        .payload();
  }

  private static double power(List<MachineMessage> messages, String energySuffix) {
    return ((Number) payload(messages, energySuffix).get("power_kw")).doubleValue();
  }

  @Test
  void publishesEnergyProductionEnvironmentalAndRetainedStatusUnderTheMachineTopic() {
    List<MachineMessage> messages = running(COMPRESSOR).tick(T0);
    assertThat(messages)
        .extracting(MachineMessage::topic)
        .containsExactly(
            "factory/demo/compressor-1/energy",
            "factory/demo/compressor-1/production",
            "factory/demo/compressor-1/environmental",
            "factory/demo/compressor-1/status");
    assertThat(messages)
        .extracting(MachineMessage::retained)
        .containsExactly(false, false, false, true);
    assertThat(payload(messages, "energy"))
        .containsOnlyKeys(
            "time",
            "machine_id",
            "power_kw",
            "energy_kwh",
            "voltage_v",
            "current_a",
            "power_factor",
            "frequency_hz",
            "energy_total_kwh")
        .containsEntry("time", T0)
        .containsEntry("machine_id", COMPRESSOR.id());
    assertThat(payload(messages, "production"))
        .containsOnlyKeys(
            "time",
            "machine_id",
            "production_count",
            "production_count_good",
            "production_count_bad",
            "throughput_units_per_hour",
            "operating_mode",
            "speed_percent");
    assertThat(payload(messages, "status"))
        .containsOnlyKeys(
            "timestamp", "machine_id", "is_running", "operating_mode", "current_power_kw")
        .containsEntry("is_running", true);
  }

  @Test
  void pumpProductionCarriesARecipeInsteadOfSpeed() {
    Map<String, Object> production = payload(running(PUMP).tick(T0), "production");
    assertThat(production).containsKey("recipe_id").doesNotContainKey("speed_percent");
  }

  @Test
  void boilerPublishesItsThreeCarriersWithTimestampAndEachItsOwnRegister() {
    SimulatedMachine boiler = running(BOILER);
    boiler.tick(T0);
    List<MachineMessage> messages = boiler.tick(T0.plusSeconds(30));
    assertThat(messages)
        .extracting(MachineMessage::topic)
        .containsExactly(
            "factory/DemoPlant/Boiler-1/electricity",
            "factory/DemoPlant/Boiler-1/natural_gas",
            "factory/DemoPlant/Boiler-1/steam",
            "factory/DemoPlant/Boiler-1/production",
            "factory/DemoPlant/Boiler-1/environmental",
            "factory/DemoPlant/Boiler-1/status");
    Map<String, Object> electricity = payload(messages, "electricity");
    assertThat(electricity)
        .containsKeys("timestamp", "power_kw", "energy_kwh", "power_factor", "energy_total_kwh")
        .doesNotContainKey("time");
    Map<String, Object> gas = payload(messages, "natural_gas");
    assertThat((double) gas.get("energy_total_kwh"))
        .isGreaterThan((double) gas.get("consumption_m3") * 10.55);
    assertThat(payload(messages, "production")).containsKey("time");
  }

  @Test
  void energyTotalIsTheRunningSumOfPublishedIntervalEnergy() {
    SimulatedMachine machine = running(COMPRESSOR);
    double sum = 0;
    for (int i = 0; i < 100; i++) {
      Map<String, Object> energy = payload(machine.tick(T0.plusSeconds(i)), "energy");
      sum += (double) energy.get("energy_kwh");
      assertThat((double) energy.get("energy_total_kwh")).isCloseTo(sum, Offset.offset(1e-6));
      assertThat((double) energy.get("energy_kwh"))
          .isCloseTo((double) energy.get("power_kw") / 3600, Offset.offset(1e-6));
    }
    assertThat(machine.state(T0.plusSeconds(100)).totalEnergyKwh())
        .isCloseTo(sum, Offset.offset(1e-6));
  }

  @Test
  void spikeMultipliesPowerBySeverityExactlyWithinItsWindowAndExpiresAtItsEnd() {
    SimulatedMachine normal = running(COMPRESSOR);
    SimulatedMachine faulty = running(COMPRESSOR);
    faulty.injectAnomaly(AnomalyKind.SPIKE, 2.0, T0.plusSeconds(5), Duration.ofSeconds(10));

    for (int i = 0; i < 20; i++) {
      Instant t = T0.plusSeconds(i);
      double expected = power(normal.tick(t), "energy") * (i >= 5 && i < 15 ? 2.0 : 1.0);
      assertThat(power(faulty.tick(t), "energy"))
          .as("tick %d", i)
          .isCloseTo(expected, Offset.offset(0.002));
      MachineState state = faulty.state(t);
      assertThat(state.anomalyActive()).as("tick %d", i).isEqualTo(i >= 5 && i < 15);
    }
    MachineState after = faulty.state(T0.plusSeconds(20));
    assertThat(after.anomalyType()).isNull();
    assertThat(after.anomalyEndsAt()).isNull();
  }

  @Test
  void scheduledAnomalyIsVisibleWithItsWindowBeforeItStarts() {
    SimulatedMachine machine = running(COMPRESSOR);
    machine.injectAnomaly(AnomalyKind.DRIFT, 3.0, T0.plusSeconds(60), Duration.ofSeconds(120));
    MachineState state = machine.state(T0);
    assertThat(state.anomalyActive()).isFalse();
    assertThat(state.anomalyType()).isEqualTo("drift");
    assertThat(state.anomalyStartedAt()).isEqualTo(T0.plusSeconds(60));
    assertThat(state.anomalyEndsAt()).isEqualTo(T0.plusSeconds(180));
    assertThat(machine.state(T0.plusSeconds(60)).anomalyActive()).isTrue();
  }

  @Test
  void dropAndDriftScaleBoilerGasAndSteamWithItsElectricity() {
    SimulatedMachine normal = running(BOILER);
    SimulatedMachine faulty = running(BOILER);
    faulty.injectAnomaly(AnomalyKind.DROP, 4.0, T0, Duration.ofSeconds(300));
    List<MachineMessage> a = normal.tick(T0.plusSeconds(30));
    List<MachineMessage> b = faulty.tick(T0.plusSeconds(30));
    double gasA = (double) payload(a, "natural_gas").get("flow_rate_m3h");
    double gasB = (double) payload(b, "natural_gas").get("flow_rate_m3h");
    assertThat(gasB).isCloseTo(gasA / 4, Offset.offset(0.01));
    assertThat(power(b, "electricity"))
        .isCloseTo(power(a, "electricity") / 4, Offset.offset(0.002));
  }

  @Test
  void rejectsAnAnomalyTheMachineTypeDoesNotHave() {
    assertThatThrownBy(
            () ->
                running(COMPRESSOR)
                    .injectAnomaly(AnomalyKind.BELT_SLIP, 2.0, T0, Duration.ofSeconds(60)))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("belt_slip");
  }

  @Test
  void stoppedMachinePublishesNothingButARetainedOfflineStatus() {
    SimulatedMachine machine = running(COMPRESSOR);
    machine.tick(T0);
    MachineMessage status = machine.stop(T0.plusSeconds(1));
    assertThat(status.retained()).isTrue();
    assertThat(status.payload())
        .containsEntry("is_running", false)
        .containsEntry("operating_mode", "offline")
        .containsEntry("current_power_kw", 0.0);
    assertThat(machine.tick(T0.plusSeconds(2))).isEmpty();
  }
}
