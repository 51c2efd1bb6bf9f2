package org.enms.db.kpi;

/**
 * A machine's priced intervals since some time, summed.
 *
 * @param latestRate the price per kWh of the most recent one, or null when none is priced
 */
public record PricedSince(double energyKwh, double energyCost, Double latestRate) {}
