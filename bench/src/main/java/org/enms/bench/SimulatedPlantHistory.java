package org.enms.bench;

import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.enms.analytics.forecast.RegularSeries;
import org.enms.core.plant.DemoPlant;
import org.enms.core.plant.Machine;
import org.enms.core.reading.DataType;
import org.enms.simulator.physics.Anomaly;
import org.enms.simulator.physics.AnomalyInfluence;
import org.enms.simulator.physics.AnomalyKind;
import org.enms.simulator.physics.MachinePhysics;
import org.enms.simulator.physics.Message;
import org.enms.simulator.physics.Sample;

/**
 * History of the demo plant made by the simulator's own physics, tick by tick at each machine's
 * reporting interval, without MQTT: the electricity each machine would have reported, summed into
 * 15-minute buckets. The simulator's anomalies (spikes, drops, drifts of up to an hour) are
 * injected at random, {@code anomaliesPerDay} per machine on average, as a real history would hold
 * faults. Seeded, so a run can be repeated.
 */
final class SimulatedPlantHistory {
  static final Duration STEP = Duration.ofMinutes(15);
  private static final List<AnomalyKind> GENERIC =
      List.of(AnomalyKind.SPIKE, AnomalyKind.DROP, AnomalyKind.DRIFT);

  private SimulatedPlantHistory() {}

  /** Electricity per 15 minutes, kWh, per machine name, from {@code start} for {@code days}. */
  static Map<String, RegularSeries> generate(
      Instant start, int days, double anomaliesPerDay, long seed) {
    Map<String, RegularSeries> series = new LinkedHashMap<>();
    SplittableRandom seeds = new SplittableRandom(seed);
    for (Machine machine : DemoPlant.MACHINES) {
      series.put(machine.name(), machine(machine, start, days, anomaliesPerDay, seeds.split()));
    }
    return series;
  }

  static RegularSeries machine(
      Machine machine, Instant start, int days, double anomaliesPerDay, SplittableRandom random) {
    int buckets = days * 96;
    double[] kwh = new double[buckets];
    MachinePhysics physics = MachinePhysics.forMachine(machine);
    int interval = machine.intervalSeconds();
    long ticks = (long) days * 86_400 / interval;
    double anomalyChancePerTick = anomaliesPerDay * interval / 86_400.0;
    Anomaly anomaly = null;
    for (long k = 1; k <= ticks; k++) {
      Instant time = start.plusSeconds(k * interval);
      if (anomaly != null && anomaly.hasEndedAt(time)) {
        anomaly = null;
      }
      if (anomaly == null && random.nextDouble() < anomalyChancePerTick) {
        anomaly =
            Anomaly.starting(
                GENERIC.get(random.nextInt(GENERIC.size())),
                random.nextDouble(Anomaly.MIN_SEVERITY, Anomaly.MAX_SEVERITY),
                time,
                Duration.ofSeconds(
                    random.nextLong(
                        Anomaly.MIN_DURATION.getSeconds(), Anomaly.MAX_DURATION.getSeconds())));
      }
      AnomalyInfluence influence = anomaly == null ? AnomalyInfluence.NONE : anomaly.influenceAt(time);
      Sample sample = physics.next(time, influence, random);
      // A reading stamped at the end of its interval belongs to the bucket the interval lies in.
      int bucket = (int) ((k * interval - 1) / STEP.getSeconds());
      for (Message message : sample.messages()) {
        if (message.dataType() == DataType.ENERGY || message.dataType() == DataType.ELECTRICITY) {
          kwh[bucket] += message.energyKwh();
        }
      }
    }
    return new RegularSeries(start, STEP, kwh);
  }
}
