package org.enms.http.events;

import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.enms.machine.event.MachineEvent;

/**
 * What one client receives, immutable: event types, and optionally only some machines or factories
 * ({@code null}: any). {@code machine.reading} events pass for followed machines only.
 *
 * @param follows machines whose live readings the client asked for
 */
record ClientFilter(
    Set<String> types, Set<UUID> machineIds, Set<UUID> factoryIds, Set<UUID> follows) {

  static ClientFilter defaults(Channel channel) {
    return new ClientFilter(channel.defaultTypes, null, null, Set.of());
  }

  /** An event whose publisher did not know its factory never passes a factory filter. */
  boolean accepts(MachineEvent event) {
    if (event.type().equals(EventTypes.READING)) {
      return follows.contains(event.machineId());
    }
    return types.contains(event.type())
        && (machineIds == null || machineIds.contains(event.machineId()))
        && (factoryIds == null || factoryIds.contains(event.factoryId()));
  }

  /**
   * Adds the given machines and factories to those the client receives; {@code types}, when given,
   * becomes the client's event types.
   */
  ClientFilter subscribe(List<UUID> machines, List<UUID> factories, List<String> typeNames) {
    return new ClientFilter(
        typeNames == null ? types : Set.copyOf(normalised(typeNames)),
        add(machineIds, machines),
        add(factoryIds, factories),
        follows);
  }

  /** Removes them; with no list at all, the client receives no events until it subscribes. */
  ClientFilter unsubscribe(List<UUID> machines, List<UUID> factories, List<String> typeNames) {
    if (machines == null && factories == null && typeNames == null) {
      return new ClientFilter(Set.of(), machineIds, factoryIds, follows);
    }
    Set<String> t = new HashSet<>(types);
    if (typeNames != null) {
      t.removeAll(normalised(typeNames));
    }
    return new ClientFilter(
        Set.copyOf(t), remove(machineIds, machines), remove(factoryIds, factories), follows);
  }

  ClientFilter following(Set<UUID> machines) {
    return new ClientFilter(types, machineIds, factoryIds, Set.copyOf(machines));
  }

  private static Set<String> normalised(List<String> names) {
    Set<String> out = new HashSet<>();
    for (String n : names) {
      out.add(EventTypes.normalise(n));
    }
    return out;
  }

  private static Set<UUID> add(Set<UUID> current, List<UUID> more) {
    if (more == null) {
      return current;
    }
    Set<UUID> out = current == null ? new HashSet<>() : new HashSet<>(current);
    out.addAll(more);
    return Set.copyOf(out);
  }

  private static Set<UUID> remove(Set<UUID> current, List<UUID> less) {
    if (less == null || current == null) {
      return current;
    }
    Set<UUID> out = new HashSet<>(current);
    out.removeAll(less);
    return Set.copyOf(out);
  }
}
