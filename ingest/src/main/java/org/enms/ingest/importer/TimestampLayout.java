package org.enms.ingest.importer;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.format.ResolverStyle;
import java.time.temporal.ChronoField;
import java.time.temporal.TemporalAccessor;
import java.util.List;
import java.util.Locale;

/**
 * How the timestamps of one file are written, and the parser for them. Detected layouts read the
 * digit groups of a stamp by hand (year, month, day in the detected order, then hour, minute,
 * second, fraction, an optional {@code AM}/{@code PM}, and an optional {@code Z} or {@code ±hh:mm}
 * offset), which is several times faster than a {@link DateTimeFormatter} and accepts every common
 * separator. {@code 24:00} is midnight at the end of the day it is dated with.
 */
public final class TimestampLayout {

  /** The order of the date fields, or a non-calendar form. */
  public enum Kind {
    YEAR_FIRST,
    DAY_FIRST,
    MONTH_FIRST,
    EPOCH_SECONDS,
    EPOCH_MILLIS,
    PATTERN
  }

  /**
   * A parsed stamp: an instant when the text carried an offset, else a local date-time.
   *
   * @param wall the date and time as written, without an offset; null for epoch numbers
   */
  public record Stamp(Instant instant, LocalDateTime local, LocalDateTime wall) {
    public Stamp(Instant instant, LocalDateTime local) {
      this(instant, local, local);
    }

    /** The same stamp a day later: a midnight dated with the day it closes. */
    Stamp nextDay() {
      return instant != null
          ? new Stamp(instant.plus(java.time.Duration.ofDays(1)), null, wall.plusDays(1))
          : new Stamp(null, local.plusDays(1), wall.plusDays(1));
    }
  }

  private final Kind kind;
  private final DateTimeFormatter formatter;
  private final String pattern;

  private TimestampLayout(Kind kind, DateTimeFormatter formatter, String pattern) {
    this.kind = kind;
    this.formatter = formatter;
    this.pattern = pattern;
  }

  public static TimestampLayout of(Kind kind) {
    if (kind == Kind.PATTERN) {
      throw new IllegalArgumentException("a pattern layout needs its pattern");
    }
    return new TimestampLayout(kind, null, null);
  }

  public static TimestampLayout pattern(String pattern) {
    return new TimestampLayout(
        Kind.PATTERN,
        DateTimeFormatter.ofPattern(pattern, Locale.ROOT).withResolverStyle(ResolverStyle.SMART),
        pattern);
  }

  public Kind kind() {
    return kind;
  }

  /**
   * Detects the layout from sample stamps. Day-first and month-first are told apart by a first or
   * second field above 12 anywhere in the samples (the caller passes as many as it needs); without
   * one, the declared order decides, and without a declaration the file is ambiguous.
   *
   * @throws InvalidImportSpecException when the stamps have no known layout, contradict each other,
   *     or are ambiguous and no order was declared
   */
  public static TimestampLayout detect(List<String> samples, DateOrder declared) {
    String first = samples.stream().filter(s -> !s.isBlank()).findFirst().orElse(null);
    if (first == null) {
      throw InvalidImportSpecException.of("timestamp_column", "the file has no timestamps");
    }
    String f = first.trim();
    if (f.chars().allMatch(Character::isDigit) && (f.length() == 10 || f.length() == 13)) {
      return of(f.length() == 10 ? Kind.EPOCH_SECONDS : Kind.EPOCH_MILLIS);
    }
    int[] groups = leadingGroups(f);
    if (groups == null) {
      throw InvalidImportSpecException.of(
          "format", "cannot recognise the timestamp layout of '" + f + "'; give --format");
    }
    if (groups[0] >= 1000 || digitsOfFirstGroup(f) == 4) {
      return of(Kind.YEAR_FIRST);
    }
    boolean dayFirstSeen = false;
    boolean monthFirstSeen = false;
    for (String s : samples) {
      int[] g = leadingGroups(s.trim());
      if (g == null) {
        continue;
      }
      dayFirstSeen |= g[0] > 12;
      monthFirstSeen |= g[1] > 12;
    }
    if (dayFirstSeen && monthFirstSeen) {
      throw InvalidImportSpecException.of(
          "format", "timestamps mix day-first and month-first dates; give --format");
    }
    Kind seen = dayFirstSeen ? Kind.DAY_FIRST : monthFirstSeen ? Kind.MONTH_FIRST : null;
    Kind wanted =
        switch (declared) {
          case DAY_FIRST -> Kind.DAY_FIRST;
          case MONTH_FIRST -> Kind.MONTH_FIRST;
          case AUTO -> null;
        };
    if (wanted != null && seen != null && wanted != seen) {
      throw InvalidImportSpecException.of(
          declared == DateOrder.DAY_FIRST ? "day_first" : "month_first",
          "the file's dates are "
              + (seen == Kind.DAY_FIRST ? "day-first" : "month-first")
              + " (a field above 12 shows it), which contradicts the declared order");
    }
    if (wanted != null) {
      return of(wanted);
    }
    if (seen == null) {
      throw InvalidImportSpecException.of(
          "day_first",
          "dates such as '"
              + f
              + "' are ambiguous (no day above 12 in the file):"
              + " declare --day-first or --month-first (day_first/month_first)");
    }
    return of(seen);
  }

