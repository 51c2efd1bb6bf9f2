package org.enms.http.health;

import com.fasterxml.jackson.annotation.JsonAnyGetter;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonUnwrapped;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * {@code GET /health}: one object per component, named after its probe, between {@code api} and the
 * overall {@code status}. The voice client reads {@code status}, {@code api.status} and {@code
 * database.status}.
 *
 * @param components by probe name, in the probes' order; each is shown as a field of its own
 * @param status healthy, or degraded when a component is unhealthy
 * @param reasons why, one line per unhealthy component (absent when healthy)
 */
public record HealthResponse(
    String service,
    String version,
    Api api,
    @JsonAnyGetter Map<String, Component> components,
    String status,
    @JsonInclude(JsonInclude.Include.NON_EMPTY) List<String> reasons,
    Instant timestamp) {

  /** The API answers whenever {@code /health} does. */
  public record Api(String status) {
    static final Api HEALTHY = new Api("healthy");
  }

  /**
   * @param status healthy or unhealthy
   * @param details the probe's record, its fields shown beside {@code status}
   */
  public record Component(
      String status,
      @JsonUnwrapped Object details,
      @JsonInclude(JsonInclude.Include.NON_NULL) String reason) {
    static Component of(HealthProbe.Result result) {
      return new Component(
          result.healthy() ? "healthy" : "unhealthy", result.details(), result.reason());
    }
  }

  public boolean healthy() {
    return "healthy".equals(status);
  }
}
