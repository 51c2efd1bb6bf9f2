package org.enms.http.security;

import java.util.Locale;
import java.util.Optional;

/** What a caller may do, each role including the ones before it. */
public enum Role {
  VIEWER,
  OPERATOR,
  ADMIN;

  public boolean includes(Role other) {
    return compareTo(other) >= 0;
  }

  public String wireName() {
    return name().toLowerCase(Locale.ROOT);
  }

  public static Optional<Role> parse(String name) {
    if (name == null) {
      return Optional.empty();
    }
    for (Role role : values()) {
      if (role.wireName().equals(name.trim().toLowerCase(Locale.ROOT))) {
        return Optional.of(role);
      }
    }
    return Optional.empty();
  }
}
