package org.enms.ingest.importer;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.BufferedReader;
import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.OptionalInt;
import java.util.UUID;
import java.util.function.Consumer;
import org.enms.analytics.CounterDelta;
import org.enms.analytics.EnergyCounter;
import org.enms.core.json.Json;
import org.enms.core.reading.EnergyReading;
import org.enms.core.reading.EnergyType;
import org.enms.core.reading.EnvironmentalReading;
import org.enms.core.reading.ProductionReading;
import org.enms.core.reading.Reading;
import org.enms.db.TimeRange;

/**
 * Reads one meter export into readings of one machine, streaming: the file is read once to detect
 * its layout (delimiter, decimal comma, timestamp layout and day/month order, interval) and once to
 * import, and no more than one batch of readings is held at a time.
 *
 * <p>Every row is stored at the end of its interval, because that is what the live pipeline stores
 * ({@code energy_kwh} is the energy used in the interval ending at {@code time}) and what the
 * roll-ups sum: beginning stamps are moved forward one interval. Power and energy complete each
 * other over the interval ({@code kWh = kW × h}); a counter's interval energy is the difference to
 * the previous register value ({@link EnergyCounter}: resets and rollovers are recognised, the
 * first value only sets the baseline and is not stored, and the energy across a gap belongs to the
 * row that ends it, with its power averaged over the gap). Duplicated timestamps keep the first
 * row. Missing intervals are reported as gaps and never filled. Rejected rows are reported with
 * their line numbers and do not stop the import.
 */
public final class CsvImporter {
  /** Entries kept in each list of the summary; counts are always complete. */
  public static final int LIST_LIMIT = 1000;

  /** Examples of rows out of time order kept in the summary; the count is complete. */
  static final int OUT_OF_ORDER_EXAMPLES = 20;

  private static final int SAMPLE_ROWS = 2000;
  private static final List<String> ENVIRONMENTAL_FIELDS =
      List.of(
          "outdoor_temp_c",
          "indoor_temp_c",
          "machine_temp_c",
          "outdoor_humidity_percent",
          "indoor_humidity_percent",
          "pressure_bar",
          "flow_rate_m3h",
          "supply_air_temp_c",
          "return_air_temp_c",
          "chilled_water_supply_temp_c",
          "chilled_water_return_temp_c",
          "cop",
          "vibration_mm_s");

  private final ImportSpec spec;
  private final UUID machineId;
  private final ImportWindow window;
  private final int batchRows;

  /**
   * @param machineId the machine every reading belongs to (resolved from {@code spec.machine()})
   * @param batchRows readings handed to the sink at a time
   */
  public CsvImporter(ImportSpec spec, UUID machineId, ImportWindow window, int batchRows) {
    this.spec = spec;
    this.machineId = machineId;
    this.window = window;
    this.batchRows = batchRows;
  }

  /** The same import with another window: the one fixed when the import starts writing. */
  public CsvImporter withWindow(ImportWindow newWindow) {
    return new CsvImporter(spec, machineId, newWindow, batchRows);
  }

  /** The file's layout as detected, and the column indexes. */
  private record Layout(
      char delimiter,
      boolean decimalComma,
      TimestampLayout timestamps,
      Duration interval,
      int timestampIndex,
      int timeIndex,
      int valueIndex,
      int productionIndex,
      int[] driverIndexes,
      String[] driverNames,
      int fieldsNeeded) {}

  /** A file whose layout has been detected, ready to import. */
  public static final class Prepared {
    private final ImportSource source;
    private final Layout layout;

    private Prepared(ImportSource source, Layout layout) {
      this.source = source;
      this.layout = layout;
    }

    public ImportSource source() {
      return source;
    }

    /** The rows' interval, declared or inferred. */
    public Duration interval() {
      return layout.interval;
    }

    /** How the timestamps are read, e.g. {@code day-month-year}. */
    public String timestampLayout() {
      return layout.timestamps.toString();
    }

    public String delimiter() {
      return layout.delimiter == '\t' ? "tab" : String.valueOf(layout.delimiter);
    }

    public boolean decimalComma() {
      return layout.decimalComma;
    }
  }

  /**
   * Reads the beginning of the file (further only to find a day above 12) and detects its layout.
   *
   * @throws InvalidImportSpecException when the file does not fit the spec (a missing column, an
   *     ambiguous date order, an interval that cannot be inferred)
   */
  public Prepared prepare(ImportSource source) throws IOException {
    return new Prepared(source, detect(source));
  }

