package org.enms.http.forecast;

import java.util.UUID;
import org.enms.http.support.Validated;
import org.enms.http.support.Violations;

/**
 * {@code POST /forecast/predict}.
 *
 * @param horizon {@code short}, {@code medium} or {@code long}; absent: short
 * @param periods how many; absent: the horizon's default (16, 24 or 168)
 */
public record PredictRequest(UUID machineId, String horizon, Integer periods) implements Validated {
  public PredictRequest {
    horizon = horizon == null ? Horizon.SHORT.wireName() : horizon;
  }

  @Override
  public void validate(Violations v) {
    v.required("machine_id", machineId);
    Horizon h = Horizon.named(horizon).orElse(null);
    if (h == null) {
      v.invalid("horizon", "horizon must be one of short, medium, long");
    } else {
      v.between("periods", periods, 1, h.maxPeriods());
    }
  }

  Horizon horizonValue() {
    return Horizon.named(horizon).orElseThrow();
  }

  int periodsValue() {
    return periods == null ? horizonValue().defaultPeriods() : periods;
  }
}
