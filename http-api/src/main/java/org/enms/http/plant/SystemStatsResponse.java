package org.enms.http.plant;

import java.time.Instant;
import java.util.Map;

/**
 * {@code GET /stats/system}: the original's fields (the voice client reads {@code total_energy},
 * {@code energy_per_hour}, {@code estimated_cost}, {@code cost_per_day}, {@code carbon_footprint},
 * {@code carbon_per_day}). Energy is electricity; cost and CO₂ are the priced intervals', not a
 * flat rate.
 *
 * @param totalReadings energy readings ever rolled up
 * @param totalEnergy electricity ever, kWh
 * @param dataRate readings in the last complete minute
 * @param uptimeDays days since the first reading
 * @param uptimePercent share of the last day's 15-minute intervals (or of those since the first
 *     reading) that hold readings
 * @param energyPerHour electricity of the last 24 h per hour, kWh
 * @param peakPower the plant's highest 15-minute demand in the last 24 h (machines together), kW
 * @param avgPower the plant's mean power over the last 24 h, kW
 * @param efficiency avg_power over peak_power, % (the plant's load factor)
 * @param estimatedCost the energy charges of every priced interval billed in USD (monthly demand
 *     charges are not included)
 * @param costsByCurrency every priced interval's cost, per billing currency (added)
 * @param carbonFootprint kg CO₂ of every priced interval
 */
public record SystemStatsResponse(
    long totalReadings,
    double totalEnergy,
    long dataRate,
    double uptimeDays,
    double uptimePercent,
    double readingsPerMinute,
    double energyPerHour,
    double peakPower,
    double avgPower,
    double efficiency,
    double estimatedCost,
    double costPerDay,
    Map<String, Double> costsByCurrency,
    double carbonFootprint,
    double carbonPerDay,
    long totalAnomalies,
    long activeMachinesToday,
    Instant timestamp) {}
