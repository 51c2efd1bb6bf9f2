package org.enms.http.modelperf;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.time.Instant;
import java.util.UUID;

/** {@code POST /model-performance/ab-test/start}: the original's fields plus the test's start. */
public record AbTestStarted(
    UUID testId,
    String status,
    Instant testEnd,
    String message,
    Instant testStart,
    @JsonProperty("model_a_version") int modelAVersion,
    @JsonProperty("model_b_version") int modelBVersion) {}
