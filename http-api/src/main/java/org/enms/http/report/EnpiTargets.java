package org.enms.http.report;

import com.typesafe.config.Config;

/**
 * What the report judges the EnPIs by, from {@code enms.reports.targets}; the defaults are the
 * original's (1.5 kWh/unit, 75 %, 500 kW).
 *
 * @param secKwhPerUnit at most
 * @param loadFactorPercent at least
 * @param peakDemandKw at most
 */
public record EnpiTargets(double secKwhPerUnit, double loadFactorPercent, double peakDemandKw) {
  public static final EnpiTargets ORIGINAL = new EnpiTargets(1.5, 75, 500);

  public static EnpiTargets fromConfig(Config reports) {
    Config t = reports.getConfig("targets");
    return new EnpiTargets(
        t.getDouble("sec-kwh-per-unit"),
        t.getDouble("load-factor-percent"),
        t.getDouble("peak-demand-kw"));
  }
}
