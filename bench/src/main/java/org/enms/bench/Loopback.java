package org.enms.bench;

import java.net.URI;
import java.util.Set;

/**
 * The benches only talk to services on this machine: they flood a broker and create and drop a
 * database, which must never reach a shared server by a mistyped option.
 */
final class Loopback {
  private static final Set<String> HOSTS = Set.of("127.0.0.1", "localhost", "::1", "[::1]");

  private Loopback() {}

  /** Returns {@code url} if its host is a loopback address; throws otherwise. */
  static String require(String url) {
    String spec = url.startsWith("jdbc:") ? url.substring("jdbc:".length()) : url;
    String host = URI.create(spec).getHost();
    if (host == null || !HOSTS.contains(host)) {
      throw new IllegalArgumentException("benches run against loopback addresses only, not " + url);
    }
    return url;
  }
}
