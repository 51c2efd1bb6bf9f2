package org.enms.ingest.importer;

import java.time.DateTimeException;
import java.time.Duration;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads an {@link ImportSpec} from text fields, the one vocabulary of the API's form fields and the
 * CLI's options: {@code machine}, {@code value_kind}, {@code timestamp_column}, {@code
 * time_column}, {@code value_column}, {@code format}, {@code day_first}, {@code month_first},
 * {@code timezone}, {@code stamp}, {@code interval}, {@code delimiter}, {@code decimal_comma},
 * {@code header}, {@code production_column}, {@code drivers}. Collects every problem before
 * failing, so a user fixes a request once.
 */
public final class ImportSpecParser {
  /** Every field this parser reads; others are reported as unknown. */
  public static final Set<String> FIELDS =
      Set.of(
          "machine",
          "value_kind",
          "timestamp_column",
          "time_column",
          "value_column",
          "format",
          "day_first",
          "month_first",
          "timezone",
          "stamp",
          "interval",
          "delimiter",
          "decimal_comma",
          "header",
          "production_column",
          "drivers");

  private static final Pattern DURATION =
      Pattern.compile(
          "(\\d+)\\s*(s|sec|secs|second|seconds|m|min|mins|minute|minutes|h|hour|hours)?");

  private ImportSpecParser() {}

  public static ImportSpec parse(Map<String, String> fields) {
    List<InvalidImportSpecException.Problem> problems = new ArrayList<>();
    for (String key : fields.keySet()) {
      if (!FIELDS.contains(key)) {
        problems.add(problem(key, "unknown import option"));
      }
    }
    String machine = text(fields, "machine").orElse(null);
    if (machine == null) {
      problems.add(problem("machine", "field required: the machine's name or id"));
    }
    ValueKind kind = null;
    Optional<String> kindText = text(fields, "value_kind");
    if (kindText.isEmpty()) {
      problems.add(problem("value_kind", "field required: " + kinds()));
    } else {
      kind = ValueKind.parse(kindText.get()).orElse(null);
      if (kind == null) {
        problems.add(problem("value_kind", "must be one of " + kinds()));
      }
    }
    ImportSpec.Builder b = ImportSpec.builder(machine, kind == null ? ValueKind.POWER_KW : kind);
    column(fields, "timestamp_column", problems).ifPresent(b::timestampColumn);
    column(fields, "time_column", problems).ifPresent(b::timeColumn);
    column(fields, "value_column", problems).ifPresent(b::valueColumn);
    column(fields, "production_column", problems).ifPresent(b::productionColumn);
    text(fields, "format")
        .ifPresent(
            f -> {
              try {
                DateTimeFormatter.ofPattern(f);
                b.format(f);
              } catch (IllegalArgumentException e) {
                problems.add(problem("format", "not a date-time pattern: " + e.getMessage()));
              }
            });
    boolean dayFirst = bool(fields, "day_first", problems).orElse(false);
    boolean monthFirst = bool(fields, "month_first", problems).orElse(false);
    if (dayFirst && monthFirst) {
      problems.add(problem("day_first", "day_first and month_first exclude each other"));
    } else if (dayFirst) {
      b.dateOrder(DateOrder.DAY_FIRST);
    } else if (monthFirst) {
      b.dateOrder(DateOrder.MONTH_FIRST);
    }
    text(fields, "timezone")
        .ifPresent(
            z -> {
              try {
                b.zone(ZoneId.of(z));
              } catch (DateTimeException e) {
                problems.add(problem("timezone", "unknown time zone " + z + " (use an IANA id)"));
              }
            });
    text(fields, "stamp")
        .ifPresent(
            s -> {
              switch (s.toLowerCase(Locale.ROOT)) {
                case "beginning", "begin", "start", "interval-beginning" ->
                    b.stamp(StampConvention.BEGINNING);
                case "ending", "end", "interval-ending" -> b.stamp(StampConvention.ENDING);
                default -> problems.add(problem("stamp", "must be beginning or ending"));
              }
            });
    text(fields, "interval")
        .ifPresent(
            i -> {
              Optional<Duration> d = duration(i);
              if (d.isEmpty() || d.get().isZero()) {
                problems.add(problem("interval", "not a positive duration (e.g. 15m, 1h, 30s)"));
              } else {
                b.interval(d.get());
              }
            });
    text(fields, "delimiter")
        .ifPresent(
            d -> {
              switch (d) {
                case "tab", "\\t", "\t" -> b.delimiter('\t');
                case ";", ",", "|" -> b.delimiter(d.charAt(0));
                default -> problems.add(problem("delimiter", "must be ; , | or tab"));
              }
            });
    bool(fields, "decimal_comma", problems).ifPresent(b::decimalComma);
    bool(fields, "header", problems).ifPresent(b::header);
    text(fields, "drivers")
        .ifPresent(
            list -> {
              for (String pair : list.split(",")) {
                int eq = pair.indexOf('=');
                if (eq <= 0 || eq == pair.length() - 1) {
                  problems.add(problem("drivers", "expected field=column pairs, got " + pair));
                  continue;
                }
                String field = pair.substring(0, eq).trim();
                if (!field.matches("[a-z][a-z0-9_]*")) {
                  problems.add(problem("drivers", "driver names are snake_case: " + field));
                  continue;
                }
                b.driver(field, Column.parse(pair.substring(eq + 1)));
              }
            });
    if (!problems.isEmpty()) {
      throw new InvalidImportSpecException(problems);
    }
    return b.build();
  }

