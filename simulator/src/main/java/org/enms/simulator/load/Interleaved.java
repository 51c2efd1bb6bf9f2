package org.enms.simulator.load;

import java.util.function.Supplier;

/**
 * Other messages a load run mixes into its readings, e.g. hostile ones for the ingest's robustness
 * benchmark: each connection publishes one after every {@code every} load messages.
 *
 * @param next the messages; called from every connection's sender thread, so it must be thread-safe
 */
public record Interleaved(int every, Supplier<Message> next) {
  public Interleaved {
    if (every < 1) {
      throw new IllegalArgumentException("every must be >= 1");
    }
  }

  /**
   * One message to mix in.
   *
   * @param acknowledged run once the broker has acknowledged it
   */
  public record Message(String topic, byte[] payload, Runnable acknowledged) {}

  /** A share of {@code percent} % of all messages: one after every (100 - p) / p load messages. */
  public static Interleaved percent(double percent, Supplier<Message> next) {
    if (percent <= 0 || percent >= 100) {
      throw new IllegalArgumentException("percent must be in (0, 100)");
    }
    return new Interleaved((int) Math.max(1, Math.round((100 - percent) / percent)), next);
  }
}
