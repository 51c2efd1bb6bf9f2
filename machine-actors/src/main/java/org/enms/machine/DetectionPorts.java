package org.enms.machine;

import org.enms.machine.event.EventSink;

/**
 * What an entity's live detection talks to: storage for its setup and its anomalies, the sink for
 * its events, and the counters of its anomaly writes.
 */
public record DetectionPorts(
    DetectionPort storage, EventSink events, AnomalyWriteMetrics writeMetrics) {

  /** No storage, no events, no counting (tests, tools, benchmarks). */
  public static final DetectionPorts NONE =
      new DetectionPorts(DetectionPort.NONE, EventSink.NONE, AnomalyWriteMetrics.none());
}
