package org.enms.machine;

import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.enms.analytics.baseline.BaselineModel;
import org.enms.analytics.baseline.FeatureRange;
import org.enms.analytics.baseline.ModelType;
import org.enms.analytics.baseline.OperatingCalendar;
import org.enms.db.BaselineDao.BaselineRow;

/**
 * A stored baseline row as the analytics model it was trained as: its type and its calendar
 * included, so the live entity and the API predict alike.
 */
public final class StoredBaselines {
  private StoredBaselines() {}

  /** The row's model with the row's identity, as a live entity holds it. */
  public static ActiveBaseline active(BaselineRow row) {
    return new ActiveBaseline(row.id(), row.modelVersion(), model(row));
  }

  public static BaselineModel model(BaselineRow row) {
    Map<String, FeatureRange> ranges = new LinkedHashMap<>();
    row.featureRanges()
        .forEach(
            (name, s) -> ranges.put(name, new FeatureRange(s.min(), s.max(), s.mean(), s.std())));
    return new BaselineModel(
        row.coefficients(),
        row.intercept(),
        row.residualStd(),
        ranges,
        ModelType.named(row.modelType()).orElse(ModelType.OLS),
        calendar(row.metadata()));
  }

  /** The calendar stored in a model's metadata; the default for models stored before it was. */
  static OperatingCalendar calendar(Map<String, Object> metadata) {
    if (!(metadata.get("calendar") instanceof Map<?, ?> c)) {
      return OperatingCalendar.DEFAULT;
    }
    List<Integer> shifts =
        c.get("shift_starts") instanceof List<?> l
            ? l.stream().map(v -> ((Number) v).intValue()).toList()
            : null;
    Set<LocalDate> holidays =
        c.get("holidays") instanceof List<?> l
            ? l.stream().map(v -> LocalDate.parse(String.valueOf(v))).collect(Collectors.toSet())
            : Set.of();
    return new OperatingCalendar(shifts, holidays);
  }
}
