package org.enms.machine;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.UUID;
import java.util.concurrent.CompletionStage;
import java.util.function.Function;
import org.enms.analytics.detect.AnomalyKind;
import org.enms.analytics.detect.Finding;
import org.enms.core.json.Json;
import org.enms.db.AnomalyDao;
import org.enms.machine.event.AnomalyDetected;
import org.enms.machine.event.AnomalyResolved;
import org.enms.machine.event.MachineEvent;

/**
 * Turns one machine's findings into idempotent writes to {@code anomalies} and the events that
 * announce them. The row id derives from machine, onset, kind and method, so a finding seen twice
 * (a redelivered reading, a retried write) is one row; an escalation or resolution addresses the
 * row of its raise.
 */
final class AnomalyWrites {
  private final UUID machineId;
  private final UUID factoryId;

  AnomalyWrites(UUID machineId, UUID factoryId) {
    this.machineId = machineId;
    this.factoryId = factoryId;
  }

  /**
   * One write and the event to publish once it is done.
   *
   * @param what for logs: "spike 1b2c…"
   * @param write the idempotent call on the port
   * @param summary what happened in words, for the log line after the write
   */
  record Write(
      UUID anomalyId,
      String what,
      Function<DetectionPort, CompletionStage<Boolean>> write,
      MachineEvent event,
      String summary) {}

  Write of(Finding finding) {
    if (finding instanceof Finding.Raised raised) {
      UUID id = id(raised.kind(), raised.onset(), raised.method());
      var row = row(raised, metadata(raised));
      return new Write(
          id,
          raised.kind().wireName() + " " + id,
          port -> port.record(id, row),
          detected(id, raised, null),
          raised.severity().wireName()
              + " "
              + raised.kind().wireName()
              + ": "
              + raised.explanation());
    }
    if (finding instanceof Finding.Escalated escalated) {
      var update = escalated.update();
      UUID id = id(update.kind(), update.onset(), update.method());
      var row = row(update, metadata(escalated));
      return new Write(
          id,
          "escalation of " + update.kind().wireName() + " " + id,
          port -> port.escalate(id, row),
          detected(id, update, escalated.previous().wireName()),
          update.kind().wireName()
              + " escalated to "
              + update.severity().wireName()
              + ": "
              + update.explanation());
    }
    var resolved = (Finding.Resolved) finding;
    UUID id = id(resolved.kind(), resolved.onset(), resolved.method());
    return new Write(
        id,
        "resolution of " + resolved.kind().wireName() + " " + id,
        port -> port.resolve(id, resolved.at(), resolved.explanation()),
        new AnomalyResolved(id, machineId, factoryId, resolved.at(), resolved.explanation()),
        resolved.kind().wireName() + " resolved: " + resolved.explanation());
  }

  private UUID id(AnomalyKind kind, Instant onset, String method) {
    return anomalyId(machineId, onset, kind.wireName(), method);
  }

  /** The row id of an anomaly: the same finding raised again (a redelivery) is the same row. */
  static UUID anomalyId(UUID machineId, Instant onset, String type, String method) {
    String key = machineId + "|" + onset + "|" + type + "|" + method;
    return UUID.nameUUIDFromBytes(key.getBytes(StandardCharsets.UTF_8));
  }

  private AnomalyDao.NewAnomaly row(Finding.Raised raised, String metadata) {
    return new AnomalyDao.NewAnomaly(
        machineId,
        raised.onset(),
        raised.kind().wireName(),
        raised.severity().wireName(),
        raised.metricName(),
        raised.actual(),
        raised.expected(),
        raised.deviationPercent(),
        raised.z(),
        raised.method(),
        null,
        metadata);
  }

  private AnomalyDetected detected(UUID anomalyId, Finding.Raised f, String previousSeverity) {
    return new AnomalyDetected(
        anomalyId,
        machineId,
        factoryId,
        f.onset(),
        f.kind().wireName(),
        f.severity().wireName(),
        f.metricName(),
        f.actual(),
        f.expected(),
        f.deviationPercent(),
        f.method(),
        f.explanation(),
        previousSeverity);
  }

  private static String metadata(Finding.Raised raised) {
    var node = Json.mapper().createObjectNode();
    node.put("source", "live");
    node.put("severity", raised.severity().wireName());
    node.put("raised_at", raised.at().toString());
    node.put("explanation", raised.explanation());
    return node.toString();
  }

  /** What an escalation adds to (or overrides in) the row's metadata; enough to store it whole. */
  private static String metadata(Finding.Escalated escalated) {
    var update = escalated.update();
    var node = Json.mapper().createObjectNode();
    node.put("source", "live");
    node.put("severity", update.severity().wireName());
    node.put("escalated_from", escalated.previous().wireName());
    node.put("escalated_at", update.at().toString());
    node.put("explanation", update.explanation());
    return node.toString();
  }
}
