package org.enms.analytics.forecast;

/**
 * The forecast sum over a range of steps (a day's energy) with its prediction interval.
 *
 * @param level the interval's nominal coverage
 */
public record Total(double point, double lower, double upper, double level) {}
