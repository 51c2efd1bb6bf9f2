package org.enms.analytics.forecast;

/**
 * One past forecast made the way today's is (same time of day, same horizon) and what then
 * happened: the raw material of prediction intervals and of the confidence figure.
 *
 * @param actual {@code NaN} where unknown, including steps that lie after today's origin
 */
record Run(double[] point, double[] actual) {}
