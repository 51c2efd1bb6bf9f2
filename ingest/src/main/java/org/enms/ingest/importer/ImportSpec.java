package org.enms.ingest.importer;

import java.time.Duration;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * How to read one meter export: which columns hold what, in which units, and how its timestamps are
 * written. Build one with {@link #builder} or from text fields with {@link ImportSpecParser}.
 *
 * @param machine the machine the file belongs to: its name or id
 * @param timestampColumn the timestamp, or the date when {@code timeColumn} is set
 * @param timeColumn a separate time-of-day column, joined to the date with a space
 * @param format a {@link java.time.format.DateTimeFormatter} pattern; empty to detect the layout
 * @param dateOrder day/month order of detected layouts without a leading year
 * @param zone zone of timestamps without an offset (IANA id); offsets in the file win
 * @param stamp whether a row's timestamp is the beginning or the end of its interval
 * @param interval the rows' interval; empty to infer it from the median step between rows
 * @param delimiter the field separator; empty to detect ({@code ;}, tab, then {@code ,})
 * @param decimalComma whether numbers use a decimal comma; empty to detect
 * @param header whether the first line names the columns
 * @param productionColumn units produced in the row's interval, stored as production data
 * @param drivers environmental driver fields ({@code outdoor_temp_c}, …) and their columns; other
 *     names are kept in the reading's metadata
 */
public record ImportSpec(
    String machine,
    Column timestampColumn,
    Optional<Column> timeColumn,
    Column valueColumn,
    ValueKind valueKind,
    Optional<String> format,
    DateOrder dateOrder,
    ZoneId zone,
    StampConvention stamp,
    Optional<Duration> interval,
    Optional<Character> delimiter,
    Optional<Boolean> decimalComma,
    boolean header,
    Optional<Column> productionColumn,
    Map<String, Column> drivers) {

  public ImportSpec {
    drivers = Map.copyOf(drivers);
    if (interval.isPresent() && (interval.get().isNegative() || interval.get().isZero())) {
      throw new IllegalArgumentException("interval must be positive");
    }
  }

  public static Builder builder(String machine, ValueKind valueKind) {
    return new Builder(machine, valueKind);
  }

  /** Defaults: timestamp in column 1, value in column 2, UTC, interval-ending stamps, a header. */
  public static final class Builder {
    private final String machine;
    private final ValueKind valueKind;
    private Column timestampColumn = new Column(null, 1);
    private Column timeColumn;
    private Column valueColumn = new Column(null, 2);
    private String format;
    private DateOrder dateOrder = DateOrder.AUTO;
    private ZoneId zone = ZoneOffset.UTC;
    private StampConvention stamp = StampConvention.ENDING;
    private Duration interval;
    private Character delimiter;
    private Boolean decimalComma;
    private boolean header = true;
    private Column productionColumn;
    private final Map<String, Column> drivers = new LinkedHashMap<>();

    private Builder(String machine, ValueKind valueKind) {
      this.machine = machine;
      this.valueKind = valueKind;
    }

    public Builder timestampColumn(Column c) {
      timestampColumn = c;
      return this;
    }

    public Builder timeColumn(Column c) {
      timeColumn = c;
      return this;
    }

    public Builder valueColumn(Column c) {
      valueColumn = c;
      return this;
    }

    public Builder format(String pattern) {
      format = pattern;
      return this;
    }

    public Builder dateOrder(DateOrder order) {
      dateOrder = order;
      return this;
    }

    public Builder zone(ZoneId z) {
      zone = z;
      return this;
    }

    public Builder stamp(StampConvention s) {
      stamp = s;
      return this;
    }

    public Builder interval(Duration d) {
      interval = d;
      return this;
    }

    public Builder delimiter(char c) {
      delimiter = c;
      return this;
    }

    public Builder decimalComma(boolean b) {
      decimalComma = b;
      return this;
    }

    public Builder header(boolean b) {
      header = b;
      return this;
    }

    public Builder productionColumn(Column c) {
      productionColumn = c;
      return this;
    }

    public Builder driver(String field, Column c) {
      drivers.put(field, c);
      return this;
    }

    public ImportSpec build() {
      return new ImportSpec(
          machine,
          timestampColumn,
          Optional.ofNullable(timeColumn),
          valueColumn,
          valueKind,
          Optional.ofNullable(format),
          dateOrder,
          zone,
          stamp,
          Optional.ofNullable(interval),
          Optional.ofNullable(delimiter),
          Optional.ofNullable(decimalComma),
          header,
          Optional.ofNullable(productionColumn),
          drivers);
    }
  }
}
