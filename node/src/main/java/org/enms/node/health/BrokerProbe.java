package org.enms.node.health;

import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.util.Map;
import java.util.concurrent.CompletionStage;
import org.enms.http.port.HealthProbe;
import org.enms.ingest.stream.IngestMetrics;
import org.enms.node.adapters.BlockingIo;

/**
 * The broker accepts connections, and how much the ingest has stored so far. A TCP probe keeps
 * the check independent of the ingest's own connections, which may be backing off.
 */
public final class BrokerProbe implements HealthProbe {
  private final String brokerUrl;
  private final IngestMetrics metrics;
  private final BlockingIo io;

  public BrokerProbe(String brokerUrl, IngestMetrics metrics, BlockingIo io) {
    this.brokerUrl = brokerUrl;
    this.metrics = metrics;
    this.io = io;
  }

  @Override
  public String name() {
    return "broker";
  }

  @Override
  public CompletionStage<Result> check() {
    return io.call(
        () -> {
          URI uri = URI.create(brokerUrl);
          boolean reachable;
          try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress(uri.getHost(), uri.getPort() < 0 ? 1883 : uri.getPort()), 2000);
            reachable = true;
          } catch (Exception e) {
            reachable = false;
          }
          return new Result(
              reachable,
              Map.of(
                  "url", brokerUrl,
                  "readings_stored", metrics.readingsTotal(),
                  "rejects", metrics.rejectsTotal()));
        });
  }
}
