package org.enms.http.events;

import org.enms.machine.event.MachineEvent;

/**
 * An event in a node's hub, with its WebSocket message encoded once for all clients.
 *
 * @param json the {@link EventMessage} every client receives
 */
public record HubEvent(MachineEvent event, String json) {}
