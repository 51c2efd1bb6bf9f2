package org.enms.http.report;

import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.enms.http.error.ApiException;

/**
 * The PDF's sections, in their order. {@code include_sections} names them; the voice client's names
 * (HumanEnerDIA's report) map onto them: {@code energy_overview} is the EnPIs and the daily trend,
 * {@code machine_profiles} the consumption by machine.
 */
public enum ReportSection {
  EXECUTIVE_SUMMARY("EXECUTIVE SUMMARY"),
  ENPIS("ENERGY PERFORMANCE INDICATORS (EnPIs)"),
  MACHINE_CONSUMPTION("CONSUMPTION BY MACHINE (SEU Analysis)"),
  DAILY_TREND("DAILY CONSUMPTION TREND"),
  ANOMALIES("ANOMALY SUMMARY"),
  COST_ANALYSIS("COST ANALYSIS"),
  CARBON_ANALYSIS("CARBON ANALYSIS"),
  RECOMMENDATIONS("RECOMMENDATIONS (Auto-generated)");

  private static final Map<String, Set<ReportSection>> ALIASES =
      Map.of(
          "energy_overview", EnumSet.of(ENPIS, DAILY_TREND),
          "machine_profiles", EnumSet.of(MACHINE_CONSUMPTION));

  private final String heading;

  ReportSection(String heading) {
    this.heading = heading;
  }

  public String heading() {
    return heading;
  }

  public String key() {
    return name().toLowerCase(Locale.ROOT);
  }

  /** Every section: what a report without {@code include_sections} has. */
  public static Set<ReportSection> all() {
    return EnumSet.allOf(ReportSection.class);
  }

  /** The sections named; null or empty means all of them. 400 on a name not known. */
  public static Set<ReportSection> parse(List<String> names) {
    if (names == null || names.isEmpty()) {
      return all();
    }
    Set<ReportSection> sections = EnumSet.noneOf(ReportSection.class);
    Set<String> unknown = new TreeSet<>();
    for (String name : names) {
      String n = name == null ? "" : name.trim().toLowerCase(Locale.ROOT);
      if (ALIASES.containsKey(n)) {
        sections.addAll(ALIASES.get(n));
        continue;
      }
      ReportSection match =
          Arrays.stream(values()).filter(s -> s.key().equals(n)).findFirst().orElse(null);
      if (match == null) {
        unknown.add(String.valueOf(name));
      } else {
        sections.add(match);
      }
    }
    if (!unknown.isEmpty()) {
      throw ApiException.badRequest(
          "Unknown report section(s): "
              + String.join(", ", unknown)
              + ". Known: "
              + String.join(", ", known()));
    }
    return sections;
  }

  private static List<String> known() {
    List<String> names = new java.util.ArrayList<>();
    for (ReportSection s : values()) {
      names.add(s.key());
    }
    names.addAll(new TreeSet<>(ALIASES.keySet()));
    return names;
  }
}
