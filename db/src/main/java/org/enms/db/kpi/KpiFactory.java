package org.enms.db.kpi;

import java.util.UUID;

/** A factory as the KPI endpoints show it. */
public record KpiFactory(UUID id, String name, String location, String timezone) {}
