package org.enms.http.health;

import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.util.Optional;
import java.util.concurrent.CompletionStage;
import java.util.function.IntSupplier;
import org.enms.db.BlockingIo;
import org.enms.ingest.stream.IngestMetrics;
import org.enms.ingest.stream.SubscriptionState;

/**
 * The broker accepts connections and, when this node ingests, at least one of its subscriber
 * connections holds its subscription (before that, the broker drops what is published for this
 * node's fresh session, so the node is not ready). Also shows how much has been stored.
 */
public final class BrokerProbe implements HealthProbe {
  private final String brokerUrl;
  private final Optional<SubscriptionState> subscriptions;
  private final IngestMetrics metrics;
  private final IntSupplier machinesAccepted;
  private final BlockingIo io;

  public BrokerProbe(
      String brokerUrl,
      Optional<SubscriptionState> subscriptions,
      IngestMetrics metrics,
      IntSupplier machinesAccepted,
      BlockingIo io) {
    this.brokerUrl = brokerUrl;
    this.subscriptions = subscriptions;
    this.metrics = metrics;
    this.machinesAccepted = machinesAccepted;
    this.io = io;
  }

  /**
   * @param reachable the broker accepts a TCP connection
   * @param subscribedConnections this node's subscriber connections that hold their subscription
   * @param connections this node's subscriber connections (0 when it does not ingest)
   * @param machinesAccepted machines whose readings ingest accepts
   * @param readingsStored readings this node has written since it started
   * @param rejects readings this node has refused since it started
   */
  public record Details(
      String url,
      boolean reachable,
      int subscribedConnections,
      int connections,
      int machinesAccepted,
      long readingsStored,
      long rejects) {}

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
            socket.connect(
                new InetSocketAddress(uri.getHost(), uri.getPort() < 0 ? 1883 : uri.getPort()),
                2000);
            reachable = true;
          } catch (Exception e) {
            reachable = false;
          }
          int subscribed = subscriptions.map(SubscriptionState::subscribedConnections).orElse(0);
          boolean ready = reachable && (subscriptions.isEmpty() || subscribed > 0);
          return new Result(
              ready,
              new Details(
                  brokerUrl,
                  reachable,
                  subscribed,
                  subscriptions.map(SubscriptionState::connections).orElse(0),
                  machinesAccepted.getAsInt(),
                  metrics.readingsTotal(),
                  metrics.rejectsTotal()),
              ready
                  ? null
                  : reachable
                      ? "no subscription held yet: messages for this node are not delivered"
                      : "the broker at " + brokerUrl + " does not accept connections");
        });
  }
}
