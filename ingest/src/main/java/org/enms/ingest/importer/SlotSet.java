package org.enms.ingest.importer;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The interval slots a file has rows for, to find duplicates and gaps without holding the rows: one
 * bit per interval on the grid of the first row (10 million 1-s rows take about 1.3 MB), in blocks
 * so that a file may run backwards or jump. Stamps off the grid are kept in a plain set and take no
 * part in gap finding.
 */
final class SlotSet {
  private static final int BLOCK_BITS = 16;
  private static final int BLOCK = 1 << BLOCK_BITS;

  private final long intervalMillis;
  private final Map<Long, BitSet> blocks = new HashMap<>();
  private final Set<Long> offGrid = new HashSet<>();
  private boolean started;
  private long originMillis;
  private long minSlot = Long.MAX_VALUE;
  private long maxSlot = Long.MIN_VALUE;

  SlotSet(Duration interval) {
    this.intervalMillis = interval.toMillis();
  }

  boolean contains(Instant t) {
    long millis = t.toEpochMilli();
    if (!started) {
      return false;
    }
    long diff = millis - originMillis;
    if (Math.floorMod(diff, intervalMillis) != 0) {
      return offGrid.contains(millis);
    }
    long slot = Math.floorDiv(diff, intervalMillis);
    BitSet b = blocks.get(Math.floorDiv(slot, BLOCK));
    return b != null && b.get((int) Math.floorMod(slot, BLOCK));
  }

  /** Records the instant; false when it was there already. */
  boolean add(Instant t) {
    long millis = t.toEpochMilli();
    if (!started) {
      started = true;
      originMillis = millis;
    }
    long diff = millis - originMillis;
    if (Math.floorMod(diff, intervalMillis) != 0) {
      return offGrid.add(millis);
    }
    long slot = Math.floorDiv(diff, intervalMillis);
    BitSet b = blocks.computeIfAbsent(Math.floorDiv(slot, BLOCK), k -> new BitSet(BLOCK));
    int bit = (int) Math.floorMod(slot, BLOCK);
    if (b.get(bit)) {
      return false;
    }
    b.set(bit);
    minSlot = Math.min(minSlot, slot);
    maxSlot = Math.max(maxSlot, slot);
    return true;
  }

  /** Rows whose stamp is not a whole number of intervals from the first row's. */
  int offGridCount() {
    return offGrid.size();
  }

  /**
   * The runs of missing slots between the first and the last row on the grid.
   *
   * @param listLimit at most this many gaps are returned; {@code totals} counts all
   */
  List<ImportGap> gaps(int listLimit, long[] totals) {
    List<ImportGap> gaps = new ArrayList<>();
    long count = 0;
    long missing = 0;
    if (minSlot > maxSlot) {
      totals[0] = 0;
      totals[1] = 0;
      return gaps;
    }
    long slot = minSlot;
    while (slot <= maxSlot) {
      long clear = nextClear(slot, maxSlot);
      if (clear > maxSlot) {
        break;
      }
      long set = nextSet(clear, maxSlot);
      long run = set - clear;
      count++;
      missing += run;
      if (gaps.size() < listLimit) {
        gaps.add(
            new ImportGap(
                Instant.ofEpochMilli(originMillis + (clear - 1) * intervalMillis),
                Instant.ofEpochMilli(originMillis + (set - 1) * intervalMillis),
                run));
      }
      slot = set;
    }
    totals[0] = count;
    totals[1] = missing;
    return gaps;
  }

  /** First slot at or after {@code from} that is clear, or {@code limit + 1}. */
  private long nextClear(long from, long limit) {
    long slot = from;
    while (slot <= limit) {
      BitSet b = blocks.get(Math.floorDiv(slot, BLOCK));
      if (b == null) {
        return slot;
      }
      int bit = b.nextClearBit((int) Math.floorMod(slot, BLOCK));
      if (bit < BLOCK) {
        return Math.floorDiv(slot, BLOCK) * BLOCK + bit;
      }
      slot = (Math.floorDiv(slot, BLOCK) + 1) * BLOCK;
    }
    return limit + 1;
  }

  /** First slot at or after {@code from} that is set; one exists up to {@code limit}. */
  private long nextSet(long from, long limit) {
    long slot = from;
    while (slot <= limit) {
      BitSet b = blocks.get(Math.floorDiv(slot, BLOCK));
      if (b != null) {
        int bit = b.nextSetBit((int) Math.floorMod(slot, BLOCK));
        if (bit >= 0) {
          return Math.floorDiv(slot, BLOCK) * BLOCK + bit;
        }
      }
      slot = (Math.floorDiv(slot, BLOCK) + 1) * BLOCK;
    }
    return limit + 1;
  }
}
