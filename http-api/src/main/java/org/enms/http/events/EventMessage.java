package org.enms.http.events;

import java.time.Instant;

/**
 * What a WebSocket client receives on {@code /api/v1/ws/*}, as the original's envelope: {@code
 * type} (e.g. {@code anomaly_detected}), {@code data} and the time it was sent.
 */
public record EventMessage(String type, Object data, Instant timestamp) {}
