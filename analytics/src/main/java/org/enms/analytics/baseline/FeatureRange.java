package org.enms.analytics.baseline;

/**
 * What a driver looked like during training, in the driver's unit: the range that makes a
 * prediction an interpolation, and the mean used when a prediction request omits the driver.
 */
public record FeatureRange(double min, double max, double mean, double std) {
  public boolean contains(double value) {
    return value >= min && value <= max;
  }
}
