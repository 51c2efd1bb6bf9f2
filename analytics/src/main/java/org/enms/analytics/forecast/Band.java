package org.enms.analytics.forecast;

/**
 * A prediction interval per step.
 *
 * @param level the nominal coverage, e.g. 0.95
 */
public record Band(double level, double[] lower, double[] upper) {}