  /** Prepares and imports the file. */
  public ImportSummary run(ImportSource source, ImportSink sink, Consumer<ImportProgress> progress)
      throws IOException {
    return run(prepare(source), sink, progress);
  }

  /**
   * Imports a prepared file.
   *
   * @param progress told after every batch and at the end
   */
  public ImportSummary run(Prepared prepared, ImportSink sink, Consumer<ImportProgress> progress)
      throws IOException {
    long started = System.nanoTime();
    Layout layout = prepared.layout;
    ImportSource source = prepared.source;
    Run run = new Run(layout, sink, progress, source.size());
    try (BufferedReader reader = source.open()) {
      run.readAll(reader);
    }
    ImportSink.Totals totals = sink.finish();
    progress.accept(run.progress());
    long[] gapTotals = new long[2];
    List<ImportGap> gaps = run.slots.gaps(LIST_LIMIT, gapTotals);
    return new ImportSummary(
        source.name(),
        machineId,
        run.rowsRead,
        run.accepted,
        run.rejected,
        run.duplicates,
        totals.written(),
        totals.inserted(),
        run.min,
        run.max,
        layout.interval,
        layout.timestamps.toString(),
        spec.zone().getId(),
        spec.stamp().name().toLowerCase(java.util.Locale.ROOT),
        prepared.delimiter(),
        layout.decimalComma,
        gapTotals[0],
        gapTotals[1],
        run.slots.offGridCount(),
        run.rejects,
        run.duplicateList,
        gaps,
        run.counterEvents,
        Duration.ofNanos(System.nanoTime() - started),
        Duration.ZERO,
        window.retentionDays(),
        window.horizon().historyBefore(),
        run.history.rows,
        run.pastRetention.rows,
        run.rollupRanges(),
        run.midnight.redated(),
        run.outOfOrderRows,
        run.outOfOrder,
        run.today,
        false,
        run.notes());
  }

  // ---- detection --------------------------------------------------------------------------------

  private Layout detect(ImportSource source) throws IOException {
    List<String> header = List.of();
    List<String[]> sample = new ArrayList<>();
    char delimiter;
    String extraDecisive = null;
    try (BufferedReader reader = source.open()) {
      String first = nextNonBlank(reader);
      if (first == null) {
        throw InvalidImportSpecException.of("file", "the file is empty");
      }
      String firstLine = stripBom(first);
      delimiter = spec.delimiter().orElseGet(() -> guessDelimiter(firstLine));
      if (spec.header()) {
        header = Arrays.asList(CsvLine.split(firstLine, delimiter));
      } else {
        sample.add(CsvLine.split(firstLine, delimiter));
      }
      String line;
      while (sample.size() < SAMPLE_ROWS && (line = reader.readLine()) != null) {
        if (!line.isBlank()) {
          sample.add(CsvLine.split(line, delimiter));
        }
      }
      int ts = index(spec.timestampColumn(), header, "timestamp_column");
      int time =
          spec.timeColumn().isPresent()
              ? index(spec.timeColumn().get(), header, "time_column")
              : -1;
      List<String> stamps = stamps(sample, ts, time);
      if (spec.format().isEmpty()
          && spec.dateOrder() == DateOrder.AUTO
          && !stamps.isEmpty()
          && TimestampLayout.needsDateOrder(stamps.get(0))
          && stamps.stream().noneMatch(TimestampLayout::decidesDateOrder)) {
        // The sample is undecided (e.g. only the 1st-12th of a month): look further for a day > 12.
        while ((line = reader.readLine()) != null) {
          String[] cells = CsvLine.split(line, delimiter);
          String s = stamp(cells, ts, time);
          if (s != null && TimestampLayout.decidesDateOrder(s)) {
            extraDecisive = s;
            break;
          }
        }
      }
    }
    int ts = index(spec.timestampColumn(), header, "timestamp_column");
    int time =
        spec.timeColumn().isPresent() ? index(spec.timeColumn().get(), header, "time_column") : -1;
    int value = index(spec.valueColumn(), header, "value_column");
    int production =
        spec.productionColumn().isPresent()
            ? index(spec.productionColumn().get(), header, "production_column")
            : -1;
    String[] driverNames = spec.drivers().keySet().toArray(String[]::new);
    int[] drivers = new int[driverNames.length];
    for (int i = 0; i < driverNames.length; i++) {
      drivers[i] = index(spec.drivers().get(driverNames[i]), header, "drivers");
    }
    int needed = Math.max(Math.max(ts, time), Math.max(value, production));
    for (int d : drivers) {
      needed = Math.max(needed, d);
    }
    List<String> stamps = new ArrayList<>(stamps(sample, ts, time));
    if (extraDecisive != null) {
      stamps.add(extraDecisive);
    }
    TimestampLayout timestamps =
        spec.format().isPresent()
            ? TimestampLayout.pattern(spec.format().get())
            : TimestampLayout.detect(stamps, spec.dateOrder());
    boolean decimalComma =
        spec.decimalComma()
            .orElseGet(
                () ->
                    delimiter != ','
                        && sample.stream()
                            .anyMatch(c -> c.length > value && c[value].indexOf(',') >= 0));
    Duration interval =
        spec.interval().orElseGet(() -> inferInterval(sample, ts, time, timestamps));
    return new Layout(
        delimiter,
        decimalComma,
        timestamps,
        interval,
        ts,
        time,
        value,
        production,
        drivers,
        driverNames,
        needed + 1);
  }

