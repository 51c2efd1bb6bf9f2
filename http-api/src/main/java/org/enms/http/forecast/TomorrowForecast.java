package org.enms.http.forecast;

/** {@code GET /forecast/short-term}: one machine's tomorrow or the whole plant's. */
public sealed interface TomorrowForecast permits MachineTomorrow, PlantTomorrow {}
