package org.enms.ingest.port;

import java.util.List;
import org.enms.core.reading.Reading;

/** Told about readings once they are durable, to update the machines' live state. */
@FunctionalInterface
public interface LiveStateListener {
  void readingsStored(List<Reading> readings);
}
