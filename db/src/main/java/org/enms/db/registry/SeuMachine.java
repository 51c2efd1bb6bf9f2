package org.enms.db.registry;

import java.util.UUID;

/**
 * A machine of an SEU, as {@code GET /seus/{id}} lists it.
 *
 * @param ratedPowerKw nameplate electrical power, kW
 */
public record SeuMachine(UUID id, String name, String type, double ratedPowerKw) {}
