package org.enms.http.events;

import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The machines whose live readings some WebSocket client in the cluster follows. A machine's {@code
 * machine.reading} events are published only while it is followed, so a plant of thousands of
 * machines does not put every reading on the cluster's pub-sub.
 *
 * <p>This node's clients are counted here ({@link #follow}, {@link #unfollow}); the other nodes'
 * followed machines arrive as announcements over the cluster and expire when not renewed (so a node
 * that left stops counting). {@link #isFollowed} is a lock-free read, cheap enough for an entity to
 * call on every reading.
 */
public final class LiveFollowers {
  private final ConcurrentHashMap<UUID, Integer> local = new ConcurrentHashMap<>();
  private final Map<String, Announcement> remote = new HashMap<>();
  private volatile Set<UUID> remoteUnion = Set.of();
  private final Runnable onLocalChange;

  private record Announcement(Set<UUID> machines, long receivedNanos) {}

  LiveFollowers(Runnable onLocalChange) {
    this.onLocalChange = onLocalChange;
  }

  /** Nobody follows anything: for tests and nodes without a hub. */
  public static LiveFollowers none() {
    return new LiveFollowers(() -> {});
  }

  public boolean isFollowed(UUID machineId) {
    return local.containsKey(machineId) || remoteUnion.contains(machineId);
  }

  void follow(UUID machineId) {
    if (local.merge(machineId, 1, Integer::sum) == 1) {
      onLocalChange.run();
    }
  }

  void unfollow(UUID machineId) {
    boolean[] gone = {false};
    local.computeIfPresent(
        machineId,
        (id, n) -> {
          gone[0] = n == 1;
          return n == 1 ? null : n - 1;
        });
    if (gone[0]) {
      onLocalChange.run();
    }
  }

  Set<UUID> localMachines() {
    return Set.copyOf(local.keySet());
  }

  /** Another node's clients follow {@code machines} (replacing what it announced before). */
  synchronized void announced(String node, Set<UUID> machines, long nowNanos) {
    remote.put(node, new Announcement(Set.copyOf(machines), nowNanos));
    rebuild();
  }

  /** Forgets announcements received before {@code oldestNanos}. */
  synchronized void expire(long oldestNanos) {
    if (remote.values().removeIf(a -> a.receivedNanos() < oldestNanos)) {
      rebuild();
    }
  }

  private void rebuild() {
    Set<UUID> union = new HashSet<>();
    remote.values().forEach(a -> union.addAll(a.machines()));
    remoteUnion = Set.copyOf(union);
  }
}
