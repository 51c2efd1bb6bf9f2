package org.enms.db.kpi;

import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.enms.db.registry.TariffRecord;

/**
 * What pricing intervals needs besides the intervals: each factory's time zone, each source's list
 * price and emission factor, and the active tariff versions.
 */
public record PricingContext(
    Map<UUID, String> factoryZones, Map<String, SourcePrice> sources, List<TariffRecord> tariffs) {
  public PricingContext {
    factoryZones = Map.copyOf(factoryZones);
    sources = Map.copyOf(sources);
    tariffs = List.copyOf(tariffs);
  }
}
