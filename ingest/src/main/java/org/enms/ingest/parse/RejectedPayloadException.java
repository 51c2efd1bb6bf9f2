package org.enms.ingest.parse;

/**
 * A payload, or one reading inside a gateway batch, that cannot be stored; the message says why.
 */
public final class RejectedPayloadException extends Exception {
  private static final long serialVersionUID = 1L;

  public RejectedPayloadException(String reason) {
    super(reason, null, false, false);
  }

  public String reason() {
    return getMessage();
  }
}
