package org.enms.analytics.voice;

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.Month;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.temporal.ChronoUnit;
import java.time.temporal.TemporalAdjusters;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The period said in a question, in the plant's zone: "right now", "last hour", "today",
 * "yesterday", "this week", "last week", "last 48 hours", "past 3 days", "this month", "last
 * month", "October 27 3 PM to October 28 10 AM". Thread-safe (immutable).
 */
public final class WindowParser {
  private static final Pattern LAST_N =
      Pattern.compile(" (?:last|past|previous) (\\d+) (minute|hour|day|week|month)s? ");
  private static final Pattern LAST_ONE =
      Pattern.compile(" (?:last|past|previous) (minute|hour|day|week|month|year) ");
  private static final String MONTHS =
      "(january|february|march|april|may|june|july|august|september|october|november|december"
          + "|jan|feb|mar|apr|jun|jul|aug|sep|sept|oct|nov|dec)";
  private static final String POINT =
      MONTHS + " (\\d{1,2})(?:st|nd|rd|th)?(?: (?:at )?(\\d{1,2})(?::(\\d{2}))? ?(am|pm)?)?";
  private static final Pattern RANGE =
      Pattern.compile(" (?:from |between )?" + POINT + " (?:to|until|and|till) " + POINT + " ");

  private final ZoneId zone;

  public WindowParser(ZoneId zone) {
    this.zone = zone;
  }

  /** The window said in {@code words} at {@code now}, if any. */
  public Optional<TimeWindow> parse(java.util.List<String> words, Instant now) {
    String t = Spoken.padded(words);
    ZonedDateTime here = now.atZone(zone);
    ZonedDateTime midnight = here.truncatedTo(ChronoUnit.DAYS);
    Matcher range = RANGE.matcher(t);
    if (range.find()) {
      Instant from = point(range, 1, here).toInstant();
      Instant to = point(range, 6, here).toInstant();
      if (to.isAfter(from)) {
        return Optional.of(
            new TimeWindow(from, to, "from " + spoken(from) + " to " + spoken(to), false));
      }
    }
    if (t.contains(" right now ")
        || t.contains(" currently ")
        || t.contains(" at the moment ")
        || t.contains(" at this moment ")) {
      return Optional.of(new TimeWindow(now.minus(Duration.ofMinutes(5)), now, "right now", true));
    }
    Matcher lastN = LAST_N.matcher(t);
    if (lastN.find()) {
      int n = Integer.parseInt(lastN.group(1));
      String unit = lastN.group(2);
      return Optional.of(
          new TimeWindow(
              back(here, n, unit).toInstant(), now, "in the last " + n + " " + unit + "s", false));
    }
    if (t.contains(" yesterday ")) {
      return Optional.of(
          new TimeWindow(
              midnight.minusDays(1).toInstant(), midnight.toInstant(), "yesterday", false));
    }
    if (t.contains(" this week ")) {
      ZonedDateTime monday = midnight.with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY));
      return Optional.of(new TimeWindow(monday.toInstant(), now, "this week", false));
    }
    if (t.contains(" this month ")) {
      return Optional.of(
          new TimeWindow(midnight.withDayOfMonth(1).toInstant(), now, "this month", false));
    }
    if (t.contains(" last month ") || t.contains(" previous month ")) {
      ZonedDateTime first = midnight.withDayOfMonth(1);
      return Optional.of(
          new TimeWindow(first.minusMonths(1).toInstant(), first.toInstant(), "last month", false));
    }
    Matcher lastOne = LAST_ONE.matcher(t);
    if (lastOne.find()) {
      String unit = lastOne.group(1);
      return Optional.of(
          new TimeWindow(back(here, 1, unit).toInstant(), now, "in the last " + unit, false));
    }
    if (t.contains(" today ") || t.contains(" so far ")) {
      return Optional.of(today(now));
    }
    return Optional.empty();
  }

  /** Today so far: the default when no period is said, as the voice client's default. */
  public TimeWindow today(Instant now) {
    return new TimeWindow(
        now.atZone(zone).truncatedTo(ChronoUnit.DAYS).toInstant(), now, "today", false);
  }

  private static ZonedDateTime back(ZonedDateTime here, int n, String unit) {
    return switch (unit) {
      case "minute" -> here.minusMinutes(n);
      case "hour" -> here.minusHours(n);
      case "day" -> here.minusDays(n);
      case "week" -> here.minusWeeks(n);
      case "month" -> here.minusMonths(n);
      default -> here.minusYears(n);
    };
  }

  /** A "month day [hour[:minute] [am|pm]]" point from the groups starting at {@code g}. */
  private ZonedDateTime point(Matcher m, int g, ZonedDateTime here) {
    Month month = month(m.group(g));
    int day = Integer.parseInt(m.group(g + 1));
    int hour = m.group(g + 2) == null ? 0 : Integer.parseInt(m.group(g + 2));
    int minute = m.group(g + 3) == null ? 0 : Integer.parseInt(m.group(g + 3));
    String half = m.group(g + 4);
    if ("pm".equals(half) && hour < 12) {
      hour += 12;
    } else if ("am".equals(half) && hour == 12) {
      hour = 0;
    }
    int year = here.getYear();
    LocalDate date = LocalDate.of(year, month, Math.min(day, month.length(false)));
    // A date later than today is last year's: questions are about the past.
    if (date.isAfter(here.toLocalDate())) {
      date = date.minusYears(1);
    }
    return LocalDateTime.of(date, LocalTime.of(Math.min(hour, 23), Math.min(minute, 59)))
        .atZone(zone);
  }

  private static Month month(String name) {
    String n = name.toLowerCase(Locale.ROOT);
    for (Month m : Month.values()) {
      if (m.name().toLowerCase(Locale.ROOT).startsWith(n.substring(0, 3))) {
        return m;
      }
    }
    throw new IllegalArgumentException(name);
  }

  private String spoken(Instant at) {
    ZonedDateTime z = at.atZone(zone);
    String month = z.getMonth().getDisplayName(java.time.format.TextStyle.FULL, Locale.ENGLISH);
    int hour = z.getHour() % 12 == 0 ? 12 : z.getHour() % 12;
    String minute = z.getMinute() == 0 ? "" : String.format(Locale.ROOT, ":%02d", z.getMinute());
    return month
        + " "
        + z.getDayOfMonth()
        + " "
        + hour
        + minute
        + (z.getHour() < 12 ? " AM" : " PM");
  }
}
