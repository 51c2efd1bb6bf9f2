package org.enms.http.events;

import com.typesafe.config.ConfigFactory;
import java.time.Clock;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.apache.pekko.actor.testkit.typed.javadsl.ActorTestKit;
import org.apache.pekko.http.javadsl.ServerBinding;
import org.apache.pekko.http.javadsl.server.Directives;
import org.enms.http.HttpServer;
import org.enms.http.HttpSettings;

/**
 * An event hub with its WebSocket endpoints ({@code /ws} and {@code /api/v1/ws/…}) on a free port,
 * for tests over real sockets. Its stats report 8 machines accepted, 3 live, 1,000 readings and 2
 * active anomalies.
 *
 * @param base {@code ws://127.0.0.1:port}
 */
record HubServer(ActorTestKit testKit, EventHub hub, String base) {

  /** Starts it with {@code config} (HOCON) over the defaults. */
  static HubServer start(String config) throws Exception {
    ActorTestKit testKit =
        ActorTestKit.create(ConfigFactory.parseString(config).withFallback(ConfigFactory.load()));
    EventHub hub =
        EventHub.start(
            testKit.system(), EventHubSettings.fromConfig(testKit.system().settings().config()));
    var stats =
        new NodeStatsSampler(
            hub, () -> 8, () -> 3, () -> 1000, () -> CompletableFuture.completedFuture(2L));
    var routes = new EventRoutes(testKit.system(), hub, stats, Clock.systemUTC());
    ServerBinding binding =
        HttpServer.start(
                testKit.system(),
                new HttpSettings("127.0.0.1", 0, 0.15),
                Directives.concat(
                    routes.rootRoutes(),
                    Directives.pathPrefix(
                        "api", () -> Directives.pathPrefix("v1", routes::routes))))
            .toCompletableFuture()
            .get(10, TimeUnit.SECONDS);
    return new HubServer(testKit, hub, "ws://127.0.0.1:" + binding.localAddress().getPort());
  }

  void stop() {
    testKit.shutdownTestKit();
  }
}
