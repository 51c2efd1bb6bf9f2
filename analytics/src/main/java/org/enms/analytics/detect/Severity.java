package org.enms.analytics.detect;

/** How urgent a finding is. */
public enum Severity {
  INFO,
  WARNING,
  CRITICAL;

  /** The name published in events. */
  public String wireName() {
    return name().toLowerCase(java.util.Locale.ROOT);
  }

  /**
   * The name stored in {@code anomalies.severity}, whose check constraint (from the original
   * schema) calls the lowest level {@code normal}.
   */
  public String storedName() {
    return this == INFO ? "normal" : wireName();
  }

  /** The severity of a stored or published name ({@code normal} and {@code info} are INFO). */
  public static Severity fromName(String name) {
    return switch (name == null ? "" : name.toLowerCase(java.util.Locale.ROOT)) {
      case "critical" -> CRITICAL;
      case "warning" -> WARNING;
      default -> INFO;
    };
  }
}
