package org.enms.ingest;

import com.typesafe.config.Config;
import java.time.Duration;
import org.enms.ingest.catalog.UnknownMachinePolicy;

/**
 * The {@code enms.ingest} section.
 *
 * @param connections subscriber connections sharing the subscription; each has the broker's
 *     in-flight window, so throughput with ack-after-commit grows with their number
 * @param bufferSize messages one connection may hold before the stream takes them
 * @param batchMaxRows readings per database transaction at most
 * @param batchMaxWait how long a batch may wait to fill; zero: none, a batch is what arrived while
 *     the writers were busy (see StoreFlow)
 * @param maxFutureSkew how far ahead of this node's clock a live reading may be stamped
 * @param maxPastAge how old a live reading may be (older data goes through imports)
 * @param catalogRefresh how often the catalogue of accepted machines is reloaded from the registry
 *     (besides right after every registry write)
 * @param unknownMachines what happens to readings of machine ids the registry does not hold
 * @param stallAfter how long commits may fail, or messages wait without a commit, before health
 *     reports ingest as stalled
 * @param maxPayloadBytes larger messages are rejected unparsed, bytes
 * @param tls trust and key stores for an {@code ssl://} broker URL
 */
public record IngestSettings(
    boolean enabled,
    String brokerUrl,
    String clientId,
    String username,
    String password,
    String topicFilter,
    String sharedGroup,
    int connections,
    int bufferSize,
    int batchMaxRows,
    Duration batchMaxWait,
    int writeParallelism,
    Duration maxFutureSkew,
    Duration maxPastAge,
    Duration minBackoff,
    Duration maxBackoff,
    Duration progressInterval,
    Duration catalogRefresh,
    UnknownMachinePolicy unknownMachines,
    Duration stallAfter,
    int maxPayloadBytes,
    MqttTls tls) {

  public static IngestSettings fromConfig(Config root) {
    Config c = root.getConfig("enms.ingest");
    String sharedGroup = c.getString("shared-group");
    // Without a shared subscription every connection would receive every message: one is enough.
    int connections = sharedGroup.isBlank() ? 1 : c.getInt("connections");
    return new IngestSettings(
        c.getBoolean("enabled"),
        c.getString("broker-url"),
        c.getString("client-id"),
        c.getString("username"),
        c.getString("password"),
        c.getString("topic-filter"),
        sharedGroup,
        connections,
        c.getInt("buffer-size"),
        c.getInt("batch-max-rows"),
        c.getDuration("batch-max-wait"),
        c.getInt("write-parallelism"),
        c.getDuration("max-future-skew"),
        c.getDuration("max-past-age"),
        c.getDuration("min-backoff"),
        c.getDuration("max-backoff"),
        c.getDuration("progress-interval"),
        c.getDuration("catalog-refresh-interval"),
        UnknownMachinePolicy.fromConfig(c),
        c.getDuration("stall-after"),
        Math.toIntExact(c.getBytes("max-payload-bytes")),
        MqttTls.fromConfig(c));
  }

  /** The client id of each connection: {@code <client-id>-<n>}, each its own persistent session. */
  public java.util.List<String> clientIds() {
    return java.util.stream.IntStream.range(0, connections)
        .mapToObj(i -> clientId + "-" + i)
        .toList();
  }

  /** The filter to subscribe to: shared ({@code $share/group/...}) when a group is configured. */
  public String subscription() {
    return sharedGroup.isBlank() ? topicFilter : "$share/" + sharedGroup + "/" + topicFilter;
  }
}
