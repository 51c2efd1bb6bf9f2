package org.enms.http.registry;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.CompletionStage;
import org.enms.db.BlockingIo;
import org.enms.db.registry.FactoryDao;
import org.enms.db.registry.FactoryRecord;
import org.enms.db.registry.TariffDao;
import org.enms.db.registry.TariffDraft;
import org.enms.db.registry.TariffRecord;
import org.enms.http.kpi.IntervalPricing;

/**
 * The API's tariff versions over {@link TariffDao}. A version created with {@code reprice_history}
 * is followed by pricing its factory's intervals from the version's start anew.
 */
public final class DbTariffRegistry implements TariffRegistry {
  private static final Duration INTERVAL = Duration.ofMinutes(15);

  private final TariffDao tariffs;
  private final FactoryDao factories;
  private final IntervalPricing pricing;
  private final BlockingIo io;
  private final Clock clock;

  public DbTariffRegistry(
      TariffDao tariffs,
      FactoryDao factories,
      IntervalPricing pricing,
      BlockingIo io,
      Clock clock) {
    this.tariffs = tariffs;
    this.factories = factories;
    this.pricing = pricing;
    this.io = io;
    this.clock = clock;
  }

  @Override
  public CompletionStage<List<Entry>> list(Optional<UUID> factory, Optional<String> energySource) {
    return io.call(
        () -> tariffs.list(factory, energySource).stream().map(DbTariffRegistry::entry).toList());
  }

  @Override
  public CompletionStage<Optional<Entry>> find(UUID id) {
    return io.call(() -> tariffs.byId(id).map(DbTariffRegistry::entry));
  }

  @Override
  public CompletionStage<Created> create(Input in) {
    return RegistryCalls.call(
        io,
        () -> {
          UUID factory = factoryId(in);
          String currency = in.currency() != null ? in.currency() : billingCurrency(factory);
          TariffRecord created =
              tariffs.create(
                  in.id(),
                  factory,
                  new TariffDraft(
                      in.name(),
                      in.description(),
                      in.energySource(),
                      in.kind(),
                      in.ratePerKwh(),
                      currency,
                      in.startHour(),
                      in.endHour(),
                      in.applicableDays(),
                      in.demandChargePerKw(),
                      in.validFrom()),
                  in.repriceHistory());
          int repriced = 0;
          if (in.repriceHistory()) {
            Instant from = tariffs.localStart(factory, in.validFrom());
            Instant to = clock.instant().plus(INTERVAL);
            if (from.isBefore(to)) {
              repriced = pricing.price(from, to, Optional.of(factory), true);
            }
          }
          return new Created(entry(created), repriced);
        });
  }

  private UUID factoryId(Input in) {
    if (in.factoryId() != null) {
      return in.factoryId();
    }
    return factories
        .byName(in.factory())
        .map(FactoryRecord::id)
        .orElseThrow(() -> RegistryCalls.missing("factory", "unknown factory " + in.factory()));
  }

  /** The currency of the factory's tariffs, USD when it has none. */
  private String billingCurrency(UUID factory) {
    return tariffs.list(Optional.of(factory), Optional.empty()).stream()
        .map(TariffRecord::currency)
        .findFirst()
        .orElse("USD");
  }

  private static Entry entry(TariffRecord t) {
    return new Entry(
        t.id(),
        t.factoryId(),
        t.factoryName(),
        t.energySource(),
        t.name(),
        t.version(),
        t.kind(),
        t.ratePerKwh(),
        t.currency(),
        t.startHour(),
        t.endHour(),
        t.applicableDays(),
        t.demandChargePerKw(),
        t.validFrom(),
        t.supersededOn(),
        t.validTo(),
        t.description(),
        t.isActive(),
        t.createdAt());
  }
}
