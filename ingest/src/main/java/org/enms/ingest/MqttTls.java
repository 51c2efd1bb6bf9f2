package org.enms.ingest;

import com.typesafe.config.Config;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * TLS for an {@code ssl://} broker URL ({@code enms.ingest.tls}): the trust store that holds the
 * broker's CA, and a key store when the broker wants a client certificate. They are handed to Paho
 * as its SSL properties, so Paho builds the socket factory; empty paths keep the JVM's defaults
 * (its {@code cacerts}, no client certificate).
 */
public record MqttTls(
    String truststore,
    String truststorePassword,
    String truststoreType,
    String keystore,
    String keystorePassword,
    String keystoreType) {

  public static final MqttTls NONE = new MqttTls("", "", "", "", "", "");

  public static MqttTls fromConfig(Config ingest) {
    Config c = ingest.getConfig("tls");
    return new MqttTls(
        c.getString("truststore"),
        c.getString("truststore-password"),
        c.getString("truststore-type"),
        c.getString("keystore"),
        c.getString("keystore-password"),
        c.getString("keystore-type"));
  }

  /** Paho's {@code com.ibm.ssl.*} properties for the stores that are set. */
  public Map<String, String> pahoProperties() {
    Map<String, String> p = new LinkedHashMap<>();
    if (!truststore.isBlank()) {
      p.put("com.ibm.ssl.trustStore", truststore);
      putIfSet(p, "com.ibm.ssl.trustStorePassword", truststorePassword);
      putIfSet(p, "com.ibm.ssl.trustStoreType", truststoreType);
    }
    if (!keystore.isBlank()) {
      p.put("com.ibm.ssl.keyStore", keystore);
      putIfSet(p, "com.ibm.ssl.keyStorePassword", keystorePassword);
      putIfSet(p, "com.ibm.ssl.keyStoreType", keystoreType);
    }
    return p;
  }

  private static void putIfSet(Map<String, String> p, String key, String value) {
    if (!value.isBlank()) {
      p.put(key, value);
    }
  }
}
