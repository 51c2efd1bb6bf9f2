package org.enms.node.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.List;

/**
 * A Mosquitto the bench starts for itself ({@code mosquitto -c docker/mosquitto.conf -p PORT}) and
 * stops at the end, so a run measures the project's recommended broker settings, has its own
 * in-memory sessions and never disturbs the system broker or other people's tests on it. Without a
 * {@code listener} line in the file Mosquitto 2 listens on loopback only, on the port given.
 *
 * <p>Test support, shared through node's test-jar: the node's shared-subscription test and the
 * pipeline bench (module {@code bench}) both start one, and neither belongs in the node's jar.
 */
public final class MosquittoProcess implements AutoCloseable {
  private static final Duration START_TIMEOUT = Duration.ofSeconds(10);

  private final Process process;
  private final int port;
  private final String binary;
  private final Path config;
  private final Path log;
  private final Path workDir;

  private MosquittoProcess(
      Process process, int port, String binary, Path config, Path log, Path workDir) {
    this.process = process;
    this.port = port;
    this.binary = binary;
    this.config = config;
    this.log = log;
    this.workDir = workDir;
  }

  public static MosquittoProcess start(String binary, Path config, Path log) {
    try {
      // run in a directory of its own: the broker saves its persistence file in its working dir
      Path workDir = Files.createTempDirectory("enms-bench-mosquitto");
      // Started as root, Mosquitto drops to its own user: that user must be able to write its
      // persistence file here, or sessions and queued messages are lost at a restart.
      Files.setPosixFilePermissions(workDir, PosixFilePermissions.fromString("rwxrwxrwx"));
      return start(binary, config, log, freePort(), workDir);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot create a directory for " + binary, e);
    }
  }

  private static MosquittoProcess start(
      String binary, Path config, Path log, int port, Path workDir) {
    if (!Files.isRegularFile(config)) {
      throw new IllegalArgumentException("no broker configuration at " + config.toAbsolutePath());
    }
    try {
      Process process =
          new ProcessBuilder(
                  List.of(
                      binary,
                      "-c",
                      config.toAbsolutePath().toString(),
                      "-p",
                      Integer.toString(port)))
              .directory(workDir.toFile())
              .redirectErrorStream(true)
              .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()))
              .start();
      var started = new MosquittoProcess(process, port, binary, config, log, workDir);
      started.awaitListening();
      return started;
    } catch (IOException e) {
      throw new UncheckedIOException("cannot start " + binary, e);
    }
  }

  /**
   * Starts this broker again on the same port and folder after {@link #close}, which stops it
   * gracefully: it saves its sessions and queued messages there and reloads them, as a restarted
   * broker does.
   */
  public MosquittoProcess startAgain() {
    return start(binary, config, log, port, workDir);
  }

  /** Whether {@code binary} is an executable on the PATH (Debian package mosquitto). */
  public static boolean installed(String binary) {
    String path = System.getenv("PATH");
    if (path == null) {
      return false;
    }
    for (String dir : path.split(java.io.File.pathSeparator)) {
      if (Files.isExecutable(Path.of(dir, binary))) {
        return true;
      }
    }
    return false;
  }

  public String url() {
    return "tcp://127.0.0.1:" + port;
  }

  public long pid() {
    return process.pid();
  }

  private void awaitListening() {
    long deadline = System.nanoTime() + START_TIMEOUT.toNanos();
    while (System.nanoTime() < deadline) {
      if (!process.isAlive()) {
        throw new IllegalStateException("mosquitto exited with " + process.exitValue());
      }
      try (Socket s = new Socket()) {
        s.connect(new InetSocketAddress("127.0.0.1", port), 200);
        return;
      } catch (IOException notYet) {
        Thread.onSpinWait();
      }
    }
    process.destroy();
    throw new IllegalStateException("mosquitto did not listen on port " + port + " in time");
  }

  private static int freePort() {
    try (ServerSocket s = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
      return s.getLocalPort();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  @Override
  public void close() {
    process.destroy();
    try {
      if (!process.waitFor(5, java.util.concurrent.TimeUnit.SECONDS)) {
        process.destroyForcibly();
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      process.destroyForcibly();
    }
  }
}
