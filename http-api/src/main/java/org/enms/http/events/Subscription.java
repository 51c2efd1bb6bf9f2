package org.enms.http.events;

import java.util.List;
import java.util.UUID;

/**
 * The answer to subscribe, unsubscribe, reset, follow and unfollow: the client's filter now.
 *
 * @param machineIds null: any machine
 * @param factoryIds null: any factory
 * @param follow machines whose live readings the client gets
 */
record Subscription(
    List<String> types, List<UUID> machineIds, List<UUID> factoryIds, List<UUID> follow) {
  static Subscription of(ClientFilter f) {
    return new Subscription(
        f.types().stream().sorted().toList(),
        f.machineIds() == null ? null : f.machineIds().stream().sorted().toList(),
        f.factoryIds() == null ? null : f.factoryIds().stream().sorted().toList(),
        f.follows().stream().sorted().toList());
  }
}
