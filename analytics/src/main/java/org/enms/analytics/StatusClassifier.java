package org.enms.analytics;

/**
 * The original system's power thresholds (reference §3.0): it judged a machine by its latest
 * electrical power alone, and so do we, so that the two systems agree on what "running" means.
 */
public final class StatusClassifier {
  /** Power strictly above this is {@link MachineStatus#RUNNING}, kW. */
  public static final double RUNNING_ABOVE_KW = 5.0;

  /** Power strictly above this (and not above {@link #RUNNING_ABOVE_KW}) is idle, kW. */
  public static final double IDLE_ABOVE_KW = 0.5;

  private StatusClassifier() {}

  /** Classifies a power value in kW; NaN counts as stopped because it carries no load. */
  public static MachineStatus classify(double powerKw) {
    if (powerKw > RUNNING_ABOVE_KW) {
      return MachineStatus.RUNNING;
    }
    if (powerKw > IDLE_ABOVE_KW) {
      return MachineStatus.IDLE;
    }
    return MachineStatus.STOPPED;
  }
}
