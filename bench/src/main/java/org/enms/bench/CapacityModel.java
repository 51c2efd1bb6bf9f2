package org.enms.bench;

import java.time.Duration;

/**
 * The capacity arithmetic the bench prints from its figures: how many machines a node holds and how
 * many nodes a fleet needs, with one node spare so the survivors can take a lost node's machines.
 *
 * @param idleHeapBytes a node's heap after a full GC with no machine entities
 * @param bytesPerEntity heap a hosted machine entity adds, after a full GC
 * @param heapBudgetBytes the heap a node may fill with entities and its idle state (a share of -Xmx
 *     that leaves room for the garbage between collections)
 */
record CapacityModel(long idleHeapBytes, double bytesPerEntity, long heapBudgetBytes) {

  CapacityModel {
    if (bytesPerEntity <= 0 || heapBudgetBytes <= idleHeapBytes) {
      throw new IllegalArgumentException("need a positive per-entity cost and heap above idle");
    }
  }

  /** Machines one node can host within its heap budget. */
  long machinesPerNode() {
    return (long) ((heapBudgetBytes - idleHeapBytes) / bytesPerEntity);
  }

  /** Nodes for {@code machines}: enough for all of them, plus one so a lost node is covered. */
  long nodesFor(long machines) {
    return ceilDiv(machines, machinesPerNode()) + 1;
  }

  /** Readings per second the fleet sends when each machine reports once per {@code interval}. */
  static double readingsPerSecond(long machines, Duration interval) {
    return machines * 1000.0 / interval.toMillis();
  }

  private static long ceilDiv(long a, long b) {
    return (a + b - 1) / b;
  }
}
