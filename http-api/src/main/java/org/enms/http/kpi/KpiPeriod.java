package org.enms.http.kpi;

import java.time.Instant;
import org.enms.http.support.JsonSupport;

/** The period a KPI answer covers, as the original's {@code time_period} shows it. */
public record KpiPeriod(Instant start, Instant end, double durationHours) {
  static KpiPeriod of(Instant start, Instant end) {
    return new KpiPeriod(
        start, end, JsonSupport.round((end.toEpochMilli() - start.toEpochMilli()) / 3.6e6, 2));
  }
}
