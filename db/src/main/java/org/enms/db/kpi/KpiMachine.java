package org.enms.db.kpi;

import java.util.UUID;

/**
 * What the KPI endpoints show of a machine and need of its factory.
 *
 * @param type lower case
 * @param timezone the factory's IANA zone
 */
public record KpiMachine(
    UUID id, String name, String type, UUID factoryId, String timezone, boolean isActive) {}
