package org.enms.http.plant;

import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.enms.http.timeseries.TimeseriesResponse;

/**
 * {@code GET /timeseries/multi-machine/energy}: the original's fields (the voice client reads
 * {@code machines[].machine_name} and {@code machines[].data_points[].value}).
 */
public record MultiMachineResponse(
    String interval,
    Instant startTime,
    Instant endTime,
    List<MachineSeries> machines,
    int totalMachines) {

  /**
   * @param totalKwh the sum of the points (added)
   */
  public record MachineSeries(
      UUID machineId,
      String machineName,
      List<TimeseriesResponse.DataPoint> dataPoints,
      int totalPoints,
      double totalKwh) {}
}
