package org.enms.machine;

import java.util.UUID;
import org.enms.analytics.baseline.BaselineModel;

/**
 * An active baseline as the entity holds it: the model it scores with, and which stored model that
 * is, so that what the entity expects can name the model behind it.
 *
 * @param modelId the {@code energy_baselines} row's id
 * @param modelVersion its version among the machine's models of that energy source
 */
public record ActiveBaseline(UUID modelId, int modelVersion, BaselineModel model) {}
