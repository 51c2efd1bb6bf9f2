package org.enms.http.events;

import java.util.concurrent.CompletionStage;

/** Computes the dashboard's {@link SystemStats}; called once per interval per node. */
@FunctionalInterface
public interface StatsSampler {
  CompletionStage<SystemStats> sample();
}
