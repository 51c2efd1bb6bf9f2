package org.enms.http.baseline;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonInclude.Include;
import java.util.List;
import java.util.UUID;

/**
 * {@code GET /baseline/models}: a machine's models, newest version first; {@code seu_name} and
 * {@code energy_source} echo the query when it gave them.
 */
public record ModelList(
    UUID machineId,
    int totalModels,
    List<ModelSummary> models,
    @JsonInclude(Include.NON_NULL) String seuName,
    @JsonInclude(Include.NON_NULL) String energySource) {}