  /** Whether a stamp's layout leaves the day/month order open (no leading year, not epoch). */
  static boolean needsDateOrder(String stamp) {
    String f = stamp.trim();
    if (f.chars().allMatch(Character::isDigit)) {
      return false;
    }
    int[] g = leadingGroups(f);
    return g != null && g[0] < 1000 && digitsOfFirstGroup(f) != 4;
  }

  /** Whether a stamp shows its day/month order: a first or second field above 12. */
  static boolean decidesDateOrder(String stamp) {
    int[] g = leadingGroups(stamp.trim());
    return g != null && (g[0] > 12 || g[1] > 12);
  }

  /**
   * Parses one stamp.
   *
   * @throws RowRejectedException with a reason naming the text when it does not fit the layout
   */
  public Stamp parse(String text) throws RowRejectedException {
    return switch (kind) {
      case EPOCH_SECONDS, EPOCH_MILLIS -> epoch(text);
      case PATTERN -> withPattern(text);
      default -> fields(text);
    };
  }

  private Stamp epoch(String text) throws RowRejectedException {
    try {
      long v = Long.parseLong(text.trim());
      return new Stamp(
          kind == Kind.EPOCH_SECONDS ? Instant.ofEpochSecond(v) : Instant.ofEpochMilli(v), null);
    } catch (NumberFormatException e) {
      throw bad(text, "an epoch number");
    }
  }

  private Stamp withPattern(String text) throws RowRejectedException {
    TemporalAccessor t;
    try {
      t = formatter.parse(text.trim());
    } catch (DateTimeParseException e) {
      throw bad(text, "the format");
    }
    try {
      LocalDate date = LocalDate.from(t);
      LocalTime time =
          t.isSupported(ChronoField.HOUR_OF_DAY) ? LocalTime.from(t) : LocalTime.MIDNIGHT;
      LocalDateTime local =
          date.atTime(time).plusDays(t.query(DateTimeFormatter.parsedExcessDays()).getDays());
      if (t.isSupported(ChronoField.OFFSET_SECONDS)) {
        return new Stamp(
            local.toInstant(java.time.ZoneOffset.ofTotalSeconds(t.get(ChronoField.OFFSET_SECONDS))),
            null,
            local);
      }
      return new Stamp(null, local);
    } catch (RuntimeException e) {
      throw bad(text, "the format");
    }
  }

