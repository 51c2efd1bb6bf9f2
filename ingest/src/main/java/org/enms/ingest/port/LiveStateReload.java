package org.enms.ingest.port;

import java.util.UUID;

/**
 * Told when readings of a machine were stored without passing through its live state (an import
 * that reaches today), so that the live state takes them up from storage. Fire and forget: the
 * readings are durable already, and a live state that misses this takes them up at its next
 * restore.
 */
@FunctionalInterface
public interface LiveStateReload {
  /** For imports where no live state runs (the command line). */
  LiveStateReload NONE = machineId -> {};

  void reload(UUID machineId);
}
