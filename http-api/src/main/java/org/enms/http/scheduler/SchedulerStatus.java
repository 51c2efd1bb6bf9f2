package org.enms.http.scheduler;

import java.util.List;
import org.enms.machine.CborSerializable;

/**
 * {@code GET /scheduler/status}: the original's {@code enabled}, {@code running}, {@code job_count}
 * and {@code jobs}, plus where the scheduler runs.
 *
 * @param running the scheduler answered: it runs on {@code node}
 * @param node the cluster node the scheduler runs on; null when it did not answer or is disabled
 * @param timezone the zone fire times are computed in
 */
public record SchedulerStatus(
    boolean enabled,
    boolean running,
    int jobCount,
    List<JobStatus> jobs,
    String node,
    String timezone)
    implements CborSerializable {
  public SchedulerStatus {
    jobs = List.copyOf(jobs);
  }
}
