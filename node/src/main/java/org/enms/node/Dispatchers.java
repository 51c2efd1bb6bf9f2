package org.enms.node;

import org.apache.pekko.actor.typed.ActorSystem;
import org.apache.pekko.actor.typed.DispatcherSelector;
import org.enms.db.BlockingIo;

/**
 * The node's dispatchers for blocking work, declared in {@code cluster.conf}: each kind of work has
 * its own pool so that one cannot starve another.
 */
final class Dispatchers {
  /** JDBC of ingest commits, API reads and writes, probes; sized like the connection pool. */
  static final String BLOCKING = "enms-blocking-dispatcher";

  /** Machine entity restores: a node starting under load wakes thousands of entities at once. */
  static final String RESTORE = "enms-restore-dispatcher";

  /** Import jobs, one at a time. */
  static final String IMPORT = "enms-import-dispatcher";

  /** An import job's writers. */
  static final String IMPORT_WRITER = "enms-import-writer-dispatcher";

  private Dispatchers() {}

  static BlockingIo blockingIo(ActorSystem<?> system, String dispatcher) {
    return new BlockingIo(system.dispatchers().lookup(DispatcherSelector.fromConfig(dispatcher)));
  }
}
