package org.enms.http.events;

/**
 * The dashboard's periodic figures, computed by the node a client is connected to (one sample per
 * interval per node, shared by all its clients). The original sent its whole {@code /stats/system}
 * object; these are the figures a node knows cheaply.
 *
 * @param machinesAccepted machines whose readings ingest accepts
 * @param machinesLive machine entities alive on this node
 * @param readingsTotal readings this node has stored since it started
 * @param readingsPerSecond readings this node stored per second over the last interval
 * @param readingsPerMinute the same, per minute (the original's field)
 * @param activeAnomalies unresolved anomalies in the database; -1 when it could not be counted
 * @param websocketClients WebSocket clients connected to this node
 * @param eventsPublished events that entered this node's hub
 * @param eventsDropped events this node's hub dropped because it was saturated
 */
public record SystemStats(
    int machinesAccepted,
    long machinesLive,
    long readingsTotal,
    double readingsPerSecond,
    double readingsPerMinute,
    long activeAnomalies,
    int websocketClients,
    long eventsPublished,
    long eventsDropped) {}
