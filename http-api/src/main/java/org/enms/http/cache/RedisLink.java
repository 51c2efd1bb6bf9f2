package org.enms.http.cache;

import io.lettuce.core.ClientOptions;
import io.lettuce.core.RedisClient;
import io.lettuce.core.RedisURI;
import io.lettuce.core.TimeoutOptions;
import io.lettuce.core.api.StatefulRedisConnection;
import io.lettuce.core.api.async.RedisAsyncCommands;
import io.lettuce.core.codec.StringCodec;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * This node's one connection to Redis. Lettuce reconnects a connection it has lost by itself; the
 * first connection is retried here with backoff (1 s doubling to 30 s), so a node starts whether
 * Redis is up or not. While there is no connection every command fails at once (never queued), so
 * callers fall back instead of waiting. Thread-safe.
 */
public final class RedisLink implements AutoCloseable {
  private static final Logger log = LoggerFactory.getLogger(RedisLink.class);
  private static final Duration FIRST_RETRY = Duration.ofSeconds(1);
  private static final Duration LAST_RETRY = Duration.ofSeconds(30);

  private final RedisClient client;
  private final RedisURI uri;
  private final AtomicReference<StatefulRedisConnection<String, String>> connection =
      new AtomicReference<>();
  private final ScheduledExecutorService retries =
      Executors.newSingleThreadScheduledExecutor(
          r -> {
            Thread t = new Thread(r, "enms-redis-connect");
            t.setDaemon(true);
            return t;
          });
  private volatile boolean closed;

  private RedisLink(String uri, Duration timeout) {
    this.uri = RedisURI.create(uri);
    this.uri.setTimeout(timeout);
    this.client = RedisClient.create();
    client.setOptions(
        ClientOptions.builder()
            .disconnectedBehavior(ClientOptions.DisconnectedBehavior.REJECT_COMMANDS)
            .timeoutOptions(TimeoutOptions.enabled(timeout))
            .build());
  }

  /** Starts connecting; commands fail until the first connection is made. */
  public static RedisLink connect(String uri, Duration timeout) {
    RedisLink link = new RedisLink(uri, timeout);
    link.attempt(FIRST_RETRY);
    return link;
  }

  private void attempt(Duration nextDelay) {
    if (closed) {
      return;
    }
    client
        .connectAsync(StringCodec.UTF8, uri)
        .whenComplete(
            (made, failure) -> {
              if (failure == null) {
                connection.set(made);
                log.info("redis connected host={} port={}", uri.getHost(), uri.getPort());
                if (closed) {
                  made.closeAsync();
                }
                return;
              }
              log.warn(
                  "redis unreachable host={} port={} retry_in={}s: {}",
                  uri.getHost(),
                  uri.getPort(),
                  nextDelay.toSeconds(),
                  failure.getMessage());
              Duration after = nextDelay.multipliedBy(2);
              retries.schedule(
                  () -> attempt(after.compareTo(LAST_RETRY) > 0 ? LAST_RETRY : after),
                  nextDelay.toMillis(),
                  TimeUnit.MILLISECONDS);
            });
  }

  /** Whether a connection is open now. */
  public boolean connected() {
    var c = connection.get();
    return c != null && c.isOpen();
  }

  /** Runs a command; the stage fails at once while there is no connection. */
  public <T> CompletionStage<T> call(
      Function<RedisAsyncCommands<String, String>, CompletionStage<T>> command) {
    StatefulRedisConnection<String, String> c = connection.get();
    if (c == null) {
      return CompletableFuture.failedFuture(new IllegalStateException("redis not connected"));
    }
    try {
      return command.apply(c.async());
    } catch (RuntimeException e) {
      return CompletableFuture.failedFuture(e);
    }
  }

  /** Where it connects, without credentials, for logs and health. */
  public String describe() {
    return uri.getHost() + ":" + uri.getPort();
  }

  @Override
  public void close() {
    closed = true;
    retries.shutdownNow();
    var c = connection.getAndSet(null);
    if (c != null) {
      c.close();
    }
    client.shutdown(Duration.ZERO, Duration.ofSeconds(2));
  }
}
