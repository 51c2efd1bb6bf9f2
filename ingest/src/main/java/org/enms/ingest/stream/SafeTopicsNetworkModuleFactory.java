package org.enms.ingest.stream;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.util.Set;
import javax.net.SocketFactory;
import org.eclipse.paho.client.mqttv3.MqttConnectOptions;
import org.eclipse.paho.client.mqttv3.internal.NetworkModule;
import org.eclipse.paho.client.mqttv3.internal.TCPNetworkModule;
import org.eclipse.paho.client.mqttv3.spi.NetworkModuleFactory;

/**
 * Paho's TCP transport under the scheme {@value #SCHEME}, with {@link SafeTopicsInputStream}
 * between the socket and Paho, so that no topic can stop the ingest.
 *
 * <p>Why: Paho 1.2.5 (the MQTT client inside Pekko Connectors' MQTT source) checks every topic it
 * receives and throws an {@code IllegalArgumentException} for characters brokers deliver without
 * complaint: any emoji or other character outside the Basic Multilingual Plane (its surrogate test
 * is inverted, eclipse-paho/paho.mqtt.java#818), U+FFFD and the full- and halfwidth forms, C1
 * controls. The exception ends Paho's receiver thread without closing the connection; nothing more
 * is read, the keep-alive times out, the connection restarts, and the broker redelivers the same
 * message to the persistent session. One message from any other client (mosquitto_pub, Python) on
 * {@code factory/😀/m/energy} stopped ingest for every machine, for good. Here the characters of
 * such a topic are turned into {@code ?} before Paho reads them; the reading itself is identified
 * by its payload, and a reject shows the topic with the {@code ?}.
 *
 * <p>Registered with Paho's {@code NetworkModuleFactory} service loader, under a scheme of its own
 * so that Paho's built-in {@code tcp} stays untouched; {@link #forBroker} maps a {@code tcp://}
 * broker URL to it. TLS ({@code ssl://}) brokers keep Paho's transport and the defect.
 */
public final class SafeTopicsNetworkModuleFactory implements NetworkModuleFactory {
  public static final String SCHEME = "enms-safe-topics-tcp";
  private static final int MQTT_PORT = 1883;

  /** The URL to give Paho for {@code brokerUrl}: this transport for {@code tcp://}, else as is. */
  public static String forBroker(String brokerUrl) {
    return brokerUrl.startsWith("tcp://")
        ? SCHEME + "://" + brokerUrl.substring("tcp://".length())
        : brokerUrl;
  }

  @Override
  public Set<String> getSupportedUriSchemes() {
    return Set.of(SCHEME);
  }

  @Override
  public void validateURI(URI brokerUri) {
    String path = brokerUri.getPath();
    if (path != null && !path.isEmpty()) {
      throw new IllegalArgumentException("URI path must be empty \"" + brokerUri + "\"");
    }
  }

  @Override
  public NetworkModule createNetworkModule(
      URI brokerUri, MqttConnectOptions options, String clientId) {
    SocketFactory sockets =
        options.getSocketFactory() == null
            ? SocketFactory.getDefault()
            : options.getSocketFactory();
    int port = brokerUri.getPort() == -1 ? MQTT_PORT : brokerUri.getPort();
    TCPNetworkModule module =
        new TCPNetworkModule(sockets, brokerUri.getHost(), port, clientId) {
          private InputStream guarded;

          @Override
          public InputStream getInputStream() throws IOException {
            if (guarded == null) {
              guarded = new SafeTopicsInputStream(super.getInputStream());
            }
            return guarded;
          }

          @Override
          public String getServerURI() {
            return "tcp://" + brokerUri.getHost() + ":" + port;
          }
        };
    module.setConnectTimeout(options.getConnectionTimeout());
    return module;
  }
}
