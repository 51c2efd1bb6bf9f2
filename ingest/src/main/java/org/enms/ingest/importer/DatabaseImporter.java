package org.enms.ingest.importer;

import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.Executor;
import java.util.function.Consumer;
import org.enms.db.Database;
import org.enms.db.Dialect;
import org.enms.db.MachineDao;
import org.enms.db.MachineRow;
import org.enms.db.RawRetention;
import org.enms.db.ReadingBatchWriter;
import org.enms.db.RollupRefresher;
import org.enms.db.TimeRange;
import org.enms.ingest.port.LiveStateReload;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Imports meter exports into the database: resolves the machine, detects the file's layout, writes
 * the readings through the live pipeline's idempotent batch writer (so a second import of the same
 * file inserts nothing), then recomputes the roll-ups of the imported range. Rows of any age are
 * taken: history before the database's live era keeps its raw rows, live-era rows older than the
 * raw retention keep their roll-ups (see {@link RawRetention}).
 *
 * <p>Imported readings never pass the MQTT ingest. When new rows of today were stored, the
 * machine's live state is told to reload from the database ({@link LiveStateReload}); without one
 * (the command line) the summary says when a running node takes them up. Blocking; run it on a
 * thread that may block. Thread-safe; imports may run concurrently.
 */
public final class DatabaseImporter {
  private static final Logger log = LoggerFactory.getLogger(DatabaseImporter.class);

  private final Database database;
  private final MachineDao machines;
  private final ReadingBatchWriter writer;
  private final RollupRefresher rollups;
  private final ImportSettings settings;
  private final Clock clock;
  private final Executor writerPool;
  private final LiveStateReload live;

  /** Without live state to tell (the command line): see {@link LiveStateReload#NONE}. */
  public DatabaseImporter(
      Database database,
      RollupRefresher rollups,
      ImportSettings settings,
      Clock clock,
      Executor writerPool) {
    this(database, rollups, settings, clock, writerPool, LiveStateReload.NONE);
  }

  /**
   * @param rollups the node's refresher (its advisory lock serialises refreshes across nodes)
   * @param writerPool runs the batch transactions; may block
   * @param live told when new rows of today were stored, so the machine's live totals include them
   */
  public DatabaseImporter(
      Database database,
      RollupRefresher rollups,
      ImportSettings settings,
      Clock clock,
      Executor writerPool,
      LiveStateReload live) {
    this.live = live;
    this.database = database;
    this.machines = new MachineDao(database);
    this.writer = new ReadingBatchWriter(database);
    this.rollups = rollups;
    this.settings = settings;
    this.clock = clock;
    this.writerPool = writerPool;
  }

  /** A file checked against its spec and its machine, ready to run. */
  public record Ready(
      ImportSpec spec, MachineRow machine, CsvImporter importer, CsvImporter.Prepared file) {}

  /**
   * Resolves the machine and detects the file's layout; reads only the beginning of the file.
   *
   * @throws InvalidImportSpecException when the machine is unknown or the file does not fit
   */
  public Ready prepare(ImportSpec spec, ImportSource source) throws IOException {
    MachineRow machine = resolveMachine(spec.machine());
    // Detection needs no window; the import's own is fixed when it starts writing.
    CsvImporter importer =
        new CsvImporter(
            spec,
            machine.id(),
            ImportWindow.unrestricted(clock.instant(), settings.maxFutureSkew()),
            settings.batchRows());
    return new Ready(spec, machine, importer, importer.prepare(source));
  }

  /**
   * Writes the readings and brings the roll-ups of their range up to date. Raw retention waits
   * meanwhile, so rows older than it are rolled up before their raw rows go.
   */
  public ImportSummary run(Ready ready, Consumer<ImportProgress> progress) throws IOException {
    long started = System.nanoTime();
    ImportSummary summary;
    long rollupStart;
    try (RawRetention.ImportHold hold = database.retention().holdForImport()) {
      ImportWindow window =
          ImportWindow.of(
              clock,
              settings.maxFutureSkew(),
              database.retention().retentionDays(),
              hold.horizon(),
              database.dialect() == Dialect.TIMESCALE);
      summary =
          ready
              .importer()
              .withWindow(window)
              .run(
                  ready.file(),
                  new ParallelWriterSink(writer, writerPool, settings.writers()),
                  progress);
      rollupStart = System.nanoTime();
      if (summary.readingsWritten() > 0) {
        // Also when nothing was new: an earlier import may have stopped before its roll-ups.
        for (TimeRange range : summary.rollupRanges()) {
          rollups.refresh(range.from(), range.to());
        }
      }
    }
    long end = System.nanoTime();
    summary =
        summary.withTiming(Duration.ofNanos(end - started), Duration.ofNanos(end - rollupStart));
    if (summary.rowsToday() > 0 && summary.readingsNew() > 0) {
      summary = tellLiveState(ready.machine(), summary);
    }
    log.info(
        "import file={} machine={} rows={} new_readings={} rejected={} duplicates={} gaps={}"
            + " range={}..{} elapsed_ms={}",
        summary.file(),
        ready.machine().name(),
        summary.rowsImported(),
        summary.readingsNew(),
        summary.rowsRejected(),
        summary.duplicateRows(),
        summary.gapCount(),
        summary.rangeFrom(),
        summary.rangeTo(),
        summary.elapsed().toMillis());
    return summary;
  }

  /**
   * The machine's entity counts each reading once by its time and ignores readings older than its
   * newest, so today's imported rows cannot be told to it as readings; it reloads from storage,
   * which holds every reading once.
   */
  private ImportSummary tellLiveState(MachineRow machine, ImportSummary summary) {
    String rows =
        String.format(java.util.Locale.ROOT, "%,d rows are for today (UTC)", summary.rowsToday());
    if (live == LiveStateReload.NONE) {
      return summary.withLiveState(
          false,
          rows
              + ": a running node's live totals (/api/v1/machines/status) include them once the"
              + " machine's entity restores from the database (idle passivation, a rebalance or"
              + " a restart); import through the API (POST /api/v1/import) to include them at"
              + " once.");
    }
    live.reload(machine.id());
    return summary.withLiveState(
        true,
        rows
            + ": the machine's live totals (/api/v1/machines/status) were reloaded from the"
            + " database to include them.");
  }

  /** By id, or by name ignoring case; a partial name is not enough for an import. */
  public MachineRow resolveMachine(String ref) {
    if (ref == null || ref.isBlank()) {
      throw InvalidImportSpecException.of("machine", "field required: the machine's name or id");
    }
    Optional<UUID> id = uuid(ref);
    if (id.isPresent()) {
      return machines
          .byId(id.get())
          .orElseThrow(() -> InvalidImportSpecException.of("machine", "no machine with id " + ref));
    }
    List<MachineRow> matches = machines.byNameContaining(ref.trim());
    return matches.stream()
        .filter(m -> m.name().equalsIgnoreCase(ref.trim()))
        .findFirst()
        .orElseThrow(
            () ->
                InvalidImportSpecException.of(
                    "machine",
                    matches.isEmpty()
                        ? "no machine named " + ref
                        : "no machine named exactly "
                            + ref
                            + "; did you mean "
                            + String.join(", ", matches.stream().map(MachineRow::name).toList())
                            + "?"));
  }

  private static Optional<UUID> uuid(String text) {
    try {
      return Optional.of(UUID.fromString(text.trim()));
    } catch (IllegalArgumentException e) {
      return Optional.empty();
    }
  }
}