  private Duration inferInterval(List<String[]> sample, int ts, int time, TimestampLayout layout) {
    LocalTimeResolver resolver = new LocalTimeResolver(spec.zone());
    // The interval is not known yet: any 00:00 row after a later row of its date is taken as the
    // next day's midnight, so a small file dated so does not infer a step of a day.
    MidnightDating midnight = new MidnightDating(Duration.ofHours(12));
    List<Long> instants = new ArrayList<>();
    long row = 0;
    for (String[] cells : sample) {
      String s = stamp(cells, ts, time);
      row++;
      if (s == null) {
        continue;
      }
      try {
        instants.add(toInstant(midnight.apply(layout.parse(s), row, s), resolver).toEpochMilli());
      } catch (RowRejectedException e) {
        // a bad row says nothing about the interval; the import reports it with its line
      }
    }
    long[] steps = new long[Math.max(0, instants.size() - 1)];
    int n = 0;
    for (int i = 1; i < instants.size(); i++) {
      long step = instants.get(i) - instants.get(i - 1);
      if (step > 0) {
        steps[n++] = step;
      }
    }
    if (n == 0) {
      throw InvalidImportSpecException.of(
          "interval",
          "cannot infer the interval from fewer than two rows in time order; declare it");
    }
    long[] sorted = Arrays.copyOf(steps, n);
    Arrays.sort(sorted);
    return Duration.ofMillis(sorted[n / 2]);
  }

  private static List<String> stamps(List<String[]> sample, int ts, int time) {
    List<String> stamps = new ArrayList<>(sample.size());
    for (String[] cells : sample) {
      String s = stamp(cells, ts, time);
      if (s != null) {
        stamps.add(s);
      }
    }
    return stamps;
  }

  private static String stamp(String[] cells, int ts, int time) {
    if (cells.length <= ts || (time >= 0 && cells.length <= time)) {
      return null;
    }
    String s = time >= 0 ? cells[ts].trim() + " " + cells[time].trim() : cells[ts];
    return s.isBlank() ? null : s;
  }

  private static int index(Column column, List<String> header, String field) {
    if (column.name() != null && header.isEmpty()) {
      throw InvalidImportSpecException.of(
          field,
          "column '"
              + column.name()
              + "' is named, but the file has no header row; give its position");
    }
    OptionalInt i = column.indexIn(header);
    if (i.isEmpty()) {
      throw InvalidImportSpecException.of(
          field, "no column '" + column.name() + "' in the header " + header);
    }
    return i.getAsInt();
  }

  private static char guessDelimiter(String line) {
    if (line.indexOf(';') >= 0) {
      return ';';
    }
    if (line.indexOf('\t') >= 0) {
      return '\t';
    }
    if (line.indexOf(',') >= 0) {
      return ',';
    }
    return line.indexOf('|') >= 0 ? '|' : ',';
  }

  private static String nextNonBlank(BufferedReader reader) throws IOException {
    String line;
    while ((line = reader.readLine()) != null) {
      if (!line.isBlank()) {
        return line;
      }
    }
    return null;
  }

  private static String stripBom(String line) {
    return !line.isEmpty() && line.charAt(0) == '\uFEFF' ? line.substring(1) : line;
  }

