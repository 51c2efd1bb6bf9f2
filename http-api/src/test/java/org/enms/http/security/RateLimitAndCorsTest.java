package org.enms.http.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The per-client token bucket and the CORS allow-list over a real socket. */
class RateLimitAndCorsTest {
  private static final String ALLOWED = "https://portal.example.com";

  private static SecuritySettings settings(long perSecond, long burst, List<String> origins) {
    return new SecuritySettings(
        "",
        "",
        "",
        List.of("a:viewer:" + ApiKeys.hashHex("key-a"), "b:viewer:" + ApiKeys.hashHex("key-b")),
        true,
        perSecond,
        burst,
        1000,
        Duration.ofMinutes(1),
        origins,
        1 << 20);
  }

  @Test
  void aFloodIsAnswered429WithRetryAfterAndTheClientRecoversAfterTheRefill() throws Exception {
    try (SecureServer server = new SecureServer(settings(2, 5, List.of()))) {
      int ok = 0;
      HttpResponse<String> limited = null;
      for (int i = 0; i < 30; i++) {
        HttpResponse<String> r = server.send("GET", "/api/v1/machines", null, "X-API-Key", "key-a");
        if (r.statusCode() == 200) {
          ok++;
        } else {
          limited = r;
        }
      }
      // The burst of 5 and at most a refill or two while the 30 requests went out.
      assertThat(ok).isBetween(5, 9);
      assertThat(limited).isNotNull();
      assertThat(limited.statusCode()).isEqualTo(429);
      assertThat(limited.body()).startsWith("{\"detail\":\"Too many requests");
      long retryAfter = Long.parseLong(limited.headers().firstValue("Retry-After").orElseThrow());
      assertThat(retryAfter).isBetween(1L, 2L);

      // Another client has its own bucket.
      assertThat(server.send("GET", "/api/v1/machines", null, "X-API-Key", "key-b").statusCode())
          .isEqualTo(200);

      Thread.sleep(retryAfter * 1000 + 100);
      assertThat(server.send("GET", "/api/v1/machines", null, "X-API-Key", "key-a").statusCode())
          .isEqualTo(200);
    }
  }

  @Test
  void anAllowedOriginsPreflightIsAnsweredAndADisallowedOneIsRefused() throws Exception {
    try (SecureServer server = new SecureServer(settings(1000, 1000, List.of(ALLOWED)))) {
      HttpResponse<String> preflight =
          server.send(
              "OPTIONS",
              "/api/v1/machines",
              null,
              "Origin",
              ALLOWED,
              "Access-Control-Request-Method",
              "POST",
              "Access-Control-Request-Headers",
              "Authorization, Content-Type");
      assertThat(preflight.statusCode()).isEqualTo(204);
      assertThat(preflight.headers().firstValue("Access-Control-Allow-Origin")).hasValue(ALLOWED);
      assertThat(preflight.headers().firstValue("Access-Control-Allow-Methods").orElseThrow())
          .contains("POST", "DELETE");
      assertThat(preflight.headers().firstValue("Access-Control-Allow-Headers").orElseThrow())
          .contains("Authorization", "X-API-Key");

      HttpResponse<String> get = server.send("GET", "/api/v1/machines", null, "Origin", ALLOWED);
      assertThat(get.statusCode()).isEqualTo(200);
      assertThat(get.headers().firstValue("Access-Control-Allow-Origin")).hasValue(ALLOWED);

      String evil = "https://evil.example.net";
      HttpResponse<String> refused =
          server.send(
              "OPTIONS",
              "/api/v1/machines",
              null,
              "Origin",
              evil,
              "Access-Control-Request-Method",
              "POST");
      assertThat(refused.statusCode()).isEqualTo(403);
      assertThat(refused.body()).isEqualTo("{\"detail\":\"Origin not allowed\"}");
      assertThat(refused.headers().firstValue("Access-Control-Allow-Origin")).isEmpty();
      HttpResponse<String> evilGet = server.send("GET", "/api/v1/machines", null, "Origin", evil);
      assertThat(evilGet.headers().firstValue("Access-Control-Allow-Origin")).isEmpty();
    }
  }

  @Test
  void withoutAnAllowListNoCorsHeaderIsAdded() throws Exception {
    try (SecureServer server = new SecureServer(settings(1000, 1000, List.of()))) {
      HttpResponse<String> get = server.send("GET", "/api/v1/machines", null, "Origin", ALLOWED);
      assertThat(get.statusCode()).isEqualTo(200);
      assertThat(get.headers().firstValue("Access-Control-Allow-Origin")).isEmpty();
    }
  }
}
