package org.enms.http.modelperf;

import java.time.Instant;
import java.util.UUID;

/**
 * {@code POST /model-performance/retrain/trigger}: the original's fields, plus the data the real
 * training runs on. The training goes on after the answer; its job is followed in {@code
 * model_training_history} and on {@code /api/v1/ws/training}.
 *
 * @param estimatedCompletion when the training should be done, roughly
 */
public record RetrainResponse(
    boolean triggered,
    String triggerType,
    String reason,
    UUID trainingJobId,
    Instant estimatedCompletion,
    String modelType,
    UUID machineId,
    UUID replacesModelId,
    int replacesModelVersion,
    Instant trainingDataStart,
    Instant trainingDataEnd) {}
