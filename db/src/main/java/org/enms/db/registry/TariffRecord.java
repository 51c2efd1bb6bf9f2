package org.enms.db.registry;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/**
 * A stored tariff version.
 *
 * @param version 1 for the earliest version of its name in its factory, then 2, 3 …
 * @param supersededOn the next version's {@code validFrom}, or null for the latest
 * @param validTo an explicit end of validity, or null
 */
public record TariffRecord(
    UUID id,
    UUID factoryId,
    String factoryName,
    String energySource,
    String name,
    int version,
    String kind,
    double ratePerKwh,
    String currency,
    Integer startHour,
    Integer endHour,
    List<Integer> applicableDays,
    Double demandChargePerKw,
    LocalDate validFrom,
    LocalDate supersededOn,
    LocalDate validTo,
    String description,
    boolean isActive,
    Instant createdAt) {}
