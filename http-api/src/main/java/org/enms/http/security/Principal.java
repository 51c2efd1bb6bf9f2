package org.enms.http.security;

/**
 * A caller whose credential checked out.
 *
 * @param name the API key's name or the token's subject; the rate limit counts per name
 */
public record Principal(String name, Role role, Kind kind) {
  public enum Kind {
    TOKEN,
    API_KEY
  }

  /** The rate limiter's key: a token subject and an API key of the same name stay apart. */
  String clientKey() {
    return (kind == Kind.TOKEN ? "sub:" : "key:") + name;
  }
}
