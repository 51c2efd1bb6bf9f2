package org.enms.http.support;

/**
 * A request body record that checks its own values after it has been read. Problems go to {@code
 * violations}, all at once, so the client sees every one in a single 422.
 */
public interface Validated {
  void validate(Violations violations);
}
