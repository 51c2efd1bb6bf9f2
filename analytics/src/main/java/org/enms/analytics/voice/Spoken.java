package org.enms.analytics.voice;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Text as speech recognisers write it, reduced to lower-case words: punctuation and hyphens become
 * spaces, number words become digits ("compressor one" → "compressor 1", "forty eight" → "48").
 */
final class Spoken {
  private static final Map<String, Integer> UNITS =
      Map.ofEntries(
          Map.entry("zero", 0),
          Map.entry("one", 1),
          Map.entry("two", 2),
          Map.entry("three", 3),
          Map.entry("four", 4),
          Map.entry("five", 5),
          Map.entry("six", 6),
          Map.entry("seven", 7),
          Map.entry("eight", 8),
          Map.entry("nine", 9),
          Map.entry("ten", 10),
          Map.entry("eleven", 11),
          Map.entry("twelve", 12),
          Map.entry("thirteen", 13),
          Map.entry("fourteen", 14),
          Map.entry("fifteen", 15),
          Map.entry("sixteen", 16),
          Map.entry("seventeen", 17),
          Map.entry("eighteen", 18),
          Map.entry("nineteen", 19));
  private static final Map<String, Integer> TENS =
      Map.of(
          "twenty", 20, "thirty", 30, "forty", 40, "fifty", 50, "sixty", 60, "seventy", 70,
          "eighty", 80, "ninety", 90);

  private Spoken() {}

  /** The words of {@code text}, normalised. */
  static List<String> words(String text) {
    String cleaned =
        text.toLowerCase(Locale.ROOT)
            .replace("°c", " degrees ")
            .replaceAll("(\\d)(am|pm)\\b", "$1 $2")
            .replaceAll("[^a-z0-9.:]+", " ")
            .replaceAll("(?<![0-9])\\.|\\.(?![0-9])", " ")
            .trim();
    List<String> out = new ArrayList<>();
    String[] raw = cleaned.isEmpty() ? new String[0] : cleaned.split("\\s+");
    for (int i = 0; i < raw.length; i++) {
      String w = raw[i];
      if (TENS.containsKey(w)) {
        int value = TENS.get(w);
        if (i + 1 < raw.length && UNITS.containsKey(raw[i + 1]) && UNITS.get(raw[i + 1]) < 10) {
          value += UNITS.get(raw[++i]);
        }
        out.add(Integer.toString(value));
      } else if (UNITS.containsKey(w) && !(w.equals("one") && followedByNoun(raw, i))) {
        out.add(Integer.toString(UNITS.get(w)));
      } else {
        out.add(w);
      }
    }
    return out;
  }

  /** "one" in "which one", "the one" stays a word; after a noun it is a number. */
  private static boolean followedByNoun(String[] raw, int i) {
    return i > 0 && (raw[i - 1].equals("which") || raw[i - 1].equals("the"));
  }

  /** The words joined by single spaces, with a space at each end, for phrase search. */
  static String padded(List<String> words) {
    return " " + String.join(" ", words) + " ";
  }
}
