package org.enms.node.adapters;

import com.typesafe.config.Config;
import java.util.Locale;

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

  public static UnknownMachinePolicy fromConfig(Config root) {
    Config c = root.getConfig("enms.ingest");
    String mode = c.hasPath("unknown-machines") ? c.getString("unknown-machines") : "reject";
    String factory =
        c.hasPath("auto-register-factory")
            ? c.getString("auto-register-factory")
            : "Auto-registered";
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
}
