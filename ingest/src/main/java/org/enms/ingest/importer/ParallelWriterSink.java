package org.enms.ingest.importer;

import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.concurrent.Semaphore;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import org.enms.core.reading.Reading;
import org.enms.db.ReadingBatchWriter;
import org.enms.db.WriteResult;

/**
 * Writes import batches through the live pipeline's idempotent {@link ReadingBatchWriter}, with up
 * to {@code writers} transactions in flight so parsing overlaps the commits. A failed batch fails
 * the import at the next {@link #write} or at {@link #finish}; what was committed stays, and
 * importing the file again completes it without duplicates.
 */
public final class ParallelWriterSink implements ImportSink {
  private final ReadingBatchWriter writer;
  private final Executor executor;
  private final int writers;
  private final Semaphore inFlight;
  private final AtomicLong written = new AtomicLong();
  private final AtomicLong inserted = new AtomicLong();
  private final AtomicReference<Throwable> failure = new AtomicReference<>();

  public ParallelWriterSink(ReadingBatchWriter writer, Executor executor, int writers) {
    this.writer = writer;
    this.executor = executor;
    this.writers = writers;
    this.inFlight = new Semaphore(writers);
  }

  @Override
  public void write(List<Reading> batch) {
    rethrow();
    inFlight.acquireUninterruptibly();
    CompletableFuture.runAsync(
            () -> {
              WriteResult r = writer.write(batch);
              written.addAndGet(r.submitted());
              inserted.addAndGet(r.inserted());
            },
            executor)
        .whenComplete(
            (ok, e) -> {
              if (e != null) {
                failure.compareAndSet(null, e.getCause() != null ? e.getCause() : e);
              }
              inFlight.release();
            });
  }

  @Override
  public Totals finish() {
    inFlight.acquireUninterruptibly(writers);
    inFlight.release(writers);
    rethrow();
    return new Totals(written.get(), inserted.get());
  }

  private void rethrow() {
    Throwable e = failure.get();
    if (e != null) {
      throw new IllegalStateException("writing the import failed: " + e.getMessage(), e);
    }
  }
}
