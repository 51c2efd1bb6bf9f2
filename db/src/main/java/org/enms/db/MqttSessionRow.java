package org.enms.db;

/**
 * One row of {@code mqtt_sessions}: an MQTT client id and the cluster member owning it.
 *
 * @param memberAddress the owner's cluster address, e.g. {@code pekko://enms@10.0.0.5:25520}
 * @param memberUid the owner's incarnation at that address (Pekko's unique address uid)
 */
public record MqttSessionRow(String clientId, String memberAddress, long memberUid) {}
