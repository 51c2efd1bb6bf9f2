package org.enms.machine;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.UUID;
import java.util.concurrent.CompletionStage;
import java.util.function.Function;
import org.enms.analytics.detect.Finding;
import org.enms.core.json.Json;
import org.enms.core.reading.EnergyType;
import org.enms.db.AnomalyDao;
import org.enms.machine.event.AnomalyDetected;
import org.enms.machine.event.AnomalyResolved;
import org.enms.machine.event.MachineEvent;

/**
 * Turns one machine's findings into idempotent writes to {@code anomalies} and the events that
 * announce them. The row id derives from machine, onset, kind, method and (for carriers other than
 * electricity) the carrier, so a finding seen twice (a redelivered reading, a retried write) is one
 * row; an escalation or resolution addresses the row of its raise. A finding on natural gas or
 * steam says so: its metric is {@code natural_gas_power_kw} (kWh-equivalent per hour) and its
 * explanation starts with the carrier.
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

  Write of(LiveDetection.Found found) {
    String carrier = found.energyType() == null ? EnergyType.ELECTRICITY : found.energyType();
    Finding finding = found.finding();
    if (finding instanceof Finding.Raised raised) {
      var f = labelled(raised, carrier);
      UUID id = id(f.onset(), f.kind().wireName(), f.method(), carrier);
      var row = row(f, metadata(f), carrier);
      return new Write(
          id,
          f.kind().wireName() + " " + id,
          port -> port.record(id, row),
          detected(id, f, null),
          f.severity().wireName() + " " + f.kind().wireName() + ": " + f.explanation());
    }
    if (finding instanceof Finding.Escalated escalated) {
      var f = labelled(escalated.update(), carrier);
      UUID id = id(f.onset(), f.kind().wireName(), f.method(), carrier);
      var row = row(f, metadata(f, escalated.previous().wireName()), carrier);
      return new Write(
          id,
          "escalation of " + f.kind().wireName() + " " + id,
          port -> port.escalate(id, row),
          detected(id, f, escalated.previous().wireName()),
          f.kind().wireName()
              + " escalated to "
              + f.severity().wireName()
              + ": "
              + f.explanation());
    }
    var resolved = (Finding.Resolved) finding;
    UUID id = id(resolved.onset(), resolved.kind().wireName(), resolved.method(), carrier);
    String explanation = label(carrier) + resolved.explanation();
    return new Write(
        id,
        "resolution of " + resolved.kind().wireName() + " " + id,
        port -> port.resolve(id, resolved.at(), explanation),
        new AnomalyResolved(id, machineId, factoryId, resolved.at(), explanation),
        resolved.kind().wireName() + " resolved: " + explanation);
  }

  private UUID id(Instant onset, String type, String method, String carrier) {
    UUID electric = anomalyId(machineId, onset, type, method);
    return EnergyType.ELECTRICITY.equals(carrier)
        ? electric
        : UUID.nameUUIDFromBytes((electric + "|" + carrier).getBytes(StandardCharsets.UTF_8));
  }

  /** The row id of an electricity anomaly: the same finding raised again is the same row. */
  static UUID anomalyId(UUID machineId, Instant onset, String type, String method) {
    String key = machineId + "|" + onset + "|" + type + "|" + method;
    return UUID.nameUUIDFromBytes(key.getBytes(StandardCharsets.UTF_8));
  }

  /** "natural gas: " for a carrier other than electricity, else nothing. */
  private static String label(String carrier) {
    return EnergyType.ELECTRICITY.equals(carrier) ? "" : carrier.replace('_', ' ') + ": ";
  }

  /** The finding with its carrier in the metric's name and the explanation. */
  private static Finding.Raised labelled(Finding.Raised f, String carrier) {
    if (EnergyType.ELECTRICITY.equals(carrier)) {
      return f;
    }
    return new Finding.Raised(
        f.kind(),
        f.onset(),
        f.at(),
        f.severity(),
        carrier + "_" + f.metricName(),
        f.actual(),
        f.expected(),
        f.deviationPercent(),
        f.z(),
        f.method(),
        label(carrier) + f.explanation());
  }

  private AnomalyDao.NewAnomaly row(Finding.Raised raised, String metadata, String carrier) {
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
        metadata,
        carrier);
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
  private static String metadata(Finding.Raised update, String previousSeverity) {
    var node = Json.mapper().createObjectNode();
    node.put("source", "live");
    node.put("severity", update.severity().wireName());
    node.put("escalated_from", previousSeverity);
    node.put("escalated_at", update.at().toString());
    node.put("explanation", update.explanation());
    return node.toString();
  }
}
