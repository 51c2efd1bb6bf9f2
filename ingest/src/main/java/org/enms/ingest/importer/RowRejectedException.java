package org.enms.ingest.importer;

/** One row that cannot be imported; the message is the reason shown with its line number. */
final class RowRejectedException extends Exception {
  private static final long serialVersionUID = 1L;

  RowRejectedException(String reason) {
    super(reason, null, false, false);
  }
}
