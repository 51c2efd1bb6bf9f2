package org.enms.core.reading;

import java.util.Optional;

/**
 * An MQTT topic {@code factory/{factory_id}/{machine_id}/{data_type}}. The machine segment is
 * whatever the publisher uses (a UUID, or a slug such as {@code compressor-1}); the payload's
 * {@code machine_id} is authoritative, as in the original.
 */
public record Topic(String factory, String machine, DataType dataType) {
  public static final String ROOT = "factory";

  /** Parses a topic, or returns empty when it does not have exactly four known segments. */
  public static Optional<Topic> parse(String topic) {
    String[] parts = topic.split("/", -1);
    if (parts.length != 4 || !ROOT.equals(parts[0]) || parts[1].isEmpty() || parts[2].isEmpty()) {
      return Optional.empty();
    }
    return DataType.fromWireName(parts[3]).map(t -> new Topic(parts[1], parts[2], t));
  }

  /**
   * The topic a machine with the given prefix ({@code factory/x/y}) publishes this data type on.
   */
  public static String of(String machinePrefix, DataType type) {
    return machinePrefix + "/" + type.wireName();
  }

  @Override
  public String toString() {
    return ROOT + "/" + factory + "/" + machine + "/" + dataType.wireName();
  }
}
