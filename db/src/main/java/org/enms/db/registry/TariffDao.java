package org.enms.db.registry;

import java.util.Optional;
import java.util.UUID;
import org.jdbi.v3.core.Handle;

/**
 * Plant-file writes to {@code energy_tariffs}; tariffs are declared per factory and referenced by
 * machines. (Reading and applying them to costs is the KPI work's.)
 */
final class TariffDao {
  private TariffDao() {}

  static Optional<UUID> idByName(Handle h, UUID factoryId, String name) {
    return h.createQuery(
            "SELECT id FROM energy_tariffs WHERE factory_id = :factory AND name = :name")
        .bind("factory", factoryId)
        .bind("name", name)
        .mapTo(UUID.class)
        .findOne();
  }

  static void insert(Handle h, UUID id, UUID factoryId, TariffDraft d) {
    h.createUpdate(
            """
            INSERT INTO energy_tariffs (id, factory_id, name, description, rate_per_kwh, currency,
                                        is_time_of_use, start_hour, end_hour, applicable_days,
                                        valid_from)
            VALUES (:id, :factory, :name, :description, :ratePerKwh, :currency, :timeOfUse,
                    :startHour, :endHour, CAST(:days AS integer[]), :validFrom)
            """)
        .bind("id", id)
        .bind("factory", factoryId)
        .bindMethods(d)
        .bind("days", days(d))
        .execute();
  }

  static void update(Handle h, UUID id, TariffDraft d) {
    h.createUpdate(
            """
            UPDATE energy_tariffs
            SET description = :description, rate_per_kwh = :ratePerKwh, currency = :currency,
                is_time_of_use = :timeOfUse, start_hour = :startHour, end_hour = :endHour,
                applicable_days = CAST(:days AS integer[]), valid_from = :validFrom
            WHERE id = :id
            """)
        .bind("id", id)
        .bindMethods(d)
        .bind("days", days(d))
        .execute();
  }

  private static Integer[] days(TariffDraft d) {
    return d.applicableDays() == null ? null : d.applicableDays().toArray(new Integer[0]);
  }
}
