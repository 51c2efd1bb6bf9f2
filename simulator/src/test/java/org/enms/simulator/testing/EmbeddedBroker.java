package org.enms.simulator.testing;

import io.moquette.broker.Server;
import io.moquette.broker.config.MemoryConfig;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.util.Properties;

/** A Moquette broker on a free local port with in-memory persistence, for one test class. */
public final class EmbeddedBroker implements AutoCloseable {
  private final Server server = new Server();
  private final int port;

  private EmbeddedBroker(int port) {
    this.port = port;
  }

  public static EmbeddedBroker start() {
    int port = freePort();
    var broker = new EmbeddedBroker(port);
    var props = new Properties();
    props.setProperty("host", "127.0.0.1");
    props.setProperty("port", Integer.toString(port));
    props.setProperty("websocket_port", "disabled");
    props.setProperty("persistence_enabled", "false");
    props.setProperty("allow_anonymous", "true");
    props.setProperty("netty.mqtt.message_size", Integer.toString(1 << 20));
    try {
      broker.server.startServer(new MemoryConfig(props));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return broker;
  }

  public String url() {
    return "tcp://127.0.0.1:" + port;
  }

  @Override
  public void close() {
    server.stopServer();
  }

  public static int freePort() {
    try (var socket = new ServerSocket(0)) {
      return socket.getLocalPort();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