  /**
   * {@code 15m}, {@code 15min}, {@code 1h}, {@code 900s}, {@code 900} (seconds) or ISO {@code
   * PT15M}.
   */
  public static Optional<Duration> duration(String text) {
    String t = text.trim().toLowerCase(Locale.ROOT);
    if (t.startsWith("pt")) {
      try {
        return Optional.of(Duration.parse(t.toUpperCase(Locale.ROOT)));
      } catch (DateTimeException e) {
        return Optional.empty();
      }
    }
    Matcher m = DURATION.matcher(t);
    if (!m.matches()) {
      return Optional.empty();
    }
    long n = Long.parseLong(m.group(1));
    String unit = m.group(2) == null ? "s" : m.group(2);
    return Optional.of(
        switch (unit.charAt(0)) {
          case 'h' -> Duration.ofHours(n);
          case 'm' -> Duration.ofMinutes(n);
          default -> Duration.ofSeconds(n);
        });
  }

  private static Optional<String> text(Map<String, String> fields, String key) {
    String v = fields.get(key);
    return v == null || v.isBlank() ? Optional.empty() : Optional.of(v.trim());
  }

  private static Optional<Column> column(
      Map<String, String> fields, String key, List<InvalidImportSpecException.Problem> problems) {
    try {
      return text(fields, key).map(Column::parse);
    } catch (IllegalArgumentException e) {
      problems.add(problem(key, e.getMessage()));
      return Optional.empty();
    }
  }

  private static Optional<Boolean> bool(
      Map<String, String> fields, String key, List<InvalidImportSpecException.Problem> problems) {
    return text(fields, key)
        .flatMap(
            v ->
                switch (v.toLowerCase(Locale.ROOT)) {
                  case "true", "1", "yes", "on" -> Optional.of(true);
                  case "false", "0", "no", "off" -> Optional.of(false);
                  default -> {
                    problems.add(problem(key, "value could not be parsed to a boolean"));
                    yield Optional.empty();
                  }
                });
  }

  private static String kinds() {
    return String.join(
        ", ", java.util.Arrays.stream(ValueKind.values()).map(ValueKind::wireName).toList());
  }

  private static InvalidImportSpecException.Problem problem(String field, String message) {
    return new InvalidImportSpecException.Problem(field, message);
  }
}
