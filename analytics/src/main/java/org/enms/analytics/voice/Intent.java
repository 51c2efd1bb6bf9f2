package org.enms.analytics.voice;

/** What a spoken question asks for. */
public enum Intent {
  ENERGY,
  POWER,
  STATUS,
  COST,
  SEC,
  LOAD_FACTOR,
  PEAK,
  KPI,
  ANOMALIES,
  FORECAST,
  BASELINE,
  RANKING,
  COMPARISON,
  PRODUCTION,
  SEUS,
  ENPI,
  HEALTH,
  MACHINES,
  HELP,
  UNKNOWN;

  /** Whether the answer is about one machine when one is named (or remembered). */
  public boolean machineScoped() {
    return switch (this) {
      case ENERGY,
          POWER,
          STATUS,
          COST,
          SEC,
          LOAD_FACTOR,
          PEAK,
          KPI,
          ANOMALIES,
          FORECAST,
          BASELINE,
          PRODUCTION ->
          true;
      default -> false;
    };
  }
}
