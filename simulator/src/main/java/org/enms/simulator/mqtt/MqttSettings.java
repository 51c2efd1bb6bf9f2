package org.enms.simulator.mqtt;

import java.util.Optional;

/**
 * How to reach the broker.
 *
 * @param maxInflight unacknowledged QoS 1/2 messages allowed per connection
 */
public record MqttSettings(
    String brokerUrl,
    String clientId,
    Optional<String> username,
    Optional<String> password,
    int maxInflight) {

  public static MqttSettings anonymous(String brokerUrl, String clientId, int maxInflight) {
    return new MqttSettings(brokerUrl, clientId, Optional.empty(), Optional.empty(), maxInflight);
  }

  public MqttSettings withClientId(String id) {
    return new MqttSettings(brokerUrl, id, username, password, maxInflight);
  }

  public MqttSettings withMaxInflight(int inflight) {
    return new MqttSettings(brokerUrl, clientId, username, password, inflight);
  }
}
