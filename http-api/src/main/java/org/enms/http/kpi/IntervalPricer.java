package org.enms.http.kpi;

import java.time.ZoneId;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;
import org.enms.analytics.kpi.EnergyUnits;
import org.enms.analytics.kpi.IntervalPrice;
import org.enms.analytics.kpi.PricedInterval;
import org.enms.analytics.kpi.TariffBook;
import org.enms.analytics.kpi.TariffKind;
import org.enms.analytics.kpi.TariffVersion;
import org.enms.db.kpi.CostRow;
import org.enms.db.kpi.PricingContext;
import org.enms.db.kpi.RollupInterval;
import org.enms.db.kpi.SourcePrice;
import org.enms.db.registry.TariffRecord;

/**
 * Prices roll-up intervals with the tariffs of one {@link PricingContext}: one {@link TariffBook}
 * per factory, energy source and pinned tariff, built on first use. An energy type no source is
 * named after is priced at 0 with no emissions. Not thread-safe; one per pricing run.
 */
final class IntervalPricer {
  private record BookKey(UUID factory, String source, String pinned) {}

  private final PricingContext context;
  private final Map<BookKey, TariffBook> books = new HashMap<>();

  IntervalPricer(PricingContext context) {
    this.context = context;
  }

  CostRow price(RollupInterval i) {
    SourcePrice source = context.sources().get(i.energyType());
    IntervalPrice price = book(i).priceAt(i.bucket());
    double co2PerKwh =
        source == null
            ? 0
            : EnergyUnits.perKwh(source.carbonFactor(), source.name(), source.unit());
    PricedInterval p = PricedInterval.of(i.bucket(), i.energyKwh(), i.demandKw(), price, co2PerKwh);
    return new CostRow(
        i.bucket(),
        i.machineId(),
        i.energyType(),
        p.billingMonth(),
        p.energyKwh(),
        p.demandKw(),
        price.energyTariffId(),
        p.ratePerKwh(),
        p.energyCost(),
        price.currency(),
        price.demandTariffId(),
        p.demandRatePerKw(),
        p.co2KgPerKwh(),
        p.co2Kg());
  }

  private TariffBook book(RollupInterval i) {
    return books.computeIfAbsent(
        new BookKey(i.factoryId(), i.energyType(), i.pinnedTariff()), this::newBook);
  }

  private TariffBook newBook(BookKey key) {
    SourcePrice source = context.sources().get(key.source());
    double listPrice =
        source == null ? 0 : EnergyUnits.perKwh(source.costPerUnit(), source.name(), source.unit());
    List<TariffVersion> versions =
        context.tariffs().stream()
            .filter(t -> t.factoryId().equals(key.factory()))
            .filter(t -> t.energySource().equals(key.source()))
            .map(IntervalPricer::version)
            .toList();
    String zone = context.factoryZones().getOrDefault(key.factory(), "UTC");
    return new TariffBook(versions, ZoneId.of(zone), listPrice, key.pinned());
  }

  static TariffVersion version(TariffRecord t) {
    return new TariffVersion(
        t.id(),
        t.name(),
        TariffKind.fromWireName(t.kind()),
        t.ratePerKwh(),
        t.startHour(),
        t.endHour(),
        t.applicableDays() == null
            ? null
            : new HashSet<>(t.applicableDays().stream().filter(Objects::nonNull).toList()),
        t.demandChargePerKw(),
        t.validFrom(),
        t.validTo(),
        t.currency());
  }
}
