package org.enms.http.forecast;

import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

/**
 * Tomorrow (UTC) of one machine, in the original's fields, plus the energy's prediction interval.
 *
 * @param predictedCostUsd tomorrow's energy cost, each hour at the tariff that applies then, in the
 *     factory's billing currency (the name is the original's; the Munich factory bills in EUR)
 * @param currency that billing currency (added)
 * @param predictedPeakPowerKw the highest forecast hourly demand of the day
 * @param predictedPeakTime the start of that hour, {@code HH:MM:SS} (the original always said
 *     14:00:00)
 * @param confidence 1 − the weighted absolute percentage error of this forecast of a day's energy
 *     over the last eight weeks (0–1)
 * @param historicalDaysUsed days with readings among those the forecast read
 * @param predictedEnergyLowerKwh lower end of the interval at {@code intervalLevel}
 */
public record MachineTomorrow(
    String forecastType,
    LocalDate forecastDate,
    UUID machineId,
    String machineName,
    String machineType,
    double predictedEnergyKwh,
    double predictedCostUsd,
    double predictedAvgPowerKw,
    double predictedPeakPowerKw,
    String predictedPeakTime,
    double confidence,
    int historicalDaysUsed,
    String method,
    Instant timestamp,
    double predictedEnergyLowerKwh,
    double predictedEnergyUpperKwh,
    double intervalLevel,
    String currency)
    implements TomorrowForecast {}
