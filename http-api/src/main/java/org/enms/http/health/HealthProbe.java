package org.enms.http.health;

import java.util.concurrent.CompletionStage;

/** One component of {@code GET /health}: database, broker or cluster. */
public interface HealthProbe {
  String name();

  /** {@code healthy} is the verdict; {@code details} are shown beside it. */
  CompletionStage<Result> check();

  /**
   * @param details the probe's own record, whose fields {@code /health} shows beside the
   *     component's {@code status}
   */
  record Result(boolean healthy, Object details) {}
}