  private static Instant toInstant(TimestampLayout.Stamp stamp, LocalTimeResolver resolver)
      throws RowRejectedException {
    if (stamp.instant() != null) {
      resolver.observe(stamp.instant());
      return stamp.instant();
    }
    return resolver.resolve(stamp.local());
  }

  // ---- import -----------------------------------------------------------------------------------

  /** The state of one pass over the file. */
  private final class Run {
    final Layout layout;
    final ImportSink sink;
    final Consumer<ImportProgress> progress;
    final long totalChars;
    final LocalTimeResolver resolver = new LocalTimeResolver(spec.zone());
    final SlotSet slots;
    final EnergyCounter counter;
    final double intervalHours;
    final List<RowIssue> rejects = new ArrayList<>();
    final List<RowIssue> duplicateList = new ArrayList<>();
    final List<RowIssue> counterEvents = new ArrayList<>();
    List<Reading> batch;
    long line;
    long chars;
    long rowsRead;
    long accepted;
    long rejected;
    long duplicates;
    long droppedDays;
    long outOfOrderRows;
    long today;
    final List<RowIssue> outOfOrder = new ArrayList<>();
    final MidnightDating midnight;
    Instant min;
    Instant max;
    long maxLine;

    /** Accepted rows by what becomes of their raw readings, with their span. */
    final Span history = new Span();

    final Span pastRetention = new Span();
    final Span recent = new Span();
    final Instant rawCutoff = window.rawCutoff();
    final Instant todayStart = window.today();

    Run(Layout layout, ImportSink sink, Consumer<ImportProgress> progress, long totalChars) {
      this.layout = layout;
      this.sink = sink;
      this.progress = progress;
      this.totalChars = totalChars;
      this.slots = new SlotSet(layout.interval);
      this.midnight = new MidnightDating(layout.interval);
      this.intervalHours = layout.interval.toMillis() / 3_600_000.0;
      var d = EnergyCounter.Limits.DEFAULT;
      this.counter =
          new EnergyCounter(
              new EnergyCounter.Limits(
                  d.registerMaxKwh(),
                  d.rolloverMarginKwh(),
                  d.resetThresholdKwh(),
                  layout.interval.multipliedBy(3).dividedBy(2)));
      this.batch = new ArrayList<>(batchRows + 3);
    }

    ImportProgress progress() {
      return new ImportProgress(rowsRead, accepted, rejected, chars, totalChars);
    }

    void readAll(BufferedReader reader) throws IOException {
      String text;
      boolean first = true;
      while ((text = reader.readLine()) != null) {
        line++;
        chars += text.length() + 1;
        if (text.isBlank()) {
          continue;
        }
        if (first) {
          first = false;
          if (spec.header()) {
            continue;
          }
          text = stripBom(text);
        }
        rowsRead++;
        row(text);
        if (batch.size() >= batchRows) {
          flush();
        }
      }
      flush();
    }

    private void flush() {
      if (!batch.isEmpty()) {
        sink.write(batch);
        batch = new ArrayList<>(batchRows + 3);
      }
      progress.accept(progress());
    }

