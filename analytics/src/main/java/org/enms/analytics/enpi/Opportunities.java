package org.enms.analytics.enpi;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * Saving opportunities of one SEU over a period, from its hours, by the original performance
 * engine's rules (kept so its answers stay recognisable), with its crashing drift rule repaired:
 *
 * <ul>
 *   <li>{@code excessive_idle}: more than 30 % of the hours with data draw under 10 % of the rated
 *       power (but not nothing); half of that idle energy is the potential;
 *   <li>{@code inefficient_scheduling}: more than 20 % of the energy (and over 50 kWh) falls off
 *       hours (20:00–06:00 local, and weekends); 60 % of it is the potential;
 *   <li>{@code baseline_drift}: the period used more than 5 % above what the SEU's baseline expects
 *       (or, without a baseline, its second half drew over 10 % more than its first); the excess is
 *       the potential.
 * </ul>
 */
public final class Opportunities {
  static final double IDLE_SHARE_OF_RATED = 0.10;
  static final double IDLE_HOURS_SHARE = 0.30;
  static final double OFF_HOURS_SHARE = 0.20;
  static final double OFF_HOURS_MIN_KWH = 50;

  private Opportunities() {}

  /**
   * One hour of the SEU.
   *
   * @param offHours 20:00–06:00 local time, or a weekend
   * @param ratedKw the rated power of the SEU's machines that reported this hour
   */
  public record Hour(boolean offHours, double kwh, double avgKw, double ratedKw) {}

  /** One opportunity; {@code effort} low|medium|high. */
  public record Finding(
      String issueType,
      String description,
      double potentialSavingsKwh,
      String effort,
      String recommendedAction,
      String detailedAnalysis) {}

  /**
   * @param soFar the period's actual and expected energy when the SEU has a baseline, else null
   */
  public static List<Finding> find(String seuName, List<Hour> hours, Enpi soFar) {
    List<Finding> out = new ArrayList<>();
    if (hours.isEmpty()) {
      return out;
    }
    double total = hours.stream().mapToDouble(Hour::kwh).sum();
    List<Hour> idle =
        hours.stream()
            .filter(h -> h.avgKw() > 0 && h.avgKw() < IDLE_SHARE_OF_RATED * h.ratedKw())
            .toList();
    double idleShare = idle.size() / (double) hours.size();
    if (idleShare > IDLE_HOURS_SHARE) {
      double idleKwh = idle.stream().mapToDouble(Hour::kwh).sum();
      out.add(
          new Finding(
              "excessive_idle",
              String.format(
                  Locale.ROOT,
                  "%s idles %.0f%% of its hours, drawing %.1f kWh below 10%% of rated power",
                  seuName,
                  idleShare * 100,
                  idleKwh),
              idleKwh * 0.5,
              "medium",
              "Switch off or put to standby when idle; add an automatic idle shutdown",
              String.format(Locale.ROOT, "%d of %d hours idle", idle.size(), hours.size())));
    }
    double offKwh = hours.stream().filter(Hour::offHours).mapToDouble(Hour::kwh).sum();
    if (total > 0 && offKwh / total > OFF_HOURS_SHARE && offKwh > OFF_HOURS_MIN_KWH) {
      out.add(
          new Finding(
              "inefficient_scheduling",
              String.format(
                  Locale.ROOT,
                  "%s uses %.0f%% of its energy (%.1f kWh) at night or on weekends",
                  seuName,
                  offKwh / total * 100,
                  offKwh),
              offKwh * 0.6,
              "low",
              "Align the operating schedule with production; stop it outside shifts",
              String.format(Locale.ROOT, "off-hours %.1f of %.1f kWh", offKwh, total)));
    }
    drift(seuName, hours, soFar).ifPresent(out::add);
    out.sort((a, b) -> Double.compare(b.potentialSavingsKwh(), a.potentialSavingsKwh()));
    return out;
  }

  private static Optional<Finding> drift(String seuName, List<Hour> hours, Enpi soFar) {
    if (soFar != null) {
      if (soFar.expectedKwh() > 0 && soFar.deviationPercent() > 5) {
        return Optional.of(
            new Finding(
                "baseline_drift",
                String.format(
                    Locale.ROOT,
                    "%s used %.1f%% more than its baseline expects",
                    seuName,
                    soFar.deviationPercent()),
                soFar.deviationKwh(),
                "medium",
                "Inspect the equipment for degradation (leaks, fouling, wear) and restore its settings",
                String.format(
                    Locale.ROOT,
                    "actual %.1f kWh, expected %.1f kWh",
                    soFar.actualKwh(),
                    soFar.expectedKwh())));
      }
      return Optional.empty();
    }
    int half = hours.size() / 2;
    if (half == 0) {
      return Optional.empty();
    }
    double first = hours.subList(0, half).stream().mapToDouble(Hour::kwh).average().orElse(0);
    List<Hour> later = hours.subList(half, hours.size());
    double second = later.stream().mapToDouble(Hour::kwh).average().orElse(0);
    if (first > 0 && second > first * 1.10) {
      return Optional.of(
          new Finding(
              "baseline_drift",
              String.format(
                  Locale.ROOT,
                  "%s drew %.0f%% more per hour in the second half of the period",
                  seuName,
                  (second / first - 1) * 100),
              (second - first) * later.size(),
              "medium",
              "Train a baseline for this SEU and inspect the equipment for degradation",
              String.format(Locale.ROOT, "%.2f kWh/h, then %.2f kWh/h", first, second)));
    }
    return Optional.empty();
  }
}
