package org.enms.http.health;

import java.util.Locale;
import java.util.concurrent.CompletionStage;
import org.enms.db.BlockingIo;
import org.enms.db.Database;

/** The database answers a query. */
public final class DatabaseProbe implements HealthProbe {
  private final Database database;
  private final BlockingIo io;

  public DatabaseProbe(Database database, BlockingIo io) {
    this.database = database;
    this.io = io;
  }

  /**
   * @param dialect plain (PostgreSQL) or timescale
   */
  public record Details(String dialect) {}

  @Override
  public String name() {
    return "database";
  }

  @Override
  public CompletionStage<Result> check() {
    return io.call(
        () -> {
          var details = new Details(database.dialect().name().toLowerCase(Locale.ROOT));
          return database.ping()
              ? new Result(true, details)
              : Result.unhealthy(details, "the database does not answer");
        });
  }
}
