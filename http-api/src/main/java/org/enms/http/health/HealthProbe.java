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
   * @param reason why the component is unhealthy, in words (null when healthy)
   */
  record Result(boolean healthy, Object details, String reason) {
    public Result(boolean healthy, Object details) {
      this(healthy, details, null);
    }

    static Result unhealthy(Object details, String reason) {
      return new Result(false, details, reason);
    }
  }
}
