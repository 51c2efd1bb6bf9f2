package org.enms.machine.event;

/**
 * Where machine events go: in a node, the cluster-wide event hub. Publishing never blocks and never
 * fails the publisher; a slow consumer loses events, the publisher does not wait.
 */
@FunctionalInterface
public interface EventSink {
  /** Drops every event: for tests and tools that run entities without a hub. */
  EventSink NONE = event -> {};

  void publish(MachineEvent event);
}
