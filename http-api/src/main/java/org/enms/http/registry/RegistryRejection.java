package org.enms.http.registry;

/**
 * A registry write refused for a reason the client can fix. Registry ports fail their stage with
 * it; the routes answer {@link Kind#CONFLICT} with 409 and the others with a 422 naming {@code
 * field}.
 */
public final class RegistryRejection extends RuntimeException {
  private static final long serialVersionUID = 1L;

  /** Why the write was refused. */
  public enum Kind {
    /** A name (or id) already taken, or a state that forbids the change. */
    CONFLICT,
    /** A reference to a factory, energy source, tariff or machine that does not exist. */
    MISSING_REFERENCE,
    /** A value the registry does not accept. */
    INVALID
  }

  private final Kind kind;
  private final String field;

  public RegistryRejection(Kind kind, String field, String message) {
    super(message, null, false, false);
    this.kind = kind;
    this.field = field;
  }

  public Kind kind() {
    return kind;
  }

  /** The request body field at fault, snake_case. */
  public String field() {
    return field;
  }
}
