package org.enms.http.iso50001;

import org.enms.http.support.JsonSupport;

/** Numbers as the ISO 50001 answers show them: rounded, and null where undefined (NaN). */
final class Figures {
  private Figures() {}

  static Double round(double v, int decimals) {
    return Double.isFinite(v) ? JsonSupport.round(v, decimals) : null;
  }

  static Double kwh(double v) {
    return round(v, 2);
  }

  static Double kwh(Double v) {
    return v == null ? null : round(v, 2);
  }

  static Double percent(double v) {
    return round(v, 2);
  }
}
