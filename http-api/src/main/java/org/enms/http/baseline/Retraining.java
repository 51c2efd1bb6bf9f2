package org.enms.http.baseline;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.enms.analytics.baseline.Features;
import org.enms.analytics.baseline.ModelType;
import org.enms.analytics.baseline.TrainingSpec;
import org.enms.db.BaselineDao.BaselineRow;

/**
 * What retraining an active model asks for: the same kind of model with the same drivers and
 * calendar, on newer data. A driver regression names its drivers (its shift indicators as the one
 * {@code shift} driver they came from); a time-of-week model's terms are its own, so it names none.
 */
public final class Retraining {
  private Retraining() {}

  public static TrainingSpec specOf(BaselineRow active) {
    ModelType type = ModelType.named(active.modelType()).orElse(ModelType.OLS);
    List<String> drivers = type == ModelType.OLS ? drivers(active.featureNames()) : List.of();
    return new TrainingSpec(drivers, type, DbBaselines.calendar(active.metadata()));
  }

  private static List<String> drivers(List<String> features) {
    Set<String> drivers = new LinkedHashSet<>();
    for (String f : features) {
      drivers.add(Features.isShift(f) ? Features.SHIFT : f);
    }
    return List.copyOf(drivers);
  }
}
