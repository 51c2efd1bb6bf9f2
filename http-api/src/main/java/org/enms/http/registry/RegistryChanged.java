package org.enms.http.registry;

import java.util.concurrent.CompletionStage;

/**
 * Told after every successful registry write, before the response is sent, so that what depends on
 * the registry (the ingest's machine catalogue) sees the change first: a machine created through
 * the API is accepted from its next reading.
 */
@FunctionalInterface
public interface RegistryChanged {
  CompletionStage<Void> registryChanged();
}
