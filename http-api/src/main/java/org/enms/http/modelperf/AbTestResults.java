package org.enms.http.modelperf;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.time.Instant;
import java.util.UUID;

/**
 * {@code GET /model-performance/ab-test/{id}/results}: the original's fields, from both models
 * judged on the same hours of the test window so far ({@link
 * org.enms.analytics.performance.HeadToHead}), plus the test's status, the p-value and the window.
 *
 * @param winner model_a, model_b or no_winner
 * @param confidence 1 − p-value of the paired test on daily squared-error differences
 * @param status running until the test's end, then completed
 */
public record AbTestResults(
    UUID testId,
    String testName,
    @JsonProperty("model_a_version") int modelAVersion,
    @JsonProperty("model_b_version") int modelBVersion,
    String winner,
    double confidence,
    @JsonProperty("model_a_metrics") Performance modelAMetrics,
    @JsonProperty("model_b_metrics") Performance modelBMetrics,
    String recommendation,
    String status,
    Double pValue,
    int daysCompared,
    Instant evaluationStart,
    Instant evaluationEnd) {}
