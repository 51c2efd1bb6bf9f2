package org.enms.simulator.plant;

/**
 * The simulator as {@code GET /simulator/status} reports it.
 *
 * @param status {@code running} while any machine runs, else {@code stopped}
 * @param uptimeSeconds since the plant last went from stopped to running, s
 */
public record SimulatorStatus(
    String status,
    double uptimeSeconds,
    long factoriesCount,
    int machinesCount,
    int runningMachines,
    long totalReadingsGenerated,
    boolean mqttConnected,
    long mqttMessagesPublished,
    long mqttMessagesFailed,
    Configuration configuration) {

  /**
   * @param speedUp factor dividing every machine's interval
   */
  public record Configuration(String mqttBroker, double speedUp) {}
}
