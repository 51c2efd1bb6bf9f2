package org.enms.http.security;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;

/**
 * The integrations' API keys, held only as SHA-256 hashes ({@code name:role:sha256hex} entries), so
 * the configuration never holds a usable key. A presented key is hashed and compared with every
 * entry in constant time: neither the time taken nor an early exit tells which entry came close.
 */
public final class ApiKeys {
  private record Entry(String name, Role role, byte[] hash) {}

  private final List<Entry> entries;

  private ApiKeys(List<Entry> entries) {
    this.entries = List.copyOf(entries);
  }

  public static ApiKeys none() {
    return new ApiKeys(List.of());
  }

  /** Parses {@code name:role:sha256hex} entries; a malformed entry stops the node at start. */
  public static ApiKeys parse(List<String> specs) {
    List<Entry> entries = new ArrayList<>();
    for (String spec : specs) {
      String[] parts = spec.trim().split(":");
      if (parts.length != 3 || parts[0].isBlank()) {
        throw new IllegalArgumentException(
            "enms.security.api-keys: expected name:role:sha256hex, got an entry with "
                + parts.length
                + " part(s)");
      }
      Role role =
          Role.parse(parts[1])
              .orElseThrow(
                  () ->
                      new IllegalArgumentException(
                          "enms.security.api-keys: unknown role '"
                              + parts[1]
                              + "' for key "
                              + parts[0]));
      byte[] hash;
      try {
        hash = HexFormat.of().parseHex(parts[2].trim().toLowerCase(java.util.Locale.ROOT));
      } catch (IllegalArgumentException e) {
        throw new IllegalArgumentException(
            "enms.security.api-keys: the hash of key " + parts[0] + " is not hexadecimal");
      }
      if (hash.length != 32) {
        throw new IllegalArgumentException(
            "enms.security.api-keys: the hash of key " + parts[0] + " is not 64 hex digits");
      }
      entries.add(new Entry(parts[0].trim(), role, hash));
    }
    return new ApiKeys(entries);
  }

  public boolean isEmpty() {
    return entries.isEmpty();
  }

  public int size() {
    return entries.size();
  }

  /** The key's owner; an unknown key is refused. */
  public Principal check(String presented) throws CredentialRefused {
    byte[] hash = sha256(presented);
    Optional<Entry> match = Optional.empty();
    for (Entry entry : entries) {
      // No early exit: every entry is compared whatever matched before.
      if (MessageDigest.isEqual(hash, entry.hash()) && match.isEmpty()) {
        match = Optional.of(entry);
      }
    }
    Entry entry = match.orElseThrow(() -> new CredentialRefused("Invalid API key"));
    return new Principal(entry.name(), entry.role(), Principal.Kind.API_KEY);
  }

  /** The hex SHA-256 of a key, as configured: what {@code ./enms token --api-key} prints. */
  public static String hashHex(String key) {
    return HexFormat.of().formatHex(sha256(key));
  }

  private static byte[] sha256(String key) {
    try {
      return MessageDigest.getInstance("SHA-256").digest(key.getBytes(StandardCharsets.UTF_8));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every JDK has SHA-256", e);
    }
  }
}
