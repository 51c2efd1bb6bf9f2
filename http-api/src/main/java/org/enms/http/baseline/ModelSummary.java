package org.enms.http.baseline;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonInclude.Include;
import com.fasterxml.jackson.annotation.JsonUnwrapped;
import java.time.Instant;
import java.util.UUID;

/** One model in {@code GET /baseline/models}; {@code explanation} only when asked for. */
public record ModelSummary(
    UUID id,
    UUID machineId,
    UUID energySourceId,
    String energySource,
    String modelName,
    int modelVersion,
    int trainingSamples,
    @JsonUnwrapped FitMetrics metrics,
    boolean isValid,
    boolean isActive,
    Instant createdAt,
    @JsonInclude(Include.NON_NULL) BaselineExplanation explanation) {

  static ModelSummary of(BaselineView m, boolean withExplanation) {
    return new ModelSummary(
        m.id(),
        m.machineId(),
        m.energySourceId(),
        m.energySource(),
        m.modelName(),
        m.modelVersion(),
        m.trainingSamples(),
        FitMetrics.of(m),
        m.validity().valid(),
        m.isActive(),
        m.createdAt(),
        withExplanation ? BaselineExplanation.of(m) : null);
  }
}
