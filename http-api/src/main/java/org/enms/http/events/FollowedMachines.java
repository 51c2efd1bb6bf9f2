package org.enms.http.events;

import java.util.List;
import java.util.UUID;
import org.enms.machine.CborSerializable;

/** A node's announcement of the machines its WebSocket clients follow live. */
record FollowedMachines(String node, List<UUID> machines) implements CborSerializable {}
