package org.enms.http.registry;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * {@code GET /seus}, in the original's envelope, which the voice client reads.
 *
 * @param filteredBy the {@code energy_source} asked for, or null
 */
public record SeuListResponse(
    boolean success, List<Summary> seus, int totalCount, String filteredBy, Instant timestamp) {

  static SeuListResponse of(List<SeuRegistry.Entry> seus, String filteredBy, Instant timestamp) {
    return new SeuListResponse(
        true, seus.stream().map(Summary::of).toList(), seus.size(), filteredBy, timestamp);
  }

  /**
   * One SEU of the list.
   *
   * @param rSquared fit of its trained baseline; null until one is trained
   */
  public record Summary(
      UUID id,
      String name,
      String energySource,
      String unit,
      int machineCount,
      Integer baselineYear,
      Double rSquared,
      boolean hasBaseline) {
    static Summary of(SeuRegistry.Entry s) {
      return new Summary(
          s.id(),
          s.name(),
          s.energySource(),
          s.unit(),
          s.machineIds().size(),
          s.baselineYear(),
          s.rSquared(),
          s.rSquared() != null);
    }
  }
}
