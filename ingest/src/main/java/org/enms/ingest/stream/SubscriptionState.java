package org.enms.ingest.stream;

import java.util.concurrent.atomic.AtomicIntegerArray;

/**
 * Which subscriber connections currently hold their subscription, so health can say "ready" only
 * once the broker delivers to this node: a message published before any subscription exists is
 * dropped by the broker, as MQTT specifies for a session it does not know yet.
 */
public final class SubscriptionState {
  private final AtomicIntegerArray subscribed;

  public SubscriptionState(int connections) {
    this.subscribed = new AtomicIntegerArray(connections);
  }

  void subscribed(int connection) {
    subscribed.set(connection, 1);
  }

  void lost(int connection) {
    subscribed.set(connection, 0);
  }

  public int subscribedConnections() {
    int n = 0;
    for (int i = 0; i < subscribed.length(); i++) {
      n += subscribed.get(i);
    }
    return n;
  }

  public int connections() {
    return subscribed.length();
  }
}
