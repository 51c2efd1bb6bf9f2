package org.enms.ingest.stream;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import org.apache.pekko.NotUsed;
import org.apache.pekko.stream.javadsl.Flow;

/**
 * The door between the MQTT connections and the store, for a graceful stop. Once closed it lets no
 * new message in: those stay unacknowledged, so the broker redelivers them (to this client's
 * session, or to a peer of the shared subscription). The messages already inside are still written
 * and acknowledged over the open connections, and {@link #close()} completes when the last of them
 * is: only then may the connections go.
 */
public final class IntakeGate {
  private boolean open = true;
  private long admitted;
  private long settled;
  private long insideAtClose;
  private final CompletableFuture<Long> drained = new CompletableFuture<>();

  /** Lets a message in while the gate is open. Per connection, before the shared store. */
  public <T> Flow<T, T, NotUsed> flow() {
    return Flow.<T>create().filter(message -> admit());
  }

  synchronized boolean admit() {
    if (open) {
      admitted++;
    }
    return open;
  }

  /** Messages written and acknowledged (after the store, once per batch). */
  public synchronized void settled(int messages) {
    settled += messages;
    completeIfDrained();
  }

  /**
   * Closes the gate. The stage completes with the number of messages still inside at closing once
   * every one of them is acknowledged.
   */
  public synchronized CompletionStage<Long> close() {
    if (open) {
      open = false;
      insideAtClose = admitted - settled;
      completeIfDrained();
    }
    return drained;
  }

  /** Messages let in and not yet acknowledged. */
  public synchronized long inside() {
    return admitted - settled;
  }

  private void completeIfDrained() {
    if (!open && settled >= admitted) {
      drained.complete(insideAtClose);
    }
  }
}
