package org.enms.http.kpi;

import java.time.Instant;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;

/** What a machine's electricity has cost since a time, for its live status. */
@FunctionalInterface
public interface EnergyCosts {
  /**
   * @param liveKwh the electricity the live state counts since {@code since}, kWh; what the
   *     roll-ups have not priced yet is added at the latest price
   */
  CompletionStage<Double> electricitySince(UUID machine, Instant since, double liveKwh);

  /** Everything at one rate per kWh, with no database (route tests). */
  static EnergyCosts flat(double ratePerKwh) {
    return (machine, since, liveKwh) -> CompletableFuture.completedFuture(liveKwh * ratePerKwh);
  }
}
