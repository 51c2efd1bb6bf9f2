package org.enms.analytics.forecast;

/**
 * How a method did in a rolling-origin backtest.
 *
 * @param targets values forecast and then known
 * @param mape mean absolute percentage error, %, over targets whose actual value is above zero
 * @param mase mean absolute scaled error: each error divided by the in-sample mean absolute error
 *     of the weekly seasonal-naive forecast on the history before its origin (Hyndman &amp; Koehler
 *     2006); below 1 beats that naive forecast
 * @param coverage80 share of actual values inside the 80 % interval
 * @param coverage95 share inside the 95 % interval
 * @param width80 mean width of the 80 % interval relative to the mean actual value
 * @param width95 likewise for 95 %
 */
public record Accuracy(
    String method,
    int targets,
    double mape,
    double mase,
    double coverage80,
    double coverage95,
    double width80,
    double width95) {}