    private void row(String text) {
      Instant t = null;
      try {
        String[] cells = CsvLine.split(text, layout.delimiter);
        if (cells.length < layout.fieldsNeeded) {
          throw new RowRejectedException(
              "expected at least " + layout.fieldsNeeded + " fields, found " + cells.length);
        }
        String stamp = stamp(cells, layout.timestampIndex, layout.timeIndex);
        if (stamp == null) {
          throw new RowRejectedException("timestamp is empty");
        }
        t = toInstant(midnight.apply(layout.timestamps.parse(stamp), line, stamp), resolver);
        if (spec.stamp() == StampConvention.BEGINNING) {
          t = t.plus(layout.interval);
        }
        window.check(t);
        double raw = number(cells[layout.valueIndex], "value");
        if (raw < 0) {
          throw new RowRejectedException("value must not be negative, was " + raw);
        }
        Long produced = layout.productionIndex >= 0 ? count(cells[layout.productionIndex]) : null;
        EnvironmentalReading drivers = drivers(cells, t);
        if (slots.contains(t)) {
          duplicates++;
          if (duplicateList.size() < LIST_LIMIT) {
            duplicateList.add(new RowIssue(line, t, "duplicate timestamp; the first row is kept"));
          }
          return;
        }
        EnergyReading energy = energy(t, spec.valueKind().toKilo(raw));
        slots.add(t);
        if (energy == null) {
          return; // a counter's baseline
        }
        if (max != null && t.isBefore(max)) {
          // Counter files never get here: their rows out of order are rejected above.
          outOfOrderRows++;
          if (outOfOrder.size() < OUT_OF_ORDER_EXAMPLES) {
            outOfOrder.add(
                new RowIssue(
                    line,
                    t,
                    "earlier than "
                        + max
                        + " on line "
                        + maxLine
                        + "; imported, but the file is not in time order"));
          }
        }
        batch.add(energy);
        if (produced != null) {
          batch.add(
              new ProductionReading(
                  machineId,
                  t,
                  produced,
                  produced,
                  0,
                  produced / intervalHours,
                  null,
                  null,
                  null,
                  null));
        }
        if (drivers != null) {
          batch.add(drivers);
        }
        accepted++;
        min = min == null || t.isBefore(min) ? t : min;
        if (max == null || t.isAfter(max)) {
          max = t;
          maxLine = line;
        }
        if (!t.isBefore(todayStart)) {
          today++;
        }
        switch (window.fate(t, rawCutoff)) {
          case HISTORY -> history.add(t);
          case PAST_RETENTION -> pastRetention.add(t);
          case RECENT -> recent.add(t);
        }
      } catch (RowRejectedException e) {
        if (t != null && window.refuseDroppedDays() && window.horizon().isDropped(t)) {
          droppedDays++;
        }
        rejected++;
        if (rejects.size() < LIST_LIMIT) {
          rejects.add(new RowIssue(line, t, e.getMessage()));
        }
      }
    }

    /**
     * The ranges whose roll-ups the import recomputes: history, and the live era, apart, so that a
     * file reaching from 2018 to last month does not refresh the years between (and on TimescaleDB
     * never the live-era days retention has dropped, whose rows were refused).
     */
    List<TimeRange> rollupRanges() {
      List<TimeRange> ranges = new ArrayList<>(2);
      history.range().ifPresent(ranges::add);
      Span live = new Span();
      live.merge(pastRetention);
      live.merge(recent);
      live.range().ifPresent(ranges::add);
      return ranges;
    }

    List<String> notes() {
      List<String> notes = new ArrayList<>();
      if (midnight.note() != null) {
        notes.add(midnight.note());
      }
      if (outOfOrderRows > 0) {
        notes.add(
            String.format(
                java.util.Locale.ROOT,
                "%,d rows are out of time order (earlier than a row above them), first on line"
                    + " %d: they were imported at their own time; see out_of_order.",
                outOfOrderRows,
                outOfOrder.get(0).line()));
      }
      if (history.rows > 0) {
        notes.add(
            String.format(
                java.util.Locale.ROOT,
                "%,d rows are history (before %s, when this database's live era began): stored"
                    + " raw and rolled up into 1min/15min/1hour/1day; raw retention (%d days)"
                    + " does not drop them.",
                history.rows,
                window.horizon().historyBefore(),
                window.retentionDays()));
      }
      if (pastRetention.rows > 0) {
        notes.add(
            String.format(
                java.util.Locale.ROOT,
                "%,d rows are older than the raw retention of %d days: rolled up into"
                    + " 1min/15min/1hour/1day, which are kept; their raw rows are dropped at the"
                    + " next retention run.",
                pastRetention.rows,
                window.retentionDays()));
      }
      if (droppedDays > 0) {
        notes.add(
            String.format(
                java.util.Locale.ROOT,
                "%,d rows fall on days whose raw readings retention has dropped (before %s) and"
                    + " were refused: on TimescaleDB, importing into them would erase the other"
                    + " machines' roll-ups of those days.",
                droppedDays,
                window.horizon().droppedBefore()));
      }
      return notes;
    }

    /** The reading for a value in kW or kWh; null for a counter's first (baseline) value. */
    private EnergyReading energy(Instant t, double kilo) throws RowRejectedException {
      return switch (spec.valueKind().nature()) {
        case POWER -> EnergyReading.electricity(machineId, t, kilo, kilo * intervalHours);
        case ENERGY -> EnergyReading.electricity(machineId, t, kilo / intervalHours, kilo);
        case COUNTER -> counterReading(t, kilo);
      };
    }

