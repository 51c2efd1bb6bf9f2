package org.enms.http.events;

import java.time.Clock;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeoutException;
import org.apache.pekko.NotUsed;
import org.apache.pekko.actor.typed.ActorSystem;
import org.apache.pekko.http.javadsl.model.ws.Message;
import org.apache.pekko.http.javadsl.model.ws.TextMessage;
import org.apache.pekko.http.javadsl.server.AllDirectives;
import org.apache.pekko.http.javadsl.server.Route;
import org.apache.pekko.japi.Pair;
import org.apache.pekko.stream.BoundedSourceQueue;
import org.apache.pekko.stream.Materializer;
import org.apache.pekko.stream.OverflowStrategy;
import org.apache.pekko.stream.javadsl.BroadcastHub;
import org.apache.pekko.stream.javadsl.Flow;
import org.apache.pekko.stream.javadsl.Keep;
import org.apache.pekko.stream.javadsl.Sink;
import org.apache.pekko.stream.javadsl.Source;
import org.enms.http.support.QueryParams;

/**
 * The WebSocket endpoints: {@code /ws} (root) and {@code /api/v1/ws/{dashboard, anomalies,
 * training, events}} (README, "WebSocket streams").
 *
 * <p>Each client's outgoing stream is {@code hub → its filter → merge(replies, stats) →
 * buffer(client-buffer, dropHead) → backpressureTimeout(slow-client-timeout)}: the buffer never
 * holds the hub back (a slow client loses its oldest messages), and a client that takes nothing for
 * the timeout while messages wait is closed. The stats are sampled once per interval per node and
 * broadcast, so a thousand dashboards cost one sample.
 */
public final class EventRoutes extends AllDirectives {
  private final EventHub hub;
  private final Source<EncodedStats, NotUsed> stats;
  private final EventHubSettings settings;
  private final Clock clock;
  private final Materializer materializer;

  /** Stats encoded once for both shapes: {@code /ws}'s and {@code /api/v1/ws/*}'s. */
  private record EncodedStats(String root, String v1) {}

  public EventRoutes(ActorSystem<?> system, EventHub hub, StatsSampler sampler, Clock clock) {
    this.hub = hub;
    this.settings = hub.settings();
    this.clock = clock;
    this.materializer = Materializer.matFromSystem(system);
    this.stats =
        Source.tick(settings.statsInterval(), settings.statsInterval(), NotUsed.notUsed())
            .mapAsync(
                1,
                tick -> {
                  try {
                    return sampler
                        .sample()
                        .thenApply(Optional::of)
                        .exceptionally(e -> Optional.empty());
                  } catch (RuntimeException e) {
                    return CompletableFuture.completedFuture(Optional.<SystemStats>empty());
                  }
                })
            .filter(Optional::isPresent)
            .map(s -> encode(s.get()))
            .toMat(BroadcastHub.of(EncodedStats.class, 2), Keep.right())
            .run(system);
    stats.runWith(Sink.ignore(), system);
  }

  private EncodedStats encode(SystemStats s) {
    var now = clock.instant();
    return new EncodedStats(
        ClientSession.encode(new StatsUpdate(s, now)),
        ClientSession.encode(new EventMessage("stats_update", s, now)));
  }

  /** {@code /ws}, outside {@code /api/v1} as in the original. */
  public Route rootRoutes() {
    return path("ws", () -> socket(Channel.ROOT));
  }

  /** {@code /ws/{dashboard|anomalies|training|events}}, to be mounted under {@code /api/v1}. */
  public Route routes() {
    return pathPrefix(
        "ws",
        () -> path(segment -> Channel.of(segment).map(this::socket).orElseGet(() -> reject())));
  }

  private Route socket(Channel channel) {
    return parameterOptional(
        "client_id",
        clientId ->
            parameterOptional(
                "machine_ids",
                machines ->
                    parameterOptional(
                        "factory_ids",
                        factories ->
                            parameterOptional(
                                "types",
                                types ->
                                    parameterOptional(
                                        "follow",
                                        follow -> {
                                          ClientFilter defaults = ClientFilter.defaults(channel);
                                          ClientFilter initial =
                                              defaults
                                                  .subscribe(
                                                      uuids("machine_ids", machines),
                                                      uuids("factory_ids", factories),
                                                      types.map(EventRoutes::csv).orElse(null))
                                                  .following(
                                                      java.util.Set.copyOf(
                                                          Optional.ofNullable(
                                                                  uuids("follow", follow))
                                                              .orElse(List.of())));
                                          String id = clientId.orElse(UUID.randomUUID().toString());
                                          return handleWebSocketMessages(
                                              flow(channel, id, initial, defaults));
                                        })))));
  }

  private static List<String> csv(String value) {
    return Arrays.stream(value.split(",")).map(String::trim).filter(s -> !s.isEmpty()).toList();
  }

  private static List<UUID> uuids(String name, Optional<String> value) {
    return value
        .map(v -> csv(v).stream().map(s -> QueryParams.uuid("query", name, s)).toList())
        .orElse(null);
  }

  /** One client's connection: its messages in, filtered events, replies and stats out. */
  Flow<Message, Message, NotUsed> flow(
      Channel channel, String clientId, ClientFilter initial, ClientFilter defaults) {
    ClientSession session = new ClientSession(initial, defaults, hub.followers(), clock);
    Pair<BoundedSourceQueue<String>, Source<String, NotUsed>> replies =
        Source.<String>queue(16).preMaterialize(materializer);
    Sink<Message, NotUsed> in =
        Flow.<Message>create()
            .mapAsync(1, this::text)
            .to(Sink.foreach(t -> session.onText(t).ifPresent(replies.first()::offer)))
            .mapMaterializedValue(done -> NotUsed.notUsed());
    Source<String, NotUsed> events =
        hub.events().filter(e -> session.filter().accepts(e.event())).map(HubEvent::json);
    Source<String, NotUsed> statsFor =
        channel.stats
            ? stats.map(channel == Channel.ROOT ? EncodedStats::root : EncodedStats::v1)
            : Source.empty();
    String connected =
        ClientSession.encode(new Connected(clientId, channel.connectionType, clock.instant()));
    Source<Message, NotUsed> out =
        Source.single(connected)
            .concat(replies.second().merge(events).merge(statsFor))
            .buffer(settings.clientBuffer(), OverflowStrategy.dropHead())
            .backpressureTimeout(settings.slowClientTimeout())
            .recoverWithRetries(1, TimeoutException.class, Source::empty)
            .map(json -> (Message) TextMessage.create(json))
            .watchTermination(
                (notUsed, done) -> {
                  hub.clients().incrementAndGet();
                  done.whenComplete(
                      (d, e) -> {
                        hub.clients().decrementAndGet();
                        session.close();
                        replies.first().complete();
                      });
                  return notUsed;
                });
    return Flow.fromSinkAndSourceCoupled(in, out);
  }

  private java.util.concurrent.CompletionStage<String> text(Message message) {
    if (message.isText()) {
      return message
          .asTextMessage()
          .toStrict(settings.slowClientTimeout().toMillis(), materializer)
          .thenApply(strict -> strict.getStrictText());
    }
    return message
        .asBinaryMessage()
        .getStreamedData()
        .runWith(Sink.ignore(), materializer)
        .thenApply(done -> "");
  }
}
