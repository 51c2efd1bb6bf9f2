package org.enms.analytics.kpi;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Which prices apply to a machine's energy of one source at a given time: the tariff versions of
 * its factory for that source, read in the factory's local time.
 *
 * <p>For each tariff name the latest version whose {@code validFrom} has come is in force (and none
 * once its {@code validTo} has passed). Among the energy tariffs in force that apply at that hour
 * and day, the machine's own tariff wins; otherwise the highest rate, as in the original. When none
 * applies, the energy source's list price is used. Demand charges are chosen the same way. Costs
 * are in the factory's billing currency: that of its tariffs (all share one), else USD.
 */
public final class TariffBook {
  /** The currency of a factory without tariffs. */
  public static final String DEFAULT_CURRENCY = "USD";

  private static final Comparator<TariffVersion> BY_VALID_FROM =
      Comparator.comparing(TariffVersion::validFrom);

  private final Map<String, List<TariffVersion>> byName = new LinkedHashMap<>();
  private final ZoneId zone;
  private final double listPricePerKwh;
  private final String pinnedName;
  private final String currency;

  /**
   * @param versions every version of the factory's tariffs for the source, in any order
   * @param zone the factory's time zone
   * @param listPricePerKwh the source's price per kWh when no tariff applies
   * @param pinnedName the name of the machine's own tariff, or null
   */
  public TariffBook(
      List<TariffVersion> versions, ZoneId zone, double listPricePerKwh, String pinnedName) {
    this.zone = Objects.requireNonNull(zone);
    this.listPricePerKwh = listPricePerKwh;
    this.pinnedName = pinnedName;
    versions.stream()
        .sorted(Comparator.comparing(TariffVersion::name).thenComparing(BY_VALID_FROM))
        .forEach(v -> byName.computeIfAbsent(v.name(), n -> new ArrayList<>()).add(v));
    this.currency = versions.isEmpty() ? DEFAULT_CURRENCY : versions.get(0).currency();
  }

  public String currency() {
    return currency;
  }

  /** The prices for the interval starting at {@code start}. */
  public IntervalPrice priceAt(Instant start) {
    LocalDateTime local = LocalDateTime.ofInstant(start, zone);
    LocalDate date = local.toLocalDate();
    TariffVersion energy = null;
    TariffVersion demand = null;
    for (List<TariffVersion> versions : byName.values()) {
      TariffVersion v = inForce(versions, date);
      if (v == null || !v.appliesAt(local)) {
        continue;
      }
      if (v.kind() == TariffKind.DEMAND_CHARGE) {
        demand = preferred(demand, v, TariffBook::demandRate);
      } else {
        energy = preferred(energy, v, TariffVersion::ratePerKwh);
      }
    }
    return new IntervalPrice(
        energy == null ? null : energy.id(),
        energy == null ? listPricePerKwh : energy.ratePerKwh(),
        demand == null ? null : demand.id(),
        demand == null ? null : demandRate(demand),
        currency,
        date.withDayOfMonth(1));
  }

  /** The latest version of one tariff that has started by {@code date}, if still valid then. */
  private static TariffVersion inForce(List<TariffVersion> versionsByValidFrom, LocalDate date) {
    TariffVersion latest = null;
    for (TariffVersion v : versionsByValidFrom) {
      if (v.validFrom().isAfter(date)) {
        break;
      }
      latest = v;
    }
    return latest != null && latest.validOn(date) ? latest : null;
  }

  /** The machine's own tariff first; then the higher price; on a tie the first name. */
  private TariffVersion preferred(
      TariffVersion current,
      TariffVersion candidate,
      java.util.function.ToDoubleFunction<TariffVersion> price) {
    if (current == null) {
      return candidate;
    }
    boolean currentPinned = current.name().equals(pinnedName);
    boolean candidatePinned = candidate.name().equals(pinnedName);
    if (currentPinned != candidatePinned) {
      return candidatePinned ? candidate : current;
    }
    return price.applyAsDouble(candidate) > price.applyAsDouble(current) ? candidate : current;
  }

  private static double demandRate(TariffVersion v) {
    return v.demandChargePerKw() == null ? 0 : v.demandChargePerKw();
  }
}
