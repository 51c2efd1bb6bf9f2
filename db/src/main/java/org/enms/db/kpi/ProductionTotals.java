package org.enms.db.kpi;

/** Units produced over a period, from the 15-minute production roll-up. */
public record ProductionTotals(long units, long good, long bad) {}
