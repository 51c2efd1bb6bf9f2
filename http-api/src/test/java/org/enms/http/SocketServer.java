package org.enms.http;

import java.util.concurrent.TimeUnit;
import org.apache.pekko.actor.testkit.typed.javadsl.ActorTestKit;
import org.apache.pekko.http.javadsl.server.Route;

/** A route bound over a real socket on a free port, as the node binds the API; for tests. */
public final class SocketServer implements AutoCloseable {
  private final ActorTestKit testKit = ActorTestKit.create();
  private final String base;

  public SocketServer(Route route) throws Exception {
    int port =
        HttpServer.start(testKit.system(), new HttpSettings("127.0.0.1", 0, 0.15), route)
            .toCompletableFuture()
            .get(10, TimeUnit.SECONDS)
            .localAddress()
            .getPort();
    base = "http://127.0.0.1:" + port;
  }

  /** {@code http://127.0.0.1:port}. */
  public String base() {
    return base;
  }

  @Override
  public void close() {
    testKit.shutdownTestKit();
  }
}
