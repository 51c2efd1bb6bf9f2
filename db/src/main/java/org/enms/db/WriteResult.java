package org.enms.db;

import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Outcome of one {@link ReadingBatchWriter#write} call, per table. The time span of the time-series
 * tables tells the {@link RollupRefresher} which buckets to recompute.
 */
public record WriteResult(Map<ReadingTable, TableWrite> tables) {
  public static final WriteResult EMPTY = new WriteResult(Map.of());

  public WriteResult {
    tables = Map.copyOf(tables);
  }

  public Optional<TableWrite> table(ReadingTable table) {
    return Optional.ofNullable(tables.get(table));
  }

  /** Readings submitted, all tables. */
  public int submitted() {
    return tables.values().stream().mapToInt(TableWrite::submitted).sum();
  }

  /** Rows inserted or upserted, all tables. */
  public int inserted() {
    return tables.values().stream().mapToInt(TableWrite::inserted).sum();
  }

  /** Earliest reading time written to a time-series table. */
  public Optional<Instant> minTime() {
    return timeSeries().map(TableWrite::minTime).min(Comparator.naturalOrder());
  }

  /** Latest reading time written to a time-series table. */
  public Optional<Instant> maxTime() {
    return timeSeries().map(TableWrite::maxTime).max(Comparator.naturalOrder());
  }

  /** The spans of time-series rows written, per table; what roll-ups must recompute. */
  public List<TimeRange> spans() {
    return timeSeries().flatMap(t -> t.spans().stream()).toList();
  }

  private java.util.stream.Stream<TableWrite> timeSeries() {
    return tables.entrySet().stream()
        .filter(e -> e.getKey().isTimeSeries() && e.getValue().submitted() > 0)
        .map(Map.Entry::getValue);
  }
}
