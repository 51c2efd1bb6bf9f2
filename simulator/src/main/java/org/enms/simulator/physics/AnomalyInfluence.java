package org.enms.simulator.physics;

/**
 * What a machine model needs to know about the anomaly during one tick.
 *
 * @param kind the active kind, or null when none is active
 * @param powerFactor multiplier on the machine's normal power draw
 */
public record AnomalyInfluence(AnomalyKind kind, double powerFactor) {
  public static final AnomalyInfluence NONE = new AnomalyInfluence(null, 1.0);

  public boolean is(AnomalyKind candidate) {
    return kind == candidate;
  }

  public boolean isActive() {
    return kind != null;
  }
}
