package org.enms.ingest.importer;

import java.util.List;
import org.enms.core.reading.Reading;

/**
 * Where an import's readings go, batch by batch. {@link #write} may return before the batch is
 * durable (to overlap parsing and writing); {@link #finish} waits for every batch and fails if any
 * failed.
 */
public interface ImportSink {
  void write(List<Reading> batch);

  Totals finish();

  /**
   * @param written readings handed to storage
   * @param inserted readings that were not stored before (a re-import inserts none)
   */
  record Totals(long written, long inserted) {}
}
