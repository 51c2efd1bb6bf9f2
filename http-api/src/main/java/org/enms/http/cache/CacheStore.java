package org.enms.http.cache;

import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletionStage;

/**
 * Where cached answers and the stamps of changed data live: Redis, shared by the nodes, or this
 * process. Stages fail when the store cannot answer; callers then compute instead.
 */
interface CacheStore {
  CompletionStage<Optional<String>> get(String key);

  CompletionStage<Void> put(String key, String value, Duration ttl);

  /** The latest of the stamps named (epoch milliseconds), 0 when none was ever stamped. */
  CompletionStage<Long> latest(List<String> stamps);

  /** Moves each named stamp to {@code at} unless it is later already. */
  CompletionStage<Void> stamp(List<String> stamps, long at);
}
