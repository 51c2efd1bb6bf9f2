package org.enms.http.registry;

import java.util.concurrent.CompletionStage;
import java.util.function.Supplier;
import org.enms.db.BlockingIo;
import org.enms.db.registry.RegistryException;

/** Runs registry DAO calls on the blocking dispatcher and speaks the API port's refusals. */
final class RegistryCalls {
  private RegistryCalls() {}

  static <T> CompletionStage<T> call(BlockingIo io, Supplier<T> work) {
    return io.call(
        () -> {
          try {
            return work.get();
          } catch (RegistryException e) {
            throw rejection(e);
          }
        });
  }

  static RegistryRejection rejection(RegistryException e) {
    RegistryRejection.Kind kind =
        switch (e.kind()) {
          case CONFLICT -> RegistryRejection.Kind.CONFLICT;
          case MISSING_REFERENCE -> RegistryRejection.Kind.MISSING_REFERENCE;
          case INVALID -> RegistryRejection.Kind.INVALID;
        };
    return new RegistryRejection(kind, e.field(), e.getMessage());
  }

  static RegistryRejection missing(String field, String message) {
    return new RegistryRejection(RegistryRejection.Kind.MISSING_REFERENCE, field, message);
  }
}
