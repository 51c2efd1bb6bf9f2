package org.enms.analytics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.time.Instant;
import java.util.UUID;
import org.enms.analytics.CounterDelta.Kind;
import org.enms.core.reading.EnergyReading;
import org.enms.core.reading.EnergyType;
import org.junit.jupiter.api.Test;

class MeterRegistersTest {
  private static final UUID ID = UUID.fromString("c0000000-0000-0000-0000-000000000003");
  private static final Instant T0 = Instant.parse("2025-03-01T10:00:00Z");

  private final MeterRegisters registers = new MeterRegisters(EnergyCounter.Limits.DEFAULT);

  private static EnergyReading register(String type, int seconds, double registerKwh) {
    return new EnergyReading(
        ID, T0.plusSeconds(seconds), type, 5, null, registerKwh, null, null, null, null, null);
  }

  private static EnergyReading register(int seconds, double registerKwh) {
    return register(EnergyType.ELECTRICITY, seconds, registerKwh);
  }

  @Test
  void resolvingGivesTheReadingTheCounterDelta() {
    registers.resolve(register(0, 100.0));

    var resolved = registers.resolve(register(60, 100.4));

    assertThat(resolved.reading().energyKwh()).isCloseTo(0.4, within(1e-9));
    assertThat(resolved.reading().counterKwh()).isEqualTo(100.4);
    assertThat(resolved.delta().kind()).isEqualTo(Kind.NORMAL);
  }

  @Test
  void aResolutionRedoneBeforeItIsRecordedGivesTheSameEnergyAgain() {
    registers.resolve(register(0, 100.0));
    registers.resolve(register(60, 100.4));
    registers.resolve(register(120, 101.0));

    // storing failed; the broker redelivers the same readings
    var again = registers.resolve(register(60, 100.4));
    var last = registers.resolve(register(120, 101.0));

    assertThat(again.reading().energyKwh()).isCloseTo(0.4, within(1e-9));
    assertThat(last.reading().energyKwh()).isCloseTo(0.6, within(1e-9));
    assertThat(again.delta()).isNull();
  }

  @Test
  void aDuplicateOfARecordedReadingGetsNothing() {
    registers.resolve(register(0, 100.0));
    var first = registers.resolve(register(60, 100.4));
    registers.record(first.reading());

    var duplicate = registers.resolve(register(60, 100.4));

    assertThat(duplicate.reading().energyKwh()).isZero();
    assertThat(duplicate.delta().kind()).isEqualTo(Kind.DUPLICATE);
  }

  @Test
  void recordingAResolvedReadingDoesNotMoveTheCounterAgain() {
    registers.resolve(register(0, 100.0));
    var resolved = registers.resolve(register(60, 100.4));

    var recorded = registers.record(resolved.reading());
    var next = registers.resolve(register(120, 100.5));

    assertThat(recorded.kind()).isEqualTo(Kind.DUPLICATE);
    assertThat(next.reading().energyKwh()).isCloseTo(0.1, within(1e-9));
  }

  @Test
  void eachCarrierHasItsOwnRegisterAndLegacyEnergyIsElectricity() {
    registers.resolve(register(EnergyType.NATURAL_GAS, 0, 5000.0));
    registers.resolve(register("energy", 0, 10.0));

    var gas = registers.resolve(register(EnergyType.NATURAL_GAS, 60, 5003.0));
    var electricity = registers.resolve(register(60, 10.5));

    assertThat(gas.reading().energyKwh()).isCloseTo(3.0, within(1e-9));
    assertThat(electricity.reading().energyKwh()).isCloseTo(0.5, within(1e-9));
  }

  @Test
  void resolutionsThatAreNeverRecordedAreForgottenBeyondTheLimit() {
    for (int i = 0; i < MeterRegisters.MAX_PENDING + 50; i++) {
      registers.resolve(register(i, 100.0 + i));
    }

    assertThat(registers.pendingCount()).isEqualTo(MeterRegisters.MAX_PENDING);
  }

  @Test
  void aResumedRegisterContinuesFromTheStoredValue() {
    registers.resume(EnergyType.ELECTRICITY, T0, 2000.0);

    var resolved = registers.resolve(register(30, 2000.7));

    assertThat(resolved.reading().energyKwh()).isCloseTo(0.7, within(1e-9));
  }
}
