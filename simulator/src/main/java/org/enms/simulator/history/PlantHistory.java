package org.enms.simulator.history;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.SplittableRandom;
import org.enms.core.plant.Machine;
import org.enms.core.reading.DataType;
import org.enms.simulator.physics.Anomaly;
import org.enms.simulator.physics.AnomalyInfluence;
import org.enms.simulator.physics.AnomalyKind;
import org.enms.simulator.physics.MachinePhysics;
import org.enms.simulator.physics.Message;
import org.enms.simulator.physics.Sample;

/**
 * History of a machine made by the simulator's own physics, tick by tick at its reporting interval,
 * without MQTT: the electricity it would have reported, summed per step. The simulator's anomalies
 * (spikes, drops and drifts of up to an hour) are injected at random, {@code anomaliesPerDay} on
 * average, as a real history holds faults. Deterministic for a given random generator, so a
 * benchmark or a test can be repeated.
 */
public final class PlantHistory {
  private static final List<AnomalyKind> GENERIC =
      List.of(AnomalyKind.SPIKE, AnomalyKind.DROP, AnomalyKind.DRIFT);

  private PlantHistory() {}

  /**
   * Electricity per step, kWh, of {@code steps} steps from {@code start}: the readings stamped in
   * {@code (step start, step end]}, as the roll-ups count a reading at the end of its interval.
   */
  public static double[] electricityKwh(
      Machine machine,
      Instant start,
      Duration step,
      int steps,
      double anomaliesPerDay,
      SplittableRandom random) {
    double[] kwh = new double[steps];
    MachinePhysics physics = MachinePhysics.forMachine(machine);
    int interval = machine.intervalSeconds();
    long ticks = steps * step.getSeconds() / interval;
    double anomalyChancePerTick = anomaliesPerDay * interval / 86_400.0;
    Anomaly anomaly = null;
    for (long k = 1; k <= ticks; k++) {
      Instant time = start.plusSeconds(k * interval);
      if (anomaly != null && anomaly.hasEndedAt(time)) {
        anomaly = null;
      }
      if (anomaly == null && random.nextDouble() < anomalyChancePerTick) {
        anomaly = randomAnomaly(time, random);
      }
      AnomalyInfluence influence =
          anomaly == null ? AnomalyInfluence.NONE : anomaly.influenceAt(time);
      Sample sample = physics.next(time, influence, random);
      int bucket = (int) ((k * interval - 1) / step.getSeconds());
      for (Message message : sample.messages()) {
        if (message.dataType() == DataType.ENERGY || message.dataType() == DataType.ELECTRICITY) {
          kwh[bucket] += message.energyKwh();
        }
      }
    }
    return kwh;
  }

  private static Anomaly randomAnomaly(Instant at, SplittableRandom random) {
    return Anomaly.starting(
        GENERIC.get(random.nextInt(GENERIC.size())),
        random.nextDouble(Anomaly.MIN_SEVERITY, Anomaly.MAX_SEVERITY),
        at,
        Duration.ofSeconds(
            random.nextLong(Anomaly.MIN_DURATION.getSeconds(), Anomaly.MAX_DURATION.getSeconds())));
  }
}
