package org.enms.http.baseline;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.enms.analytics.baseline.BaselineModel;
import org.enms.analytics.baseline.Features;
import org.enms.analytics.baseline.ModelType;
import org.enms.analytics.baseline.TrainingSpec;
import org.enms.db.BaselineDao.BaselineRow;
import org.enms.machine.StoredBaselines;

/**
 * What retraining an active model asks for: the same kind of model with the same drivers and
 * calendar, on newer data. A driver regression names its drivers (its shift indicators as the one
 * {@code shift} driver they came from); a time-of-week model's terms are its own, so it names none.
 */
public final class Retraining {
  private Retraining() {}

  public static TrainingSpec specOf(BaselineRow active) {
    BaselineModel stored = StoredBaselines.model(active);
    List<String> drivers =
        stored.type() == ModelType.OLS ? drivers(active.featureNames()) : List.of();
    return new TrainingSpec(drivers, stored.type(), stored.calendar());
  }

  private static List<String> drivers(List<String> features) {
    Set<String> drivers = new LinkedHashSet<>();
    for (String f : features) {
      drivers.add(Features.isShift(f) ? Features.SHIFT : f);
    }
    return List.copyOf(drivers);
  }
}
