package org.enms.http.registry;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** {@code GET /seus/{id}}, in the original's envelope. */
public record SeuDetailResponse(boolean success, Detail seu, Instant timestamp) {

  static SeuDetailResponse of(
      SeuRegistry.Entry seu, List<SeuRegistry.MachineRef> machines, Instant timestamp) {
    return new SeuDetailResponse(true, Detail.of(seu, machines), timestamp);
  }

  /**
   * An SEU with its machines.
   *
   * @param rSquared fit of its trained baseline; null until one is trained
   * @param targetReductionPercent always null: the original selects a column its schema lacks here,
   *     and no target is stored per SEU
   * @param baselineModelCount 1 once a baseline is trained, else 0
   */
  public record Detail(
      UUID id,
      String name,
      String description,
      String energySource,
      String unit,
      List<SeuRegistry.MachineRef> machines,
      Integer baselineYear,
      Double rSquared,
      Double targetReductionPercent,
      int baselineModelCount,
      boolean hasBaseline,
      boolean isActive,
      Instant createdAt,
      Instant updatedAt) {
    static Detail of(SeuRegistry.Entry s, List<SeuRegistry.MachineRef> machines) {
      return new Detail(
          s.id(),
          s.name(),
          s.description(),
          s.energySource(),
          s.unit(),
          machines,
          s.baselineYear(),
          s.rSquared(),
          null,
          s.rSquared() == null ? 0 : 1,
          s.rSquared() != null,
          s.isActive(),
          s.createdAt(),
          s.updatedAt());
    }
  }
}
