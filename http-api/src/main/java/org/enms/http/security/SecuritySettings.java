package org.enms.http.security;

import com.typesafe.config.Config;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;

/**
 * The {@code enms.security} section. Lists are comma-separated strings so that one environment
 * variable can set them.
 *
 * @param jwtSecret HS256 secret; empty: no bearer tokens
 * @param apiKeys {@code name:role:sha256hex} entries
 * @param readsOpen whether reads (and the voice client's query POSTs) need no credential
 * @param ratePerSecond tokens a client's bucket regains per second; 0 turns the limit off
 * @param burst a client's bucket size
 * @param rateClients most clients whose buckets are kept (least recently seen ones go first)
 * @param corsOrigins origins a browser may call from; empty: no CORS headers at all
 * @param maxRequestBytes largest request body on any route but those with their own limit
 */
public record SecuritySettings(
    String jwtSecret,
    String jwtIssuer,
    String jwtAudience,
    List<String> apiKeys,
    boolean readsOpen,
    long ratePerSecond,
    long burst,
    long rateClients,
    Duration rateIdle,
    List<String> corsOrigins,
    long maxRequestBytes) {

  public static SecuritySettings fromConfig(Config root) {
    Config c = root.getConfig("enms.security");
    String reads = c.getString("reads").trim();
    if (!reads.equals("open") && !reads.equals("authenticated")) {
      throw new IllegalArgumentException(
          "enms.security.reads must be open or authenticated, not '" + reads + "'");
    }
    return new SecuritySettings(
        c.getString("jwt.secret"),
        c.getString("jwt.issuer"),
        c.getString("jwt.audience"),
        list(c.getString("api-keys")),
        reads.equals("open"),
        c.getLong("rate-limit.per-second"),
        c.getLong("rate-limit.burst"),
        c.getLong("rate-limit.clients"),
        c.getDuration("rate-limit.idle"),
        list(c.getString("cors.allowed-origins")),
        c.getBytes("max-request-bytes"));
  }

  /** Dev mode: no credential configured, so nobody could prove a role and everything is open. */
  public boolean enforcing() {
    return !jwtSecret.isEmpty() || !apiKeys.isEmpty();
  }

  static List<String> list(String commaSeparated) {
    return Arrays.stream(commaSeparated.split(","))
        .map(String::trim)
        .filter(s -> !s.isEmpty())
        .toList();
  }
}
