package org.enms.ingest.catalog;

import com.typesafe.config.Config;
import java.util.Locale;
import java.util.UUID;
import java.util.function.Predicate;

/**
 * What ingest does with readings of machine ids the registry does not hold ({@code
 * enms.ingest.unknown-machines}): {@link Mode#REJECT} them into {@code ingest_rejects} (the
 * default), or {@link Mode#REGISTER} them automatically under the factory {@code factory} ({@code
 * enms.ingest.auto-register-factory}). Deactivated machines are refused either way.
 */
public record UnknownMachinePolicy(Mode mode, String factory) {
  public enum Mode {
    REJECT,
    REGISTER
  }

  /** From the {@code enms.ingest} section. */
  public static UnknownMachinePolicy fromConfig(Config ingest) {
    String mode = ingest.getString("unknown-machines");
    String factory = ingest.getString("auto-register-factory");
    try {
      return new UnknownMachinePolicy(Mode.valueOf(mode.trim().toUpperCase(Locale.ROOT)), factory);
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException(
          "enms.ingest.unknown-machines must be reject or register, not " + mode, e);
    }
  }

  public boolean registers() {
    return mode == Mode.REGISTER;
  }

  /**
   * What the validator accepts: active machines, or under {@code register} every machine that is
   * not deactivated (the store registers the unknown ones).
   */
  public Predicate<UUID> accepted(MachineCatalog catalog) {
    return registers() ? id -> !catalog.deactivated(id) : catalog;
  }
}
