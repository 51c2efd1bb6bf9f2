package org.enms.simulator.physics;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.function.Function;
import org.enms.core.reading.DataType;

/** Runs a model for many ticks with a fixed seed. */
final class Ticks {
  private Ticks() {}

  static List<Sample> run(MachinePhysics model, Instant start, int seconds, int ticks) {
    var random = new SplittableRandom(42);
    List<Sample> samples = new ArrayList<>();
    for (int i = 0; i < ticks; i++) {
      samples.add(model.next(start.plusSeconds((long) i * seconds), AnomalyInfluence.NONE, random));
    }
    return samples;
  }

  static double mean(List<Sample> samples, Function<Sample, Double> value) {
    return samples.stream().mapToDouble(value::apply).average().orElseThrow();
  }

  static Object field(Sample sample, DataType type, String name) {
    return sample.messages().stream()
        .filter(m -> m.dataType() == type)
        .findFirst()
        .orElseThrow()
        .fields()
        .get(name);
  }

  static double number(Sample sample, DataType type, String name) {
    return ((Number) field(sample, type, name)).doubleValue();
  }
}
