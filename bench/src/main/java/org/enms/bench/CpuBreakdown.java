package org.enms.bench;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadInfo;
import java.lang.management.ThreadMXBean;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Stream;

/**
 * Where the machine's CPU went during a measurement window: this JVM's threads grouped by role (the
 * names say which stage they run), the broker process, all PostgreSQL processes and the rest of the
 * machine. On a 2-core box shared by all of them this, more than any latency, says what limits
 * throughput. Linux only ({@code /proc}); clock ticks are 10 ms.
 */
final class CpuBreakdown {
  private static final double TICKS_PER_SECOND = 100.0;

  private final Function<String, String> groupOfThread;
  private final long brokerPid;
  private String database;
  private Snapshot start;

  /**
   * @param groupOfThread maps a thread name to its role, e.g. "MQTT Call: enms-bench-ingest-0" to
   *     "ingest: Paho callback"
   * @param brokerPid the broker process, or -1 if it is not ours to account separately
   */
  CpuBreakdown(Function<String, String> groupOfThread, long brokerPid) {
    this.groupOfThread = groupOfThread;
    this.brokerPid = brokerPid;
  }

  /**
   * Splits PostgreSQL's CPU into the backends serving {@code name} (by their process title) and the
   * rest, so a bench's own database cost stands apart from other work on a shared server.
   */
  CpuBreakdown forDatabase(String name) {
    this.database = name;
    return this;
  }

  /** Group name of the PostgreSQL backends serving the bench's database. */
  static final String OWN_BACKENDS = "postgresql: this database's backends";

  /** Last CPU time seen per live thread, so threads that end inside the window still count. */
  private final Map<Long, ThreadCpu> lastSeen = new java.util.concurrent.ConcurrentHashMap<>();

  void start() {
    start = snapshot();
  }

  /** Records the threads' CPU so far; call every second or so while threads come and go. */
  void sample() {
    lastSeen.putAll(threadTimes());
  }

  /** CPU seconds per group between {@link #start} and now, and the window length. */
  Result stop() {
    Snapshot end = snapshot();
    Map<Long, ThreadCpu> threads = new LinkedHashMap<>(lastSeen);
    threads.putAll(end.threads);
    Map<String, Double> seconds = new LinkedHashMap<>();
    threads.forEach(
        (id, thread) -> {
          ThreadCpu before = start.threads.get(id);
          long used = thread.nanos() - (before == null ? 0 : before.nanos());
          seconds.merge(thread.group(), used / 1e9, Double::sum);
        });
    double jvmThreads = seconds.values().stream().mapToDouble(Double::doubleValue).sum();
    double jvm = (end.jvmCpuNanos - start.jvmCpuNanos) / 1e9;
    seconds.put("jvm: other (GC, JIT, short-lived threads)", Math.max(0, jvm - jvmThreads));
    double broker = (end.brokerTicks - start.brokerTicks) / TICKS_PER_SECOND;
    double postgres = (end.postgresTicks - start.postgresTicks) / TICKS_PER_SECOND;
    double busy = (end.machineBusyTicks - start.machineBusyTicks) / TICKS_PER_SECOND;
    if (brokerPid > 0) {
      seconds.put("mosquitto", broker);
    }
    if (database != null) {
      double own = (end.ownBackendTicks - start.ownBackendTicks) / TICKS_PER_SECOND;
      seconds.put(OWN_BACKENDS, own);
      seconds.put("postgresql: other processes", Math.max(0, postgres - own));
    } else {
      seconds.put("postgresql (all backends)", postgres);
    }
    seconds.put("rest of the machine", Math.max(0, busy - jvm - broker - postgres));
    double idle = (end.machineIdleTicks - start.machineIdleTicks) / TICKS_PER_SECOND;
    seconds.put("idle", idle);
    return new Result(seconds, (end.nanoTime - start.nanoTime) / 1e9);
  }

  /** Group → CPU seconds, over {@code wallSeconds}. */
  record Result(Map<String, Double> seconds, double wallSeconds) {
    /** CPU seconds of one group, 0 when absent. */
    double of(String group) {
      return seconds.getOrDefault(group, 0.0);
    }

    /** CPU seconds of the groups whose names pass {@code test}. */
    double sumOf(java.util.function.Predicate<String> test) {
      return seconds.entrySet().stream()
          .filter(e -> test.test(e.getKey()))
          .mapToDouble(Map.Entry::getValue)
          .sum();
    }

