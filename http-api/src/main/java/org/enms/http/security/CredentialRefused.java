package org.enms.http.security;

/** A credential was presented and is not good: the answer is 401 with this reason. */
public final class CredentialRefused extends Exception {
  private static final long serialVersionUID = 1L;

  public CredentialRefused(String reason) {
    super(reason, null, false, false);
  }
}
