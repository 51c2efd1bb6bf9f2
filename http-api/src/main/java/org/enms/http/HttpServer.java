package org.enms.http;

import java.time.Duration;
import java.util.concurrent.CompletionStage;
import org.apache.pekko.actor.typed.ActorSystem;
import org.apache.pekko.http.javadsl.Http;
import org.apache.pekko.http.javadsl.ServerBinding;
import org.apache.pekko.http.javadsl.server.Route;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Binds the API and unbinds it first thing in coordinated shutdown. */
public final class HttpServer {
  private static final Logger log = LoggerFactory.getLogger(HttpServer.class);

  private HttpServer() {}

  public static CompletionStage<ServerBinding> start(
      ActorSystem<?> system, HttpSettings settings, Route route) {
    return Http.get(system)
        .newServerAt(settings.host(), settings.port())
        .bind(route)
        .thenApply(
            binding -> {
              binding.addToCoordinatedShutdown(Duration.ofSeconds(5), system);
              log.info(
                  "API listening on http://{}:{}/api/v1",
                  settings.host(),
                  binding.localAddress().getPort());
              return binding;
            });
  }
}
