package org.enms.http.anomaly;

/**
 * {@code PUT|POST /anomaly/{id}/resolve}; the body may be absent.
 *
 * @param resolutionNotes what was done, for the record
 */
public record ResolutionRequest(String resolutionNotes) {
  static final ResolutionRequest NONE = new ResolutionRequest(null);
}
