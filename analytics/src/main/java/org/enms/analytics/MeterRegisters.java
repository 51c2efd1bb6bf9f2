package org.enms.analytics;

import java.time.Instant;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import org.enms.core.reading.EnergyReading;
import org.enms.core.reading.EnergyType;

/**
 * The cumulative registers of one machine's meters, one {@link EnergyCounter} per energy carrier,
 * and the energy it attributed to readings that are resolved but not yet recorded.
 *
 * <p>A counter-only reading is resolved once, before it is stored: that advances the counter and
 * fixes its interval energy. The same reading arrives again when it is recorded after the commit;
 * by then it is at or before the counter's last value, so the counter ignores it and nothing is
 * counted twice.
 *
 * <p>Why resolutions are remembered: storage can fail, or the node storing the batch can crash,
 * after the counter moved on. The broker then redelivers the readings and they are resolved again;
 * without a memory they would now look like duplicates and their energy would be lost. Remembering
 * what was attributed to each (carrier, time, register value) until the reading is recorded makes
 * resolution idempotent. The memory holds at most {@link #MAX_PENDING} readings (the oldest are
 * forgotten first), so readings whose record never arrives cannot make it grow.
 */
public final class MeterRegisters {
  /** Resolved readings remembered until recorded; far more than one machine has in flight. */
  public static final int MAX_PENDING = 256;

  private static final String LEGACY_ELECTRICITY = "energy";

  private final EnergyCounter.Limits limits;

  /** Most machines have one meter or none; created on the first register value of a carrier. */
  private final Map<String, EnergyCounter> counters = new HashMap<>(2);

  private final Map<Key, Pending> pending =
      new LinkedHashMap<>() {
        @Override
        protected boolean removeEldestEntry(Map.Entry<Key, Pending> eldest) {
          return size() > MAX_PENDING;
        }
      };

  public MeterRegisters(EnergyCounter.Limits limits) {
    this.limits = limits;
  }

  /** Continues a carrier's counter from a register value known from storage. */
  public void resume(String energyType, Instant time, double registerKwh) {
    counters.put(carrier(energyType), EnergyCounter.resumeFrom(limits, time, registerKwh));
  }

  /**
   * Gives a counter-only reading its interval energy (see {@link EnergyCounter}: 0 for the first
   * value, duplicates and out-of-order values; a gap's energy goes to the reading that ends it).
   * Call in time order. A reading resolved before and not yet recorded gets the same energy again.
   *
   * @param reading an energy reading with a register value and no interval energy
   */
  public Resolved resolve(EnergyReading reading) {
    var key = new Key(carrier(reading.energyType()), reading.time().toEpochMilli());
    var earlier = pending.get(key);
    if (earlier != null && earlier.registerKwh() == reading.counterKwh()) {
      return new Resolved(reading.withEnergyKwh(earlier.deltaKwh()), null);
    }
    var delta = counter(key.carrier()).accept(reading.time(), reading.counterKwh());
    if (delta.kind().accepted()) {
      pending.put(key, new Pending(reading.counterKwh(), delta.deltaKwh()));
    }
    return new Resolved(reading.withEnergyKwh(delta.deltaKwh()), delta);
  }

  /**
   * Accepts the register value of a reading being recorded, i.e. already stored. For a reading
   * resolved before, this is a no-op (the counter has passed it) apart from forgetting the
   * resolution; otherwise it advances the counter as {@link EnergyCounter#accept} does.
   */
  public CounterDelta record(EnergyReading reading) {
    var key = new Key(carrier(reading.energyType()), reading.time().toEpochMilli());
    pending.remove(key);
    return counter(key.carrier()).accept(reading.time(), reading.counterKwh());
  }

  /** Forgets the resolution of a stored reading that is not recorded (e.g. before a watermark). */
  public void forget(EnergyReading reading) {
    pending.remove(new Key(carrier(reading.energyType()), reading.time().toEpochMilli()));
  }

  /** Resolutions remembered now; for tests and footprint measurements. */
  int pendingCount() {
    return pending.size();
  }

  private EnergyCounter counter(String carrier) {
    return counters.computeIfAbsent(carrier, c -> new EnergyCounter(limits));
  }

  /** Electricity has had three spellings on the wire; they are one meter. */
  private static String carrier(String energyType) {
    return energyType == null || LEGACY_ELECTRICITY.equals(energyType)
        ? EnergyType.ELECTRICITY
        : energyType;
  }

  /**
   * A resolved reading.
   *
   * @param reading the input with {@code energyKwh} set, kWh
   * @param delta what the counter made of it; null when the resolution was remembered, not redone
   */
  public record Resolved(EnergyReading reading, CounterDelta delta) {}

  private record Key(String carrier, long millis) {}

  /**
   * A resolution awaiting its record.
   *
   * @param registerKwh the register value resolved, kWh
   * @param deltaKwh the energy it was given, kWh
   */
  private record Pending(double registerKwh, double deltaKwh) {}
}
