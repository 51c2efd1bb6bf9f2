package org.enms.http.machines;

import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.CompletionStage;

/** The registered machines, read without blocking the caller. */
public interface MachineDirectory {
  /** Ordered by name; {@code search} is a case-insensitive substring of the name. */
  CompletionStage<List<MachineSummary>> list(Optional<String> search, Optional<Boolean> active);

  CompletionStage<Optional<MachineSummary>> byId(UUID id);
}
