package org.enms.node.grafana;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * Expands a panel's SQL as Grafana 11 does before PostgreSQL sees it: first the frontend's template
 * variables ({@code $machine}, {@code ${factory}}, {@code $__interval}, {@code $__interval_ms}),
 * then the PostgreSQL data source's macros ({@code $__timeFilter}, {@code $__timeFrom()}, {@code
 * $__timeTo()}, {@code $__timeGroup}, {@code $__timeGroupAlias}, {@code $__time}, {@code
 * $__timeEpoch}, {@code $__unixEpochFilter}, {@code $__unixEpochFrom()}, {@code $__unixEpochTo()}),
 * with the texts of Grafana's {@code macros.go}. An unknown macro fails, as it fails in Grafana.
 */
final class GrafanaMacros {
  /** Grafana's {@code sqleng} macro pattern: a name and arguments without nested parentheses. */
  private static final Pattern MACRO = Pattern.compile("\\$(__\\w+)\\(([^)]*)\\)");

  private static final Pattern VARIABLE = Pattern.compile("\\$\\{(\\w+)}|\\$(\\w+)");
  private static final Pattern RELATIVE = Pattern.compile("now(?:-(\\d+)([smhdwMy]))?");

  /** A template variable's value: one string (quoted only when multi or include-all), or many. */
  record Value(List<String> values, boolean multi) {
    static Value single(String value) {
      return new Value(List.of(value), false);
    }

    String interpolated() {
      // SqlDatasource.interpolateVariable: multi-value and include-all variables are quoted
      // literals joined by commas; a single value is only escaped.
      if (multi) {
        return values.stream()
            .map(v -> "'" + v.replace("'", "''") + "'")
            .collect(Collectors.joining(","));
      }
      return values.get(0).replace("'", "''");
    }
  }

  private final Instant from;
  private final Instant to;
  private final Duration interval;
  private final Map<String, Value> variables;

  GrafanaMacros(Instant from, Instant to, Duration interval, Map<String, Value> variables) {
    this.from = from;
    this.to = to;
    this.interval = interval;
    this.variables = variables;
  }

  String expand(String sql) {
    return macros(variables(sql));
  }

  private String variables(String sql) {
    Matcher m = VARIABLE.matcher(sql);
    StringBuilder out = new StringBuilder();
    while (m.find()) {
      String name = m.group(1) != null ? m.group(1) : m.group(2);
      String replacement;
      if (name.equals("__interval")) {
        replacement = text(interval);
      } else if (name.equals("__interval_ms")) {
        replacement = Long.toString(interval.toMillis());
      } else if (name.startsWith("__")) {
        replacement = m.group(); // a macro, or a built-in the backend expands
      } else {
        Value value = variables.get(name);
        if (value == null) {
          throw new IllegalArgumentException("undefined template variable $" + name);
        }
        replacement = value.interpolated();
      }
      m.appendReplacement(out, Matcher.quoteReplacement(replacement));
    }
    m.appendTail(out);
    return out.toString();
  }

  private String macros(String sql) {
    Matcher m = MACRO.matcher(sql);
    StringBuilder out = new StringBuilder();
    while (m.find()) {
      List<String> args =
          m.group(2).isBlank()
              ? List.of()
              : List.of(m.group(2).split(",")).stream().map(String::trim).toList();
      m.appendReplacement(out, Matcher.quoteReplacement(macro(m.group(1), args)));
    }
    m.appendTail(out);
    if (sql.contains("$__") && out.toString().contains("$__")) {
      throw new IllegalArgumentException("unexpanded macro left in: " + out);
    }
    return out.toString();
  }

  private String macro(String name, List<String> args) {
    return switch (name) {
      case "__time" -> arg(name, args, 0) + " AS \"time\"";
      case "__timeEpoch" -> "extract(epoch from " + arg(name, args, 0) + ") as \"time\"";
      case "__timeFilter" -> arg(name, args, 0) + " BETWEEN '" + from + "' AND '" + to + "'";
      case "__timeFrom" -> "'" + from + "'";
      case "__timeTo" -> "'" + to + "'";
      case "__timeGroup" -> timeGroup(name, args);
      case "__timeGroupAlias" -> timeGroup(name, args) + " AS \"time\"";
      case "__unixEpochFilter" ->
          arg(name, args, 0)
              + " >= "
              + from.getEpochSecond()
              + " AND "
              + arg(name, args, 0)
              + " <= "
              + to.getEpochSecond();
      case "__unixEpochFrom" -> Long.toString(from.getEpochSecond());
      case "__unixEpochTo" -> Long.toString(to.getEpochSecond());
      default -> throw new IllegalArgumentException("undefined macro: $" + name);
    };
  }

