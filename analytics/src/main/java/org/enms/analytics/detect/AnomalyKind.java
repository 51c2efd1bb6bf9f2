package org.enms.analytics.detect;

import java.util.Optional;

/** What the live detector watches for; each has its own {@link Debounce} per machine. */
public enum AnomalyKind {
  /** power well above what was expected */
  SPIKE("spike"),
  /** power well below what was expected */
  DROP("drop"),
  /** a sustained shift of the level, found by the CUSUM */
  DRIFT("drift"),
  /** power above the nameplate */
  ABOVE_RATED_POWER("above_rated_power"),
  /** drawing power while reported stopped or offline */
  POWER_WHILE_STOPPED("power_while_stopped"),
  /** an active machine stopped reporting */
  SILENT("no_data");

  private final String wireName;

  AnomalyKind(String wireName) {
    this.wireName = wireName;
  }

  /** The {@code anomaly_type} stored and published. */
  public String wireName() {
    return wireName;
  }

  public static Optional<AnomalyKind> fromWireName(String name) {
    for (AnomalyKind k : values()) {
      if (k.wireName.equals(name)) {
        return Optional.of(k);
      }
    }
    return Optional.empty();
  }
}
