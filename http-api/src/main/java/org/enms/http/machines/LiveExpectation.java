package org.enms.http.machines;

import java.util.UUID;

/**
 * What a machine's entity expects its electric power to be, and from what.
 *
 * @param kw expected power, kW; null while the entity knows too little
 * @param sigmaKw the spread it judges readings against, kW; null with {@code kw}
 * @param method {@code baseline_residual} (the active baseline) or {@code robust_profile} (its own
 *     history); null with {@code kw}
 * @param explanation for when and from what, in words
 * @param baselineType the type of the active electricity baseline the entity holds (e.g. {@code
 *     time_of_week}); null when it holds none
 * @param modelId that baseline's stored id; null when it holds none
 * @param modelVersion that baseline's version; null when it holds none
 */
public record LiveExpectation(
    Double kw,
    Double sigmaKw,
    String method,
    String explanation,
    String baselineType,
    UUID modelId,
    Integer modelVersion) {}
