package org.enms.ingest.parse;

/**
 * Strict UTF-8 validation (RFC 3629), as JSON requires of a payload. Jackson decodes leniently: an
 * overlong {@code C0 80} becomes a NUL inside a string (past the check for escaped NULs, into a
 * text column the database refuses), and {@code F4 90 80 80}, beyond U+10FFFF, becomes two lone
 * surrogates. Checked before parsing, with an ASCII fast path, so such payloads never reach it.
 */
final class Utf8 {
  private Utf8() {}

  /** The offset of the first byte that does not start a valid sequence; -1 when all is valid. */
  static int firstInvalid(byte[] bytes) {
    int n = bytes.length;
    int i = 0;
    while (i < n) {
      int c = bytes[i] & 0xff;
      if (c < 0x80) {
        i++;
        continue;
      }
      int continuations;
      if (c >= 0xc2 && c <= 0xdf) {
        continuations = 1;
      } else if (c >= 0xe0 && c <= 0xef) {
        continuations = 2;
      } else if (c >= 0xf0 && c <= 0xf4) {
        continuations = 3;
      } else {
        return i; // a continuation byte, an overlong C0/C1 lead, or beyond U+10FFFF (F5..FF)
      }
      if (i + continuations >= n) {
        return i;
      }
      int second = bytes[i + 1] & 0xff;
      int low = 0x80;
      int high = 0xbf;
      if (c == 0xe0) {
        low = 0xa0; // overlong three-byte forms
      } else if (c == 0xed) {
        high = 0x9f; // UTF-16 surrogates U+D800..U+DFFF
      } else if (c == 0xf0) {
        low = 0x90; // overlong four-byte forms
      } else if (c == 0xf4) {
        high = 0x8f; // beyond U+10FFFF
      }
      if (second < low || second > high) {
        return i;
      }
      for (int k = 2; k <= continuations; k++) {
        if ((bytes[i + k] & 0xc0) != 0x80) {
          return i;
        }
      }
      i += continuations + 1;
    }
    return -1;
  }
}
