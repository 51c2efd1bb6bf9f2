package org.enms.db.registry;

import java.util.List;
import java.util.UUID;

/**
 * What a caller sets on a significant energy use (ISO 50001 SEU); {@code name} is its natural key.
 *
 * @param machineIds the machines whose consumption of the energy source makes up the SEU; not empty
 * @param baselineYear the year its baseline is trained on (2020..2100), or null
 */
public record SeuDraft(
    String name,
    String description,
    UUID energySourceId,
    List<UUID> machineIds,
    Integer baselineYear) {}
