package org.enms.db;

import java.time.Instant;

/**
 * Where raw retention stands (the {@code raw_retention} row). Both instants are UTC midnights.
 *
 * @param historyBefore raw readings before this are imported history and are never dropped; from
 *     here on is the live era, whose raw readings are dropped once older than the retention
 * @param droppedBefore the live era's raw readings before this have been dropped (equal to {@code
 *     historyBefore} while nothing has been)
 */
public record RawHorizon(Instant historyBefore, Instant droppedBefore) {

  /** Whether raw readings at {@code t} are kept as history, whatever their age. */
  public boolean isHistory(Instant t) {
    return t.isBefore(historyBefore);
  }

  /** Whether raw readings at {@code t} belong to a live-era day that retention has dropped. */
  public boolean isDropped(Instant t) {
    return !t.isBefore(historyBefore) && t.isBefore(droppedBefore);
  }
}
