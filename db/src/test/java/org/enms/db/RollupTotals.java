package org.enms.db;

import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;
import org.jdbi.v3.core.Jdbi;

/** Reads roll-up rows in a dialect-neutral, comparable form, for the roll-up tests. */
final class RollupTotals {
  private RollupTotals() {}

  /** bucket|machine|type -> [total_energy_kwh, avg_power_kw, max_power_kw, reading_count]. */
  static Map<String, double[]> energy(Jdbi jdbi, String level) {
    return jdbi.withHandle(
        h ->
            h
                .createQuery(
                    "SELECT bucket, machine_id, energy_type, total_energy_kwh, avg_power_kw,"
                        + " max_power_kw, reading_count FROM energy_readings_"
                        + level)
                .map(
                    (rs, ctx) ->
                        Map.entry(
                            Rows.instant(rs, "bucket")
                                + "|"
                                + rs.getObject("machine_id", UUID.class)
                                + "|"
                                + rs.getString("energy_type"),
                            new double[] {
                              rs.getDouble("total_energy_kwh"), rs.getDouble("avg_power_kw"),
                              rs.getDouble("max_power_kw"), rs.getLong("reading_count")
                            }))
                .list()
                .stream()
                .collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue)));
  }

  /** bucket|machine -> [total_production_count, avg_throughput, reading_count]. */
  static Map<String, double[]> production(Jdbi jdbi, String level) {
    return jdbi.withHandle(
        h ->
            h
                .createQuery(
                    "SELECT bucket, machine_id, total_production_count, avg_throughput,"
                        + " reading_count FROM production_data_"
                        + level)
                .map(
                    (rs, ctx) ->
                        Map.entry(
                            Rows.instant(rs, "bucket")
                                + "|"
                                + rs.getObject("machine_id", UUID.class),
                            new double[] {
                              rs.getLong("total_production_count"),
                              rs.getDouble("avg_throughput"),
                              rs.getLong("reading_count")
                            }))
                .list()
                .stream()
                .collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue)));
  }

  static double rawSum(Jdbi jdbi, String sql) {
    return jdbi.withHandle(h -> h.createQuery(sql).mapTo(Double.class).one());
  }

  static List<String> sortedKeys(Map<String, double[]> m) {
    return m.keySet().stream().sorted().toList();
  }
}
