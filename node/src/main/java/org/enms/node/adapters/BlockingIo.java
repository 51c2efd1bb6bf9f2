package org.enms.node.adapters;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.function.Supplier;
import org.apache.pekko.actor.typed.ActorSystem;
import org.apache.pekko.actor.typed.DispatcherSelector;
import scala.concurrent.ExecutionContextExecutor;

/**
 * Runs blocking calls (JDBC) on the dedicated {@code enms-blocking-dispatcher}, sized like the
 * connection pool, so they never stall the default dispatcher that actors and streams share.
 */
public final class BlockingIo {
  private final ExecutionContextExecutor executor;

  public BlockingIo(ExecutionContextExecutor executor) {
    this.executor = executor;
  }

  public static BlockingIo of(ActorSystem<?> system) {
    return of(system, "enms-blocking-dispatcher");
  }

  /**
   * Blocking calls on another configured dispatcher, to keep one kind of work from starving
   * another.
   */
  public static BlockingIo of(ActorSystem<?> system, String dispatcher) {
    return new BlockingIo(system.dispatchers().lookup(DispatcherSelector.fromConfig(dispatcher)));
  }

  public <T> CompletionStage<T> call(Supplier<T> work) {
    return CompletableFuture.supplyAsync(work, executor);
  }

  /** For scheduling blocking work directly on this dispatcher. */
  public ExecutionContextExecutor executionContext() {
    return executor;
  }
}
