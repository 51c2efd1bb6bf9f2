package org.enms.bench;

import com.typesafe.config.Config;
import com.typesafe.config.ConfigFactory;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import org.apache.pekko.actor.typed.ActorSystem;
import org.apache.pekko.actor.typed.javadsl.Behaviors;
import org.apache.pekko.http.javadsl.ServerBinding;
import org.apache.pekko.http.javadsl.server.Directives;
import org.apache.pekko.http.javadsl.server.Route;
import org.enms.http.HttpServer;
import org.enms.http.HttpSettings;
import org.enms.http.error.ErrorHandling;
import org.enms.http.machines.LiveMachines;
import org.enms.http.machines.LiveStatus;

/**
 * One feature's routes under {@code /api/v1} on a free loopback port, in an actor system of their
 * own without a cluster, inside the API's error handler: what a bench times over HTTP.
 */
final class LoopbackApi implements AutoCloseable {
  private final ActorSystem<Void> system;
  private final int port;

  private LoopbackApi(ActorSystem<Void> system, int port) {
    this.system = system;
    this.port = port;
  }

  /** {@code routes} gets the system's configuration (for settings) and gives the v1 routes. */
  static LoopbackApi start(String name, Function<Config, Route> routes) throws Exception {
    ConfigFactory.invalidateCaches();
    Config config =
        ConfigFactory.parseMap(
                Map.of(
                    "pekko.remote.artery.canonical.port", 0,
                    "pekko.coordinated-shutdown.exit-jvm", "off",
                    "pekko.coordinated-shutdown.run-by-jvm-shutdown-hook", "off"))
            .withFallback(ConfigFactory.load())
            .resolve();
    ActorSystem<Void> system = ActorSystem.create(Behaviors.empty(), name, config);
    try {
      Route v1 = routes.apply(config);
      Route route =
          new ErrorHandling()
              .wrap(Directives.pathPrefix("api", () -> Directives.pathPrefix("v1", () -> v1)));
      ServerBinding binding =
          HttpServer.start(system, new HttpSettings("127.0.0.1", 0, 0.15), route)
              .toCompletableFuture()
              .get(10, TimeUnit.SECONDS);
      return new LoopbackApi(system, binding.localAddress().getPort());
    } catch (Exception e) {
      system.terminate();
      throw e;
    }
  }

  /** Every machine stopped: the live states a bench without entities answers with. */
  static LiveMachines allStopped() {
    return id ->
        CompletableFuture.completedFuture(new LiveStatus("stopped", 0, null, 0, 0, 0, 0, 0, 0, 0));
  }

  /** {@code http://127.0.0.1:port/api/v1/} followed by {@code path}. */
  String url(String path) {
    return "http://127.0.0.1:" + port + "/api/v1/" + path;
  }

  @Override
  public void close() throws Exception {
    system.terminate();
    system.getWhenTerminated().toCompletableFuture().get(10, TimeUnit.SECONDS);
  }
}
