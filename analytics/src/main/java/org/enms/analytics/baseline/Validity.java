package org.enms.analytics.baseline;

import java.util.List;

/**
 * Whether a baseline may be used to judge performance, with the reasons when not.
 *
 * @param valid true when no threshold is violated
 * @param reasons violated thresholds, each with the measured value
 * @param warnings weaknesses that do not invalidate the model (e.g. a weak driver)
 */
public record Validity(boolean valid, List<String> reasons, List<String> warnings) {
  public Validity {
    reasons = List.copyOf(reasons);
    warnings = List.copyOf(warnings);
  }
}
