package org.enms.bench;

import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.stream.IntStream;
import org.enms.node.testing.HostileMessages;
import org.enms.simulator.load.Interleaved;
import org.enms.simulator.load.LoadMachines;

/**
 * The hostile-input test's mix of messages ({@link HostileMessages}), handed to the load
 * generator's sender threads, with a tally of what the ingest must make of them: the rows they
 * carry (their good readings belong to machines of their own, so they never collide with the
 * load's) and the rejects.
 */
final class HostileMix {
  /** Machines registered after the load machines, for the good readings inside hostile messages. */
  static final int MACHINES = 8;

  private final long seed;
  private final List<UUID> own;
  private final java.util.ArrayDeque<HostileMessages.Message> made = new java.util.ArrayDeque<>();
  private HostileMessages messages;
  private int runs;
  private long sent;
  private long rejects;
  private long rows;
  private long energyRows;

  /**
   * @param loadMachines the load uses machines 0..loadMachines-1; the mix uses the next {@link
   *     #MACHINES}
   */
  HostileMix(long seed, int loadMachines) {
    this.seed = seed;
    this.own =
        IntStream.range(loadMachines, loadMachines + MACHINES)
            .mapToObj(LoadMachines::machineId)
            .toList();
  }

  /** Makes {@code count} messages for the next run, their readings stamped from now on. */
  synchronized void prepare(int count) {
    messages = new HostileMessages(seed + runs++, own, Instant.now());
    made.clear();
    for (int i = 0; i < count; i++) {
      made.add(messages.hostile());
    }
  }

  Interleaved interleaved(double percent) {
    return Interleaved.percent(percent, this::next);
  }

  private synchronized Interleaved.Message next() {
    HostileMessages.Message m = made.isEmpty() ? messages.hostile() : made.poll();
    return new Interleaved.Message(m.topic(), m.payload(), () -> acknowledged(m));
  }

  /** Only what the broker took counts: a publish can fail while a connection is down. */
  private synchronized void acknowledged(HostileMessages.Message m) {
    sent++;
    if (m.delivered()) {
      rejects += m.rejects();
      rows += m.stored().size();
      energyRows +=
          m.stored().stream().filter(k -> k.table() == HostileMessages.Table.ENERGY).count();
    }
  }

  synchronized long sent() {
    return sent;
  }

  /** Rejects the ingest must record for what was sent. */
  synchronized long rejects() {
    return rejects;
  }

  /** Rows, all tables, the ingest must store for what was sent. */
  synchronized long rows() {
    return rows;
  }

  /** Of {@link #rows()}, those in energy_readings. */
  synchronized long energyRows() {
    return energyRows;
  }
}
