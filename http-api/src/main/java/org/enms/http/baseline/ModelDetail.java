package org.enms.http.baseline;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonInclude.Include;
import com.fasterxml.jackson.annotation.JsonUnwrapped;
import com.fasterxml.jackson.core.JsonProcessingException;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.enms.core.json.Json;

/**
 * {@code GET /baseline/model/{id}}: one model in the original's fields; {@code explanation} only
 * when asked for.
 *
 * @param coefficients a JSON text, not an object: the original sent the JSONB column as a string
 *     and clients parse it
 * @param pValues by driver
 */
public record ModelDetail(
    UUID id,
    UUID machineId,
    String modelName,
    String modelType,
    int modelVersion,
    String energySource,
    Instant trainingStartDate,
    Instant trainingEndDate,
    int trainingSamples,
    String coefficients,
    double intercept,
    List<String> featureNames,
    @JsonUnwrapped FitMetrics metrics,
    Map<String, Double> pValues,
    Map<String, BaselineView.DriverRange> featureRanges,
    BaselineView.Validity validity,
    boolean isActive,
    Instant createdAt,
    String machineName,
    String machineType,
    @JsonInclude(Include.NON_NULL) BaselineExplanation explanation) {

  static ModelDetail of(BaselineView m, boolean withExplanation) {
    return new ModelDetail(
        m.id(),
        m.machineId(),
        m.modelName(),
        m.modelType(),
        m.modelVersion(),
        m.energySource(),
        m.trainingStart(),
        m.trainingEnd(),
        m.trainingSamples(),
        jsonText(m.coefficients()),
        m.intercept(),
        List.copyOf(m.coefficients().keySet()),
        FitMetrics.of(m),
        m.pValues(),
        m.featureRanges(),
        m.validity(),
        m.isActive(),
        m.createdAt(),
        m.machineName(),
        m.machineType(),
        withExplanation ? BaselineExplanation.of(m) : null);
  }

  private static String jsonText(Map<String, Double> coefficients) {
    try {
      return Json.mapper().writeValueAsString(coefficients);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
  }
}
