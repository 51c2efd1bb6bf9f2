package org.enms.db;

/**
 * Text made safe for PostgreSQL's {@code text} type, which refuses a NUL character (SQLSTATE 22021
 * or 22P05) and whose UTF-8 cannot encode an unpaired surrogate of a Java string (the JDBC driver
 * would send {@code ?}). Both become U+FFFD, the replacement character, so a reader sees that
 * something was there. Used for what the ingest takes from outside as text: topics and reasons.
 */
public final class PgText {
  static final char REPLACEMENT = '\uFFFD';
  static final char CUT = '…';

  private PgText() {}

  /**
   * {@code text} without NUL or unpaired surrogates, and at most {@code maxChars} chars long: a
   * longer text is cut (never inside a surrogate pair) and ends with {@code …}. Null stays null.
   */
  public static String safe(String text, int maxChars) {
    if (maxChars < 2) {
      throw new IllegalArgumentException("maxChars must be >= 2");
    }
    if (text == null || (text.length() <= maxChars && isSafe(text))) {
      return text;
    }
    // Each char maps to one char, so the output is exactly as long as the input up to the cut.
    boolean cut = text.length() > maxChars;
    int limit = cut ? maxChars - 1 : text.length();
    StringBuilder out = new StringBuilder(cut ? maxChars : limit);
    for (int i = 0; i < limit; ) {
      char c = text.charAt(i);
      boolean pair =
          Character.isHighSurrogate(c)
              && i + 1 < text.length()
              && Character.isLowSurrogate(text.charAt(i + 1));
      if (pair && i + 2 > limit) {
        break;
      }
      if (pair) {
        out.append(c).append(text.charAt(i + 1));
        i += 2;
      } else {
        out.append(c == '\0' || Character.isSurrogate(c) ? REPLACEMENT : c);
        i++;
      }
    }
    if (cut) {
      out.append(CUT);
    }
    return out.toString();
  }

  private static boolean isSafe(String text) {
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (c == '\0') {
        return false;
      }
      if (Character.isHighSurrogate(c)
          && i + 1 < text.length()
          && Character.isLowSurrogate(text.charAt(i + 1))) {
        i++;
      } else if (Character.isSurrogate(c)) {
        return false;
      }
    }
    return true;
  }
}
