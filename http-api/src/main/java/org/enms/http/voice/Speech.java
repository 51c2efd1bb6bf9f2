package org.enms.http.voice;

import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;

/** Figures as a speech synthesiser should read them. */
final class Speech {
  private static final DateTimeFormatter CLOCK =
      DateTimeFormatter.ofPattern("h:mm a", Locale.ENGLISH);

  private Speech() {}

  static String number(double value) {
    double abs = Math.abs(value);
    String pattern = abs >= 100 ? "%,.0f" : abs >= 10 ? "%,.1f" : "%,.2f";
    return String.format(Locale.ENGLISH, pattern, value);
  }

  static String kwh(double value) {
    return number(value) + " kilowatt-hours";
  }

  static String kw(double value) {
    return number(value) + " kilowatts";
  }

  static String money(double value, String currency) {
    String name =
        switch (currency == null ? "" : currency.toUpperCase(Locale.ROOT)) {
          case "USD", "" -> "US dollars";
          case "EUR" -> "euros";
          case "GBP" -> "pounds";
          default -> currency;
        };
    return String.format(Locale.ENGLISH, "%,.2f %s", value, name);
  }

  static String percent(double value) {
    return number(value) + " percent";
  }

  static String clock(Instant at, ZoneId zone) {
    return CLOCK.format(at.atZone(zone));
  }

  /** "a, b and c". */
  static String list(List<String> items) {
    if (items.isEmpty()) {
      return "";
    }
    if (items.size() == 1) {
      return items.get(0);
    }
    return String.join(", ", items.subList(0, items.size() - 1))
        + " and "
        + items.get(items.size() - 1);
  }

  static String plural(long n, String one, String many) {
    return n + " " + (n == 1 ? one : many);
  }
}
