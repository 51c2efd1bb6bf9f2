package org.enms.http.registry;

import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CompletionStage;
import java.util.function.Function;
import org.apache.pekko.http.javadsl.model.StatusCodes;
import org.enms.http.error.ApiException;
import org.enms.http.support.Violations;

/**
 * What registry routes share: registry refusals become the API's errors (409 for a conflict, 422
 * naming the body field otherwise), and a successful write is announced to {@link RegistryChanged}
 * before it is answered.
 */
final class RegistryReplies {
  private final RegistryChanged changed;

  RegistryReplies(RegistryChanged changed) {
    this.changed = changed;
  }

  /** The stage's value once the change is announced; refusals turned into {@link ApiException}. */
  <T> CompletionStage<T> written(CompletionStage<T> write) {
    return translate(write).thenCompose(v -> changed.registryChanged().thenApply(done -> v));
  }

  /** Like {@link #written} for writes to one entry, whose absence is a 404 with {@code detail}. */
  <T> CompletionStage<T> writtenOne(CompletionStage<Optional<T>> write, String notFound) {
    return written(
        write.thenApply(found -> found.orElseThrow(() -> ApiException.notFound(notFound))));
  }

  static <T> CompletionStage<T> translate(CompletionStage<T> stage) {
    return stage.handle(
        (value, failure) -> {
          if (failure == null) {
            return value;
          }
          Throwable cause =
              failure instanceof CompletionException && failure.getCause() != null
                  ? failure.getCause()
                  : failure;
          if (cause instanceof RegistryRejection r) {
            throw toApi(r);
          }
          throw failure instanceof CompletionException c ? c : new CompletionException(failure);
        });
  }

  static ApiException toApi(RegistryRejection r) {
    if (r.kind() == RegistryRejection.Kind.CONFLICT) {
      return new ApiException(StatusCodes.CONFLICT, r.getMessage());
    }
    return new ApiException(
        StatusCodes.UNPROCESSABLE_ENTITY,
        List.of(
            Violations.FieldError.body(
                r.field(),
                r.getMessage(),
                r.kind() == RegistryRejection.Kind.MISSING_REFERENCE
                    ? "value_error.missing_reference"
                    : "value_error")));
  }

  static <T, R> Function<Optional<T>, R> orNotFound(String detail, Function<T, R> then) {
    return found -> then.apply(found.orElseThrow(() -> ApiException.notFound(detail)));
  }
}