    private EnergyReading counterReading(Instant t, double registerKwh)
        throws RowRejectedException {
      CounterDelta d = counter.accept(t, registerKwh);
      switch (d.kind()) {
        case FIRST -> {
          note(t, "counter baseline " + registerKwh + " kWh; no energy is attributed to this row");
          return null;
        }
        case OUT_OF_ORDER, DUPLICATE ->
            throw new RowRejectedException(
                "counter value out of time order (counter files must be sorted by time)");
        case RESET -> note(t, "counter reset from a higher value to " + registerKwh + " kWh");
        case ROLLOVER -> note(t, "counter rolled over to " + registerKwh + " kWh");
        case NORMAL -> {}
      }
      if (d.afterGap()) {
        note(
            t,
            "counter energy "
                + round(d.deltaKwh())
                + " kWh over a gap of "
                + d.sinceLast()
                + " attributed to this row");
      }
      double hours = d.sinceLast().toMillis() / 3_600_000.0;
      return new EnergyReading(
          machineId,
          t,
          EnergyType.ELECTRICITY,
          d.deltaKwh() / hours,
          d.deltaKwh(),
          registerKwh,
          null,
          null,
          null,
          null,
          null);
    }

    private void note(Instant t, String what) {
      if (counterEvents.size() < LIST_LIMIT) {
        counterEvents.add(new RowIssue(line, t, what));
      }
    }

    private EnvironmentalReading drivers(String[] cells, Instant t) throws RowRejectedException {
      if (layout.driverIndexes.length == 0) {
        return null;
      }
      Double[] known = new Double[ENVIRONMENTAL_FIELDS.size()];
      ObjectNode extra = null;
      boolean any = false;
      for (int i = 0; i < layout.driverIndexes.length; i++) {
        String cell = cells[layout.driverIndexes[i]];
        if (cell.isBlank()) {
          continue;
        }
        double v = number(cell, layout.driverNames[i]);
        any = true;
        int k = ENVIRONMENTAL_FIELDS.indexOf(layout.driverNames[i]);
        if (k >= 0) {
          known[k] = v;
        } else {
          extra = extra == null ? Json.mapper().createObjectNode() : extra;
          extra.put(layout.driverNames[i], v);
        }
      }
      if (!any) {
        return null;
      }
      return new EnvironmentalReading(
          machineId,
          t,
          known[0],
          known[1],
          known[2],
          known[3],
          known[4],
          known[5],
          known[6],
          known[7],
          known[8],
          known[9],
          known[10],
          known[11],
          known[12],
          extra == null ? null : extra.toString());
    }

    private Long count(String cell) throws RowRejectedException {
      if (cell.isBlank()) {
        return null;
      }
      double v = number(cell, "production");
      if (v < 0 || v != Math.rint(v)) {
        throw new RowRejectedException(
            "production: expected a non-negative whole number, was " + v);
      }
      return (long) v;
    }

    private double number(String cell, String what) throws RowRejectedException {
      String s = cell.trim();
      if (s.isEmpty()) {
        throw new RowRejectedException(what + " is empty");
      }
      if (layout.decimalComma) {
        s = s.replace(".", "").replace(',', '.');
      }
      double v;
      try {
        v = Double.parseDouble(s);
      } catch (NumberFormatException e) {
        throw new RowRejectedException(what + " is not a number: '" + abbreviate(cell) + "'");
      }
      if (!Double.isFinite(v)) {
        throw new RowRejectedException(what + " is not a finite number");
      }
      return v;
    }
  }

  private static String round(double v) {
    return String.valueOf(Math.round(v * 1000) / 1000.0);
  }

  private static String abbreviate(String s) {
    return s.length() <= 32 ? s : s.substring(0, 32) + "…";
  }

  /** A count of rows and the span of their times. */
  private static final class Span {
    long rows;
    Instant from;
    Instant to;

    void add(Instant t) {
      rows++;
      from = from == null || t.isBefore(from) ? t : from;
      to = to == null || t.isAfter(to) ? t : to;
    }

    void merge(Span other) {
      if (other.rows > 0) {
        rows += other.rows;
        from = from == null || other.from.isBefore(from) ? other.from : from;
        to = to == null || other.to.isAfter(to) ? other.to : to;
      }
    }

    java.util.Optional<TimeRange> range() {
      return rows == 0
          ? java.util.Optional.empty()
          : java.util.Optional.of(new TimeRange(from, to));
    }
  }
}
