package org.enms.http.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Authentication and roles over a real socket, with reads open and with reads closed. */
class SecurityLayerTest {
  private static final BearerTokens TOKENS = new BearerTokens(SecureServer.SECRET, "", "");
  private static SecureServer open;
  private static SecureServer closed;

  @BeforeAll
  static void start() throws Exception {
    open = new SecureServer(SecureServer.enforcing(true));
    closed = new SecureServer(SecureServer.enforcing(false));
  }

  @AfterAll
  static void stop() {
    open.close();
    closed.close();
  }

  private static String bearer(Role role) {
    return "Bearer "
        + TOKENS.mint("alice-" + role.wireName(), role, Duration.ofMinutes(5), Instant.now());
  }

  private static void assertRefused(HttpResponse<String> response, int status) {
    assertThat(response.statusCode()).as(response.body()).isEqualTo(status);
    assertThat(response.body()).startsWith("{\"detail\":\"");
    if (status == 401) {
      assertThat(response.headers().firstValue("WWW-Authenticate"))
          .hasValueSatisfying(v -> assertThat(v).startsWith("Bearer"));
    }
  }

  @Test
  void aWriteWithoutACredentialIs401() throws Exception {
    assertRefused(open.send("POST", "/api/v1/machines", "{}"), 401);
  }

  @Test
  void aWriteWithTheViewerRoleIs403AndWithOperatorGoesThrough() throws Exception {
    assertRefused(
        open.send("POST", "/api/v1/machines", "{}", "Authorization", bearer(Role.VIEWER)), 403);
    HttpResponse<String> ok =
        open.send("POST", "/api/v1/machines", "{}", "Authorization", bearer(Role.OPERATOR));
    assertThat(ok.statusCode()).as(ok.body()).isEqualTo(201);
  }

  @Test
  void anAdminActionNeedsTheAdminRole() throws Exception {
    assertRefused(
        open.send(
            "POST", "/api/v1/scheduler/trigger/x", null, "Authorization", bearer(Role.OPERATOR)),
        403);
    assertThat(
            open.send(
                    "POST",
                    "/api/v1/scheduler/trigger/x",
                    null,
                    "Authorization",
                    bearer(Role.ADMIN))
                .statusCode())
        .isEqualTo(200);
  }

  @Test
  void anApiKeyWorksByItsRoleAndAWrongOneIs401() throws Exception {
    HttpResponse<String> ok =
        open.send("POST", "/api/v1/machines", "{}", "X-API-Key", SecureServer.OPERATOR_KEY);
    assertThat(ok.statusCode()).as(ok.body()).isEqualTo(201);
    assertRefused(
        open.send(
            "POST", "/api/v1/scheduler/trigger/x", null, "X-API-Key", SecureServer.OPERATOR_KEY),
        403);
    assertRefused(open.send("POST", "/api/v1/machines", "{}", "X-API-Key", "guess"), 401);
  }

  @Test
  void anExpiredTokenIsRefused() throws Exception {
    String expired =
        TOKENS.mint(
            "bob", Role.ADMIN, Duration.ofMinutes(5), Instant.now().minus(Duration.ofHours(1)));
    HttpResponse<String> response =
        open.send("POST", "/api/v1/machines", "{}", "Authorization", "Bearer " + expired);
    assertRefused(response, 401);
    assertThat(response.body()).contains("xpired");
  }

  @Test
  void aTokenSignedWithAnotherSecretOrGarbageIsRefused() throws Exception {
    String forged =
        new BearerTokens("another-secret-another-secret-another-secret", "", "")
            .mint("mallory", Role.ADMIN, Duration.ofMinutes(5), Instant.now());
    assertRefused(
        open.send("POST", "/api/v1/machines", "{}", "Authorization", "Bearer " + forged), 401);
    assertRefused(
        open.send("POST", "/api/v1/machines", "{}", "Authorization", "Bearer not.a.jwt"), 401);
    // A token whose alg is "none" carries no signature at all.
    assertRefused(
        open.send(
            "POST",
            "/api/v1/machines",
            "{}",
            "Authorization",
            "Bearer eyJhbGciOiJub25lIn0.eyJzdWIiOiJtYWxsb3J5Iiwicm9sZXMiOlsiYWRtaW4iXX0."),
        401);
  }

  @Test
  void withReadsOpenReadsAndTheVoiceClientsQueryPostsNeedNoCredential() throws Exception {
    assertThat(open.send("GET", "/api/v1/machines", null).statusCode()).isEqualTo(200);
    HttpResponse<String> detect = open.send("POST", "/api/v1/anomaly/detect", "{}");
    assertThat(detect.statusCode()).as(detect.body()).isEqualTo(200);
  }

  @Test
  void withReadsClosedAReadNeedsAViewer() throws Exception {
    assertRefused(closed.send("GET", "/api/v1/machines", null), 401);
    assertRefused(closed.send("POST", "/api/v1/anomaly/detect", "{}"), 401);
    assertThat(
            closed
                .send("GET", "/api/v1/machines", null, "Authorization", bearer(Role.VIEWER))
                .statusCode())
        .isEqualTo(200);
  }

  @Test
  void aBodyOverTheLimitIs413AndTheUploadRouteKeepsItsOwnLargerLimit() throws Exception {
    String twoMegabytes = "x".repeat(2 * 1024 * 1024);
    HttpResponse<String> tooLarge =
        open.send("POST", "/api/v1/machines", twoMegabytes, "Authorization", bearer(Role.OPERATOR));
    assertRefused(tooLarge, 413);
    assertThat(tooLarge.body()).doesNotContain("Exception");
    HttpResponse<String> upload =
        open.send("POST", "/api/v1/import", twoMegabytes, "Authorization", bearer(Role.OPERATOR));
    assertThat(upload.statusCode()).as(upload.body()).isEqualTo(202);
    assertRefused(
        open.send(
            "POST",
            "/api/v1/import",
            "x".repeat(SecureServer.UPLOAD_LIMIT + 1),
            "Authorization",
            bearer(Role.OPERATOR)),
        413);
  }

  @Test
  void devModeLetsEveryWriteThrough() throws Exception {
    var dev =
        new SecuritySettings(
            "",
            "",
            "",
            List.of(),
            true,
            1000,
            1000,
            1000,
            Duration.ofMinutes(1),
            List.of(),
            1 << 20);
    assertThat(dev.enforcing()).isFalse();
    try (SecureServer server = new SecureServer(dev)) {
      List<Integer> statuses = new ArrayList<>();
      statuses.add(server.send("POST", "/api/v1/machines", "{}").statusCode());
      statuses.add(server.send("POST", "/api/v1/scheduler/trigger/x", null).statusCode());
      assertThat(statuses).containsExactly(201, 200);
    }
  }
}
