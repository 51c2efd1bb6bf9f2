package org.enms.http.security;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import org.enms.http.health.HealthProbe;

/**
 * How the API is protected, in {@code /health}: above all whether it runs in dev mode with writes
 * open to anyone. Always healthy: an open API is a configuration choice, not a fault.
 */
public final class SecurityProbe implements HealthProbe {
  private final Details details;

  public SecurityProbe(SecuritySettings settings) {
    this.details =
        new Details(
            settings.enforcing() ? "enforcing" : "dev-mode (writes open)",
            settings.readsOpen() ? "open" : "authenticated",
            settings.ratePerSecond() > 0);
  }

  /**
   * @param mode {@code enforcing}, or {@code dev-mode (writes open)} when no credential is
   *     configured
   * @param reads {@code open} or {@code authenticated}
   */
  public record Details(String mode, String reads, boolean rateLimited) {}

  @Override
  public String name() {
    return "security";
  }

  @Override
  public CompletionStage<Result> check() {
    return CompletableFuture.completedFuture(new Result(true, details));
  }
}
