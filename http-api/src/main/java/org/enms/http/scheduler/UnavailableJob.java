package org.enms.http.scheduler;

import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;

/**
 * A job that is configured and listed but cannot run, because what it needs does not exist (yet).
 * It is never due, and a trigger is refused with the reason; nothing is pretended.
 */
final class UnavailableJob implements ScheduledJob {
  private final String id;
  private final String name;
  private final String reason;

  UnavailableJob(String id, String name, String reason) {
    this.id = id;
    this.name = name;
    this.reason = reason;
  }

  @Override
  public String id() {
    return id;
  }

  @Override
  public String name() {
    return name;
  }

  @Override
  public Optional<String> unavailable() {
    return Optional.of(reason);
  }

  @Override
  public CompletionStage<String> run(Instant dueAt) {
    return CompletableFuture.failedFuture(new IllegalStateException(reason));
  }
}