    /**
     * Adds CPU seconds of threads that ended inside the window (measured by themselves), moving
     * them out of the JVM's unattributed rest.
     */
    Result withExitedThreads(String group, double cpuSeconds) {
      Map<String, Double> moved = new LinkedHashMap<>();
      moved.put(group, cpuSeconds);
      seconds.forEach(
          (g, s) -> moved.put(g, g.startsWith("jvm: other (") ? Math.max(0, s - cpuSeconds) : s));
      return new Result(moved, wallSeconds);
    }

    void addTo(SummaryTable table) {
      seconds.forEach(
          (group, s) ->
              table.row(
                  group,
                  "%5.2f cores (%4.1f %% of the machine)",
                  s / wallSeconds,
                  100 * s / wallSeconds / Runtime.getRuntime().availableProcessors()));
    }
  }

  private record ThreadCpu(String group, long nanos) {}

  private record Snapshot(
      long nanoTime,
      Map<Long, ThreadCpu> threads,
      long jvmCpuNanos,
      long brokerTicks,
      long postgresTicks,
      long ownBackendTicks,
      long machineBusyTicks,
      long machineIdleTicks) {}

  private Snapshot snapshot() {
    Map<Long, ThreadCpu> threads = threadTimes();
    var os =
        (com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
    long[] machine = machineTicks();
    return new Snapshot(
        System.nanoTime(),
        threads,
        os.getProcessCpuTime(),
        brokerPid > 0 ? processTicks(brokerPid) : 0,
        postgresTicks(null),
        database == null ? 0 : postgresTicks(database),
        machine[0],
        machine[1]);
  }

  private Map<Long, ThreadCpu> threadTimes() {
    ThreadMXBean mx = ManagementFactory.getThreadMXBean();
    Map<Long, ThreadCpu> threads = new LinkedHashMap<>();
    for (ThreadInfo info : mx.getThreadInfo(mx.getAllThreadIds())) {
      if (info == null) {
        continue;
      }
      long cpu = mx.getThreadCpuTime(info.getThreadId());
      if (cpu > 0) {
        threads.put(
            info.getThreadId(), new ThreadCpu(groupOfThread.apply(info.getThreadName()), cpu));
      }
    }
    return threads;
  }

  /** utime + stime of one process, in clock ticks; 0 if it is gone. */
  private static long processTicks(long pid) {
    try {
      String stat = Files.readString(Path.of("/proc", Long.toString(pid), "stat"));
      // fields after the parenthesised command name; utime and stime are fields 14 and 15
      String[] f = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
      return Long.parseLong(f[11]) + Long.parseLong(f[12]);
    } catch (IOException | RuntimeException e) {
      return 0;
    }
  }

  /** All PostgreSQL processes, or (database given) the backends connected to it. */
  private static long postgresTicks(String database) {
    try (Stream<Path> procs = Files.list(Path.of("/proc"))) {
      return procs
          .filter(p -> p.getFileName().toString().chars().allMatch(Character::isDigit))
          .filter(CpuBreakdown::isPostgres)
          .filter(p -> database == null || servesDatabase(p, database))
          .mapToLong(p -> processTicks(Long.parseLong(p.getFileName().toString())))
          .sum();
    } catch (IOException e) {
      return 0;
    }
  }

  private static boolean isPostgres(Path proc) {
    try {
      return Files.readString(proc.resolve("comm")).strip().startsWith("postgres");
    } catch (IOException e) {
      return false;
    }
  }

  /** A backend's title reads "postgres: 15/main: USER DATABASE HOST(PORT) STATE". */
  private static boolean servesDatabase(Path proc, String database) {
    try {
      String title = new String(Files.readAllBytes(proc.resolve("cmdline"))).replace('\0', ' ');
      String[] f = title.trim().split("\\s+");
      return f.length > 4 && f[3].equals(database);
    } catch (IOException e) {
      return false;
    }
  }

  /** {busy, idle} ticks of all cores from the first line of /proc/stat. */
  private static long[] machineTicks() {
    try {
      List<String> lines = Files.readAllLines(Path.of("/proc/stat"));
      String[] f = lines.get(0).trim().split("\\s+");
      long busy = 0;
      long idle = 0;
      for (int i = 1; i < f.length && i <= 8; i++) {
        long v = Long.parseLong(f[i]);
        if (i == 4 || i == 5) {
          idle += v;
        } else {
          busy += v;
        }
      }
      return new long[] {busy, idle};
    } catch (IOException | RuntimeException e) {
      return new long[] {0, 0};
    }
  }
}
