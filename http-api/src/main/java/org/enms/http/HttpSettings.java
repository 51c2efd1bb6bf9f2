package org.enms.http;

import com.typesafe.config.Config;

/**
 * The {@code enms.http} section.
 *
 * @param defaultEnergyRateUsd flat price per kWh used for {@code cost_usd} until tariffs are
 *     applied (the original's fallback rate)
 */
public record HttpSettings(String host, int port, double defaultEnergyRateUsd) {
  public static HttpSettings fromConfig(Config root) {
    Config c = root.getConfig("enms.http");
    return new HttpSettings(
        c.getString("host"), c.getInt("port"), c.getDouble("default-energy-rate-usd"));
  }
}
