package org.enms.http.machines;

import java.time.Instant;
import java.util.UUID;
import org.enms.http.support.JsonSupport;

/**
 * {@code GET /machines/{id}/expected}: the expectation the machine's live entity scores readings
 * against, read-only. Rounded to 3 decimals.
 *
 * @param expectedPowerKw null while the entity knows too little
 * @param expectedEnergyKwh the energy of an hour at that power, kWh; null with the power
 * @param method {@code baseline_residual} or {@code robust_profile}; null with the power
 * @param baselineModelType the active baseline's type the entity holds; null when none
 * @param modelId the stored id of that baseline; null when none. The expectation came from it when
 *     {@code method} is {@code baseline_residual}; with {@code robust_profile} it is held but was
 *     not used (it lacks a driver now)
 * @param modelVersion that baseline's version; null when none
 */
public record ExpectedResponse(
    UUID machineId,
    String machineName,
    Instant at,
    Double expectedPowerKw,
    Double sigmaKw,
    Double expectedEnergyKwh,
    String method,
    String baselineModelType,
    String explanation,
    UUID modelId,
    Integer modelVersion) {

  static ExpectedResponse of(MachineSummary machine, Instant at, LiveExpectation e) {
    Double kw = e.kw() == null ? null : JsonSupport.round(e.kw(), 3);
    return new ExpectedResponse(
        machine.id(),
        machine.name(),
        at,
        kw,
        e.sigmaKw() == null ? null : JsonSupport.round(e.sigmaKw(), 3),
        kw,
        e.method(),
        e.baselineType(),
        e.explanation(),
        e.modelId(),
        e.modelVersion());
  }
}
