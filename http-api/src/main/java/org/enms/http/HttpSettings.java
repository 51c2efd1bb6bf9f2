package org.enms.http;

import com.typesafe.config.Config;

/**
 * The {@code enms.http} section.
 *
 * @param defaultEnergyRateUsd price per kWh of today's energy not yet rolled up while none of
 *     today's intervals is priced (the original's flat rate); costs otherwise come from the priced
 *     intervals
 */
public record HttpSettings(String host, int port, double defaultEnergyRateUsd) {
  public static HttpSettings fromConfig(Config root) {
    Config c = root.getConfig("enms.http");
    return new HttpSettings(
        c.getString("host"), c.getInt("port"), c.getDouble("default-energy-rate-usd"));
  }
}
