package org.enms.bench;

import com.typesafe.config.ConfigFactory;
import java.util.HashMap;
import java.util.Map;
import org.enms.db.Database;
import org.enms.db.DbSettings;
import picocli.CommandLine.Option;

/**
 * The options every bench with a database of its own takes ({@code @Mixin}): where it is and how to
 * log in. Each bench names its own database, which it drops and creates on each run.
 */
final class BenchDatabaseOptions {
  private static final String LOCAL = "jdbc:postgresql://127.0.0.1:5432/";

  @Option(
      names = "--db-url",
      description =
          "Bench database on loopback; dropped and created on each run (default: "
              + LOCAL
              + "<the bench's own: enms_bench, enms_kpi_bench, enms_ws_bench>).")
  String url;

  @Option(names = "--db-user", description = "Default ${DEFAULT-VALUE} (trust auth).")
  String user = "postgres";

  @Option(names = "--db-password", description = "Default empty.")
  String password = "";

  /** The URL given, or the local server's database {@code name}. */
  String url(String name) {
    return url != null ? url : LOCAL + name;
  }

  /** The database's name: the given URL's last segment, or {@code name}. */
  String name(String name) {
    String u = url(name);
    String last = u.substring(u.lastIndexOf('/') + 1);
    int query = last.indexOf('?');
    return query < 0 ? last : last.substring(0, query);
  }

  /** Drops and creates the database (local {@code name} unless given); returns its URL. */
  String recreate(String name) {
    String jdbcUrl = Loopback.require(url(name));
    BenchDatabase.recreate(jdbcUrl, user, password);
    return jdbcUrl;
  }

  /**
   * Drops and creates the database, then starts EnMS's schema on it with a pool of 4 and no raw
   * retention (benches write history of any age).
   */
  Database startFresh(String name) {
    recreate(name);
    Map<String, Object> o = new HashMap<>();
    putInto(o, name);
    o.put("enms.db.pool-size", 4);
    o.put("enms.db.retention-days", 100_000);
    return Database.start(
        DbSettings.fromConfig(ConfigFactory.parseMap(o).withFallback(ConfigFactory.load())));
  }

  /** The node settings {@code enms.db.url}, {@code .user} and {@code .password}. */
  void putInto(Map<String, Object> config, String name) {
    config.put("enms.db.url", url(name));
    config.put("enms.db.user", user);
    config.put("enms.db.password", password);
  }
}
