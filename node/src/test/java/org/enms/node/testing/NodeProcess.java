package org.enms.node.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.enms.node.EnmsCommand;

/**
 * A node as its own JVM ({@code enms run --no-simulator} on the test class path), so that a test
 * can kill it without mercy. Its settings come from the environment, as in production; its output
 * goes to a log file.
 *
 * <p>Test support, shared through node's test-jar: the three-process cluster test and the capacity
 * bench (module {@code bench}) both start nodes this way. The child runs on this JVM's class path,
 * which holds the node's classes in both.
 */
public final class NodeProcess implements AutoCloseable {
  private final Process process;
  private final Path log;

  private NodeProcess(Process process, Path log) {
    this.process = process;
    this.log = log;
  }

  /**
   * @param jvmFlags e.g. {@code -Xmx256m}
   * @param environment the node's settings ({@code ENMS_...}), added to this JVM's environment
   * @param log where the node's standard output and error go
   */
  public static NodeProcess start(
      List<String> jvmFlags, Map<String, String> environment, Path log) {
    List<String> command = new ArrayList<>();
    command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    command.addAll(jvmFlags);
    command.addAll(
        List.of(
            "-cp",
            System.getProperty("java.class.path"),
            EnmsCommand.class.getName(),
            "run",
            "--no-simulator"));
    ProcessBuilder builder = new ProcessBuilder(command);
    builder.environment().putAll(environment);
    builder.redirectErrorStream(true).redirectOutput(log.toFile());
    try {
      return new NodeProcess(builder.start(), log);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot start a node process", e);
    }
  }

  public long pid() {
    return process.pid();
  }

  public Path log() {
    return log;
  }

  public boolean isAlive() {
    return process.isAlive();
  }

  /** {@code kill -9}: no shutdown hook, no goodbye to the cluster or the broker. */
  public void kill() throws InterruptedException {
    process.destroyForcibly();
    if (!process.waitFor(30, TimeUnit.SECONDS)) {
      throw new IllegalStateException("node process " + pid() + " survived SIGKILL");
    }
  }

  /** Stops the node gracefully if it still runs, and forcibly if that takes too long. */
  @Override
  public void close() throws InterruptedException {
    if (process.isAlive()) {
      process.destroy();
      if (!process.waitFor(30, TimeUnit.SECONDS)) {
        process.destroyForcibly();
        process.waitFor(10, TimeUnit.SECONDS);
      }
    }
  }
}
