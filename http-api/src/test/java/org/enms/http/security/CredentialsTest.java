package org.enms.http.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Token claims (issuer, audience, roles) and API-key entries, without a server. */
class CredentialsTest {
  private static final String SECRET = "credentials-test-secret-credentials-test";

  @Test
  void theIssuerAndAudienceAreCheckedWhenConfigured() throws Exception {
    BearerTokens strict = new BearerTokens(SECRET, "enms", "enms-api");
    String good = strict.mint("alice", Role.OPERATOR, Duration.ofMinutes(5), Instant.now());
    assertThat(strict.check(good))
        .isEqualTo(new Principal("alice", Role.OPERATOR, Principal.Kind.TOKEN));

    String foreign =
        new BearerTokens(SECRET, "someone-else", "enms-api")
            .mint("alice", Role.OPERATOR, Duration.ofMinutes(5), Instant.now());
    assertThatThrownBy(() -> strict.check(foreign)).isInstanceOf(CredentialRefused.class);
    String otherAudience =
        new BearerTokens(SECRET, "enms", "grafana")
            .mint("alice", Role.OPERATOR, Duration.ofMinutes(5), Instant.now());
    assertThatThrownBy(() -> strict.check(otherAudience)).isInstanceOf(CredentialRefused.class);
  }

  @Test
  void aShortSecretIsRefusedAtStart() {
    assertThatThrownBy(() -> new BearerTokens("short", "", ""))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("32 bytes");
  }

  @Test
  void apiKeysAreMatchedByHashAndMalformedEntriesRefused() throws Exception {
    ApiKeys keys =
        ApiKeys.parse(
            List.of(
                "grafana:viewer:" + ApiKeys.hashHex("g-key"),
                "scada:admin:" + ApiKeys.hashHex("s-key").toUpperCase(java.util.Locale.ROOT)));
    assertThat(keys.check("s-key"))
        .isEqualTo(new Principal("scada", Role.ADMIN, Principal.Kind.API_KEY));
    assertThat(keys.check("g-key").role()).isEqualTo(Role.VIEWER);
    assertThatThrownBy(() -> keys.check("g-kez")).isInstanceOf(CredentialRefused.class);

    assertThatThrownBy(() -> ApiKeys.parse(List.of("nohash:admin")))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> ApiKeys.parse(List.of("x:root:" + ApiKeys.hashHex("k"))))
        .hasMessageContaining("unknown role");
    assertThatThrownBy(() -> ApiKeys.parse(List.of("x:admin:abcd")))
        .hasMessageContaining("64 hex digits");
  }

  @Test
  void thePolicyListsTheVoiceQueriesAsReadsAndTheAdminActions() {
    AccessPolicy policy = new AccessPolicy();
    assertThat(policy.need("POST", "/api/v1/baseline/predict")).isEqualTo(AccessPolicy.Need.READ);
    assertThat(policy.need("POST", "/api/v1/ovos/voice/query/")).isEqualTo(AccessPolicy.Need.READ);
    assertThat(policy.need("POST", "/api/v1/baseline/train")).isEqualTo(AccessPolicy.Need.OPERATOR);
    assertThat(policy.need("POST", "/api/v1/machines/x/deactivate"))
        .isEqualTo(AccessPolicy.Need.ADMIN);
    assertThat(policy.need("POST", "/api/v1/tariffs")).isEqualTo(AccessPolicy.Need.ADMIN);
    assertThat(policy.need("POST", "/api/v1/ovos/energy-sources"))
        .isEqualTo(AccessPolicy.Need.ADMIN);
    assertThat(policy.need("DELETE", "/api/v1/anything")).isEqualTo(AccessPolicy.Need.ADMIN);
    assertThat(policy.need("GET", "/health")).isEqualTo(AccessPolicy.Need.NOTHING);
  }
}