  private static String timeGroup(String name, List<String> args) {
    if (args.size() < 2) {
      throw new IllegalArgumentException("macro $" + name + " needs time column and interval");
    }
    double seconds = parse(args.get(1).replace("'", "").replace("\"", "")).toMillis() / 1000.0;
    String s =
        seconds == Math.rint(seconds) ? Long.toString((long) seconds) : Double.toString(seconds);
    return "floor(extract(epoch from " + args.get(0) + ")/" + s + ")*" + s;
  }

  private static String arg(String name, List<String> args, int i) {
    if (args.size() <= i) {
      throw new IllegalArgumentException("missing argument " + (i + 1) + " of $" + name);
    }
    return args.get(i);
  }

  /** A dashboard's {@code time.from}: {@code now} or {@code now-<n><unit>}. */
  static Instant relative(String text, Instant now) {
    Matcher m = RELATIVE.matcher(text);
    if (!m.matches()) {
      throw new IllegalArgumentException("unsupported relative time " + text);
    }
    if (m.group(1) == null) {
      return now;
    }
    return now.minus(parse(m.group(1) + m.group(2)));
  }

  /**
   * {@code $__interval} for a range, as Grafana's {@code calculateInterval}: the range over the
   * data points a panel shows (its width in pixels; 1,000 here), rounded to Grafana's steps ({@code
   * rangeutil.roundInterval}), never below the panel's minimum interval.
   */
  static Duration interval(Instant from, Instant to, String minInterval) {
    long raw = Duration.between(from, to).toMillis() / 1000;
    long rounded = round(raw);
    if (!minInterval.isBlank()) {
      rounded = Math.max(rounded, parse(minInterval).toMillis());
    }
    return Duration.ofMillis(rounded);
  }

  private static final long[][] STEPS = {
    {15, 10},
    {35, 20},
    {75, 50},
    {150, 100},
    {350, 200},
    {750, 500},
    {1_500, 1_000},
    {3_500, 2_000},
    {7_500, 5_000},
    {12_500, 10_000},
    {17_500, 15_000},
    {25_000, 20_000},
    {45_000, 30_000},
    {90_000, 60_000},
    {210_000, 120_000},
    {450_000, 300_000},
    {750_000, 600_000},
    {1_050_000, 900_000},
    {1_500_000, 1_200_000},
    {2_700_000, 1_800_000},
    {5_400_000, 3_600_000},
    {9_000_000, 7_200_000},
    {16_200_000, 10_800_000},
    {32_400_000, 21_600_000},
    {86_400_000, 43_200_000},
    {604_800_000, 86_400_000},
    {1_814_400_000, 604_800_000},
    {3_628_800_000L, 2_592_000_000L}
  };

  private static long round(long ms) {
    for (long[] step : STEPS) {
      if (ms < step[0]) {
        return step[1];
      }
    }
    return 31_536_000_000L;
  }

  /** Grafana's interval text ({@code rangeutil.secondsToHms}): 1y, 7d, 1h, 5m, 30s, 500ms. */
  static String text(Duration d) {
    long ms = d.toMillis();
    if (ms % 1000 != 0) {
      return ms + "ms";
    }
    long s = ms / 1000;
    long[] sizes = {31_536_000, 86_400, 3_600, 60, 1};
    String[] units = {"y", "d", "h", "m", "s"};
    for (int i = 0; i < sizes.length; i++) {
      if (s >= sizes[i]) {
        return (s / sizes[i]) + units[i];
      }
    }
    return "0s";
  }

  /** An interval as Grafana's backend reads it ({@code gtime.ParseInterval}). */
  static Duration parse(String text) {
    Matcher m = Pattern.compile("(\\d+)(ms|s|m|h|d|w|M|y)").matcher(text.trim());
    if (!m.matches()) {
      throw new IllegalArgumentException("unsupported interval " + text);
    }
    long n = Long.parseLong(m.group(1));
    return switch (m.group(2)) {
      case "ms" -> Duration.ofMillis(n);
      case "s" -> Duration.ofSeconds(n);
      case "m" -> Duration.ofMinutes(n);
      case "h" -> Duration.ofHours(n);
      case "d" -> Duration.ofDays(n);
      case "w" -> Duration.ofDays(7 * n);
      case "M" -> Duration.ofDays(30 * n);
      default -> Duration.ofDays(365 * n);
    };
  }
}
