package org.enms.http.baseline;

import java.util.UUID;

/** An SEU named by a caller, resolved to the machine its baseline is trained on. */
public record SeuTarget(String seuName, String energySource, String energyUnit, UUID machineId) {}
