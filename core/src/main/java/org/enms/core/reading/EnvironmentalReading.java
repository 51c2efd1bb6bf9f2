package org.enms.core.reading;

import java.time.Instant;
import java.util.UUID;

/** Ambient and process conditions: °C, %, bar, m³/h, mm/s. Every field is optional. */
public record EnvironmentalReading(
    UUID machineId,
    Instant time,
    Double outdoorTempC,
    Double indoorTempC,
    Double machineTempC,
    Double outdoorHumidityPercent,
    Double indoorHumidityPercent,
    Double pressureBar,
    Double flowRateM3h,
    Double supplyAirTempC,
    Double returnAirTempC,
    Double chilledWaterSupplyTempC,
    Double chilledWaterReturnTempC,
    Double cop,
    Double vibrationMmS,
    String metadataJson)
    implements Reading {}