  private Stamp fields(String raw) throws RowRejectedException {
    String s = raw.trim();
    int n = s.length();
    long[] g = new long[7];
    int groups = 0;
    int fractionDigits = 0;
    int offsetSeconds = 0;
    boolean hasOffset = false;
    int ampm = 0; // 1 am, 2 pm
    int i = 0;
    while (i < n) {
      char c = s.charAt(i);
      if (c >= '0' && c <= '9') {
        if (groups == 7) {
          throw bad(raw, "a date and time");
        }
        long v = 0;
        int start = i;
        while (i < n && s.charAt(i) >= '0' && s.charAt(i) <= '9') {
          if (i - start < 18) {
            v = v * 10 + (s.charAt(i) - '0');
          }
          i++;
        }
        if (groups == 6) {
          fractionDigits = Math.min(9, i - start);
          v = Long.parseLong(s.substring(start, start + fractionDigits));
        }
        g[groups++] = v;
        continue;
      }
      if ((c == '+' || c == '-') && groups >= 5) {
        offsetSeconds = offset(s, i, raw);
        hasOffset = true;
        break;
      }
      if ((c == 'Z' || c == 'z') && groups >= 5 && i == n - 1) {
        hasOffset = true;
        break;
      }
      if ((c == 'A' || c == 'a' || c == 'P' || c == 'p')
          && i + 1 < n
          && (s.charAt(i + 1) == 'M' || s.charAt(i + 1) == 'm')) {
        ampm = (c == 'A' || c == 'a') ? 1 : 2;
        i += 2;
        continue;
      }
      if (s.regionMatches(true, i, "UTC", 0, 3) || s.regionMatches(true, i, "GMT", 0, 3)) {
        hasOffset = true;
        i += 3;
        if (i < n && (s.charAt(i) == '+' || s.charAt(i) == '-')) {
          offsetSeconds = offset(s, i, raw);
        }
        break;
      }
      if (c == '-' || c == '/' || c == '.' || c == ':' || c == ' ' || c == 'T' || c == ','
          || c == '\t') {
        i++;
        continue;
      }
      throw bad(raw, "a date and time");
    }
    if (groups != 3 && groups < 5) {
      throw bad(raw, "a date and time");
    }
    long year;
    long month;
    long day;
    switch (kind) {
      case YEAR_FIRST -> {
        year = g[0];
        month = g[1];
        day = g[2];
      }
      case DAY_FIRST -> {
        day = g[0];
        month = g[1];
        year = g[2];
      }
      default -> {
        month = g[0];
        day = g[1];
        year = g[2];
      }
    }
    if (year < 100 && kind != Kind.YEAR_FIRST) {
      year += 2000;
    }
    long hour = groups >= 5 ? g[3] : 0;
    long minute = groups >= 5 ? g[4] : 0;
    long second = groups >= 6 ? g[5] : 0;
    long nanos = groups >= 7 ? g[6] * POW10[9 - fractionDigits] : 0;
    if (ampm != 0) {
      if (hour < 1 || hour > 12) {
        throw bad(raw, "a 12-hour time");
      }
      hour = hour % 12 + (ampm == 2 ? 12 : 0);
    }
    if (month < 1
        || month > 12
        || day < 1
        || day > 31
        || minute > 59
        || second > 59
        || hour > 24
        || (hour == 24 && (minute != 0 || second != 0 || nanos != 0))) {
      throw bad(raw, "a valid " + order() + " date and time");
    }
    LocalDate date;
    try {
      date = LocalDate.of((int) year, (int) month, (int) day);
    } catch (java.time.DateTimeException e) {
      throw bad(raw, "a valid " + order() + " date");
    }
    // 24:00 closes the day it is dated with: exports stamp the last interval so.
    LocalDateTime local =
        hour == 24
            ? date.plusDays(1).atStartOfDay()
            : LocalDateTime.of(
                date, LocalTime.of((int) hour, (int) minute, (int) second, (int) nanos));
    if (hasOffset) {
      return new Stamp(
          local.toInstant(java.time.ZoneOffset.ofTotalSeconds(offsetSeconds)), null, local);
    }
    return new Stamp(null, local);
  }

  private static final long[] POW10 = {
    1L, 10L, 100L, 1_000L, 10_000L, 100_000L, 1_000_000L, 10_000_000L, 100_000_000L, 1_000_000_000L
  };

  private String order() {
    return switch (kind) {
      case DAY_FIRST -> "day-first";
      case MONTH_FIRST -> "month-first";
      default -> "year-first";
    };
  }

  /** {@code +hh}, {@code +hhmm} or {@code +hh:mm} starting at {@code i}. */
  private static int offset(String s, int i, String raw) throws RowRejectedException {
    int sign = s.charAt(i) == '-' ? -1 : 1;
    String rest = s.substring(i + 1).replace(":", "").trim();
    if (!rest.chars().allMatch(Character::isDigit) || (rest.length() != 2 && rest.length() != 4)) {
      throw bad(raw, "a timestamp with a valid offset");
    }
    int hours = Integer.parseInt(rest.substring(0, 2));
    int minutes = rest.length() == 4 ? Integer.parseInt(rest.substring(2)) : 0;
    if (hours > 18 || minutes > 59) {
      throw bad(raw, "a timestamp with a valid offset");
    }
    return sign * (hours * 3600 + minutes * 60);
  }

  /** The first three digit groups, or null when there are fewer. */
  private static int[] leadingGroups(String s) {
    int[] g = new int[3];
    int found = 0;
    int i = 0;
    while (i < s.length() && found < 3) {
      char c = s.charAt(i);
      if (c >= '0' && c <= '9') {
        int v = 0;
        int start = i;
        while (i < s.length() && Character.isDigit(s.charAt(i)) && i - start < 9) {
          v = v * 10 + (s.charAt(i) - '0');
          i++;
        }
        g[found++] = v;
      } else {
        i++;
      }
    }
    return found == 3 ? g : null;
  }

  private static int digitsOfFirstGroup(String s) {
    int i = 0;
    while (i < s.length() && !Character.isDigit(s.charAt(i))) {
      i++;
    }
    int start = i;
    while (i < s.length() && Character.isDigit(s.charAt(i))) {
      i++;
    }
    return i - start;
  }

  private static RowRejectedException bad(String text, String what) {
    String shown = text.length() <= 64 ? text : text.substring(0, 64) + "…";
    return new RowRejectedException("timestamp '" + shown + "' is not " + what);
  }

  @Override
  public String toString() {
    return switch (kind) {
      case YEAR_FIRST -> "year-month-day";
      case DAY_FIRST -> "day-month-year";
      case MONTH_FIRST -> "month-day-year";
      case EPOCH_SECONDS -> "epoch seconds";
      case EPOCH_MILLIS -> "epoch milliseconds";
      case PATTERN -> "pattern " + pattern;
    };
  }
}
