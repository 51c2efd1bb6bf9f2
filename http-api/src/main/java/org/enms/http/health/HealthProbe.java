package org.enms.http.health;

import java.util.Map;
import java.util.concurrent.CompletionStage;

/** One component of {@code GET /health}: database, broker or cluster. */
public interface HealthProbe {
  String name();

  /** {@code healthy} is the verdict; {@code details} are shown as they are. */
  CompletionStage<Result> check();

  record Result(boolean healthy, Map<String, Object> details) {}
}
