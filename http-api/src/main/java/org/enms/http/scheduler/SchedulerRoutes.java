package org.enms.http.scheduler;

import java.util.concurrent.CompletionException;
import org.apache.pekko.http.javadsl.model.StatusCodes;
import org.apache.pekko.http.javadsl.server.AllDirectives;
import org.apache.pekko.http.javadsl.server.Directives;
import org.apache.pekko.http.javadsl.server.ExceptionHandler;
import org.apache.pekko.http.javadsl.server.PathMatchers;
import org.apache.pekko.http.javadsl.server.Route;
import org.enms.http.error.ApiException;
import org.enms.http.support.JsonSupport;

/**
 * {@code /api/v1/scheduler}: {@code GET status} lists the jobs, when each is next due and how each
 * last ended; {@code POST trigger/{job_id}} starts a job now and answers the original's {@code
 * {success, message}}. An unknown job is 404; a job still running, or one that cannot run, is 409;
 * a disabled or silent scheduler is 503. All with {@code {"detail": …}}.
 */
public final class SchedulerRoutes extends AllDirectives {
  private final Scheduler scheduler;

  public SchedulerRoutes(Scheduler scheduler) {
    this.scheduler = scheduler;
  }

  /** The original's answer to a trigger that started its job. */
  public record TriggerResponse(boolean success, String message) {}

  public Route routes() {
    return handleExceptions(
        unavailable(),
        () ->
            pathPrefix(
                "scheduler",
                () ->
                    concat(
                        path(
                            "status",
                            () ->
                                get(
                                    () ->
                                        onSuccess(
                                            scheduler.status(),
                                            s -> completeOK(s, JsonSupport.json())))),
                        path(
                            PathMatchers.segment("trigger").slash(PathMatchers.segment()),
                            id -> post(() -> onSuccess(scheduler.trigger(id), this::answer))))));
  }

  private Route answer(TriggerResult result) {
    if (result.success()) {
      return completeOK(new TriggerResponse(true, result.message()), JsonSupport.json());
    }
    throw new ApiException(
        result.refusal() == TriggerResult.Refusal.NOT_FOUND
            ? StatusCodes.NOT_FOUND
            : StatusCodes.CONFLICT,
        result.message());
  }

  private static ExceptionHandler unavailable() {
    return ExceptionHandler.newBuilder()
        .match(SchedulerUnavailable.class, e -> Directives.failWith(serviceUnavailable(e)))
        .match(
            CompletionException.class,
            e -> e.getCause() instanceof SchedulerUnavailable,
            e -> Directives.failWith(serviceUnavailable((SchedulerUnavailable) e.getCause())))
        .build();
  }

  private static ApiException serviceUnavailable(SchedulerUnavailable e) {
    return new ApiException(StatusCodes.SERVICE_UNAVAILABLE, e.getMessage());
  }
}
