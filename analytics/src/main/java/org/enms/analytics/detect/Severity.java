package org.enms.analytics.detect;

/** How urgent a finding is. */
public enum Severity {
  INFO,
  WARNING,
  CRITICAL;

  /** The name stored in {@code anomalies.severity} and published in events. */
  public String wireName() {
    return name().toLowerCase(java.util.Locale.ROOT);
  }

  /**
   * The severity of a stored or published name; {@code normal}, the original's name for the lowest
   * level, is INFO.
   */
  public static Severity fromName(String name) {
    return switch (name == null ? "" : name.toLowerCase(java.util.Locale.ROOT)) {
      case "critical" -> CRITICAL;
      case "warning" -> WARNING;
      default -> INFO;
    };
  }
}
