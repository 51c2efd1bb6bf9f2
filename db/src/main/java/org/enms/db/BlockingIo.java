package org.enms.db;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.Executor;
import java.util.function.Supplier;

/**
 * Runs blocking calls (JDBC) on a dedicated executor, in a node the {@code
 * enms-blocking-dispatcher} sized like the connection pool, so they never stall the default
 * dispatcher that actors and streams share. Free of Pekko so that every module holding a JDBC
 * service can take one; the node looks the dispatchers up.
 */
public final class BlockingIo {
  private final Executor executor;

  public BlockingIo(Executor executor) {
    this.executor = executor;
  }

  public <T> CompletionStage<T> call(Supplier<T> work) {
    return CompletableFuture.supplyAsync(work, executor);
  }

  /** For scheduling blocking work directly on this executor. */
  public Executor executor() {
    return executor;
  }
}
