package org.enms.node.testing;

import static java.nio.charset.StandardCharsets.UTF_8;

import java.io.ByteArrayOutputStream;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.UUID;

/**
 * Hostile MQTT messages for the ingest, each with what a correct ingest does with it: which
 * readings it stores (once each) and how many rejects it records. Deterministic for a seed, so a
 * failing run can be repeated.
 *
 * <p>Good readings get unique times ({@code base} plus one millisecond per reading), so "stored
 * exactly once" can be checked by key. Messages on topics outside {@code factory/#} are not
 * delivered to the ingest at all: neither stored nor rejected.
 *
 * <p>Test support, shared through node's test-jar: the node's hostile-input end-to-end test and the
 * pipeline bench's hostile mode (module {@code bench}) both use it. Not thread-safe.
 */
public final class HostileMessages {
  /** The table a good reading lands in. */
  public enum Table {
    ENERGY,
    PRODUCTION,
    ENVIRONMENTAL
  }

  /** The unique key of a stored reading. */
  public record Key(Table table, UUID machine, Instant time) {}

  /** The classes of messages generated; {@link #GOOD} is the only harmless one. */
  public enum Kind {
    GOOD,
    RANDOM_BYTES,
    INVALID_UTF8,
    CONTROL_CHARACTERS,
    TRUNCATED_JSON,
    DEEP_JSON,
    NON_FINITE,
    WRONG_TYPES,
    NEGATIVE_VALUES,
    ABSURD_VALUES,
    UNKNOWN_MACHINE,
    FAR_TIME,
    SQL_AND_MARKUP,
    BROKEN_BATCH,
    ODD_TOPIC,
    LARGE
  }

  /**
   * One message and its expected fate.
   *
   * @param delivered whether the ingest's subscription ({@code factory/#}) receives it at all
   * @param stored the readings the ingest must store from it
   * @param rejects the rejects the ingest must record for it (0 when not delivered)
   */
  public record Message(
      Kind kind, String topic, byte[] payload, boolean delivered, Set<Key> stored, int rejects) {}

  private static final List<Kind> HOSTILE =
      List.of(
          Kind.RANDOM_BYTES,
          Kind.INVALID_UTF8,
          Kind.CONTROL_CHARACTERS,
          Kind.TRUNCATED_JSON,
          Kind.DEEP_JSON,
          Kind.NON_FINITE,
          Kind.WRONG_TYPES,
          Kind.NEGATIVE_VALUES,
          Kind.ABSURD_VALUES,
          Kind.UNKNOWN_MACHINE,
          Kind.FAR_TIME,
          Kind.SQL_AND_MARKUP,
          Kind.BROKEN_BATCH,
          Kind.ODD_TOPIC);

  private static final String SQL = "'; DROP TABLE energy_readings; --";
  private static final String SQL2 = "1' OR '1'='1";
  private static final String MARKUP = "<script>alert('x')</script>";
  private static final String MARKUP2 = "<img src=x onerror=\\\"alert(1)\\\">&amp;";

  private final Random random;
  private final List<UUID> machines;
  private final Instant base;
  private final Map<Kind, Integer> counts = new EnumMap<>(Kind.class);
  private long tick;

  /**
   * @param machines registered, active machines: good readings belong to them
   * @param base the time of the first good reading; the ingest's live window must hold it and a
   *     millisecond per good reading after it
   */
  public HostileMessages(long seed, List<UUID> machines, Instant base) {
    this.random = new Random(seed);
    this.machines = List.copyOf(machines);
    this.base = base.truncatedTo(ChronoUnit.MILLIS);
  }

  /** How many of each kind were generated so far. */
  public Map<Kind, Integer> counts() {
    return Map.copyOf(counts);
  }

  /** A good energy reading of a known machine, in one of the accepted forms. */
  public Message good() {
    return count(goodMessage());
  }

  private Message goodMessage() {
    UUID machine = machine();
    Instant t = nextTime();
    String json;
    if (random.nextInt(100) == 0) {
      // A meter with a register only: its entity works out the interval energy before storage.
      json =
          "{\"time\":\"%s\",\"machine_id\":\"%s\",\"power_kw\":%s,\"energy_total_kwh\":%s}"
              .formatted(t, machine, power(), random.nextInt(1_000_000_000));
    } else {
      json =
          switch (random.nextInt(4)) {
            case 0 ->
                "{\"machine_id\":\"%s\",\"energy_kwh\":%s,\"power_kw\":%s,\"time\":\"%s\"}"
                    .formatted(machine, energy(), power(), t);
            case 1 ->
                "{ \"time\" : \"%s\" ,\n \"machine_id\" : \"%s\" , \"power_kw\" : %s , \"energy_kwh\" : %s }"
                    .formatted(naive(t), machine, power(), energy());
            case 2 ->
                "{\"timestamp\":\"%s\",\"machine_id\":\"%s\",\"power_kw\":%s,\"energy_kwh\":%s,\"voltage_v\":400.1,\"status\":\"running\"}"
                    .formatted(
                        offset(t), machine.toString().toUpperCase(Locale.ROOT), power(), energy());
            default -> energyJson(machine, t);
          };
    }
    return new Message(
        Kind.GOOD,
        "factory/fuzz/" + machine + "/energy",
        bytes(json),
        true,
        Set.of(new Key(Table.ENERGY, machine, t)),
        0);
  }

  /** A hostile message of a kind chosen at random (all but {@link Kind#LARGE} equally often). */
  public Message hostile() {
    if (random.nextInt(200) == 0) {
      return of(Kind.LARGE);
    }
    return of(HOSTILE.get(random.nextInt(HOSTILE.size())));
  }

  /** A message of the given kind. */
  public Message of(Kind kind) {
    return count(
        switch (kind) {
          case GOOD -> goodMessage();
          case RANDOM_BYTES ->
              randomBytes(
                  Kind.RANDOM_BYTES, 1 + random.nextInt(random.nextInt(10) == 0 ? 16_384 : 512));
          case INVALID_UTF8 -> invalidUtf8();
          case CONTROL_CHARACTERS -> controlCharacters();
          case TRUNCATED_JSON -> truncated();
          case DEEP_JSON -> deep();
          case NON_FINITE -> nonFinite();
          case WRONG_TYPES -> wrongTypes();
          case NEGATIVE_VALUES -> negative();
          case ABSURD_VALUES -> absurd();
          case UNKNOWN_MACHINE -> unknownMachine();
          case FAR_TIME -> farTime();
          case SQL_AND_MARKUP -> sqlAndMarkup();
          case BROKEN_BATCH -> brokenBatch();
          case ODD_TOPIC -> oddTopic();
          case LARGE -> large();
        });
  }

  /**
   * Messages at the size limits: a good reading of exactly {@code maxPayloadBytes}, one byte more,
   * and random bytes and a padded reading within 64 bytes of what a broker with {@code
   * maxPacketBytes} takes on their topic (all but the first rejected as too large).
   */
  public List<Message> atSizeLimits(int maxPayloadBytes, int maxPacketBytes) {
    List<Message> out = new ArrayList<>();
    out.add(paddedGood(maxPayloadBytes, true));
    out.add(paddedGood(maxPayloadBytes + 1, false));
    String topic = "factory/fuzz/large/energy";
    // PUBLISH: fixed header 1 + remaining length (3 bytes at this size), topic 2 + T, packet id 2.
    int largest = maxPacketBytes - (1 + 3 + 2 + topic.length() + 2) - 64;
    byte[] noise = new byte[largest];
    random.nextBytes(noise);
    out.add(new Message(Kind.LARGE, topic, noise, true, Set.of(), 1));
    out.add(paddedGood(largest, false));
    out.forEach(this::count);
    return out;
  }

  /** A reading padded with an ignored field to exactly {@code size} bytes. */
  private Message paddedGood(int size, boolean stored) {
    UUID machine = machine();
    Instant t = nextTime();
    String head = energyJson(machine, t);
    String prefix = head.substring(0, head.length() - 1) + ",\"padding\":\"";
    String json = prefix + "x".repeat(size - prefix.length() - 2) + "\"}";
    return new Message(
        Kind.LARGE,
        "factory/fuzz/" + machine + "/energy",
        bytes(json),
        true,
        stored ? Set.of(new Key(Table.ENERGY, machine, t)) : Set.of(),
        stored ? 0 : 1);
  }

  /**
   * Good readings and one bad topic on topics that Paho 1.2.5 cannot read (emoji, fullwidth forms,
   * U+FFFD), for a publisher other than Paho ({@link RawMqttPublisher}). Control characters are
   * left out: HiveMQ disconnects a client that sends them in a topic.
   */
  public List<Message> unreadableByPaho() {
    List<Message> out = new ArrayList<>();
    for (String odd :
        List.of(
            "factory/\uD83D\uDE00\uD83C\uDFED/m/energy",
            "factory/\uFF21\uFF22\uFF23/\uFF76\uFF80/energy",
            "factory/\uFFFD/m/energy")) {
      UUID machine = machine();
      Instant t = nextTime();
      out.add(
          new Message(
              Kind.ODD_TOPIC,
              odd,
              bytes(energyJson(machine, t)),
              true,
              Set.of(new Key(Table.ENERGY, machine, t)),
              0));
    }
    out.add(
        new Message(Kind.ODD_TOPIC, "factory/\uD83D\uDE00/energy", bytes("{}"), true, Set.of(), 1));
    out.forEach(this::count);
    return out;
  }

  // --- the kinds ---

  private Message randomBytes(Kind kind, int length) {
    byte[] b = new byte[length];
    random.nextBytes(b);
    if (random.nextBoolean()) {
      // Mostly printable, like a broken text protocol, with some binary in it.
      for (int i = 0; i < b.length; i++) {
        if (random.nextInt(8) != 0) {
          b[i] = (byte) (32 + random.nextInt(95));
        }
      }
    }
    b[random.nextInt(b.length)] = 0;
    return rejected(kind, anyValidTopic(), b);
  }

  private Message invalidUtf8() {
    byte[][] sequences = {
      {(byte) 0xff},
      {(byte) 0xfe, (byte) 0xff},
      {(byte) 0x80},
      {(byte) 0xc0, (byte) 0x80}, // overlong NUL
      {(byte) 0xe0, (byte) 0x80, (byte) 0x80}, // overlong NUL
      {(byte) 0xed, (byte) 0xa0, (byte) 0x80}, // a surrogate
      {(byte) 0xf4, (byte) 0x90, (byte) 0x80, (byte) 0x80}, // beyond U+10FFFF
      {(byte) 0xe2, (byte) 0x82}, // truncated
      {(byte) 0xc3, (byte) 0x28},
    };
    byte[] bad = sequences[random.nextInt(sequences.length)];
    UUID machine = machine();
    String json =
        switch (random.nextInt(3)) {
          case 0 ->
              energyJson(machine, nextTime())
                  .replace("\"power_kw\"", "\"note\":\"@@\",\"power_kw\"");
          case 1 -> energyJson(machine, nextTime()).replace(machine.toString(), "@@");
          default ->
              "{\"time\":\"%s\",\"machine_id\":\"%s\",\"production_count\":1,\"operating_mode\":\"run@@\"}"
                  .formatted(nextTime(), machine);
        };
    return rejected(
        Kind.INVALID_UTF8, "factory/fuzz/" + machine + "/production", splice(json, bad));
  }

  private Message controlCharacters() {
    UUID machine = machine();
    Instant t = nextTime();
    String topic = "factory/fuzz/" + machine + "/production";
    String production =
        "{\"time\":\"%s\",\"machine_id\":\"%s\",\"production_count\":%d,\"operating_mode\":\"%s\",\"recipe_id\":\"%s\"}";
    switch (random.nextInt(4)) {
      case 0 -> {
        // raw C0 control characters inside a string: not JSON
        char c = (char) random.nextInt(0x20);
        return rejected(
            Kind.CONTROL_CHARACTERS,
            topic,
            bytes(production.formatted(t, machine, 1, "run" + c + "ning", "r")));
      }
      case 1 -> {
        // control characters between tokens that JSON does not count as white space
        char[] notSpace = {0x0b, 0x0c, 0x1b, 0x7f, 0x00, 0x85};
        char c = notSpace[random.nextInt(notSpace.length)];
        String json = energyJson(machine, t).replace(",\"power_kw\"", "," + c + "\"power_kw\"");
        return rejected(
            Kind.CONTROL_CHARACTERS, "factory/fuzz/" + machine + "/energy", bytes(json));
      }
      case 2 -> {
        // escaped control characters, DEL and C1 controls are text PostgreSQL stores
        String mode = "\\u0001\\u001f\u007f\u0085\u009b\\t\\n" + "run";
        return storedAs(
            Kind.CONTROL_CHARACTERS,
            topic,
            production.formatted(t, machine, 2, mode, "\\u0007bell"),
            new Key(Table.PRODUCTION, machine, t));
      }
      default -> {
        // an escaped NUL, which text columns refuse: rejected by the parser
        return rejected(
            Kind.CONTROL_CHARACTERS,
            topic,
            bytes(production.formatted(t, machine, 3, "run", "a\\u0000b")));
      }
    }
  }

  private Message truncated() {
    Message whole = random.nextBoolean() ? goodMessage() : goodBatch();
    byte[] cut = java.util.Arrays.copyOf(whole.payload(), random.nextInt(whole.payload().length));
    return rejected(Kind.TRUNCATED_JSON, whole.topic(), cut);
  }

  private Message deep() {
    UUID machine = machine();
    Instant t = nextTime();
    switch (random.nextInt(5)) {
      case 0 -> {
        // A reading with an ignored field nested to Jackson's limit: the root is level 1.
        String json =
            energyJson(machine, t).replace("{\"time\"", "{\"x\":" + nest(999) + ",\"time\"");
        return storedAs(
            Kind.DEEP_JSON,
            "factory/fuzz/" + machine + "/energy",
            json,
            new Key(Table.ENERGY, machine, t));
      }
      case 1 -> {
        // The same on an environmental reading, whose unknown fields are kept as jsonb.
        String json =
            "{\"time\":\"%s\",\"machine_id\":\"%s\",\"indoor_temp_c\":21.5,\"x\":%s}"
                .formatted(t, machine, nest(999));
        return storedAs(
            Kind.DEEP_JSON,
            "factory/fuzz/" + machine + "/environmental",
            json,
            new Key(Table.ENVIRONMENTAL, machine, t));
      }
      case 2 -> {
        String json =
            energyJson(machine, t).replace("{\"time\"", "{\"x\":" + nest(1000) + ",\"time\"");
        return rejected(Kind.DEEP_JSON, "factory/fuzz/" + machine + "/energy", bytes(json));
      }
      case 3 -> {
        return rejected(Kind.DEEP_JSON, anyValidTopic(), bytes(nest(1000 + random.nextInt(5_000))));
      }
      default -> {
        int depth = random.nextInt(20) == 0 ? 100_000 : 1_001 + random.nextInt(2_000);
        return rejected(
            Kind.DEEP_JSON, anyValidTopic(), bytes("{\"readings\":[" + "{\"a\":".repeat(depth)));
      }
    }
  }

  private Message nonFinite() {
    String[] values = {
      "NaN", "Infinity", "-Infinity", "1e999", "-1e999", "\"NaN\"", "\"Infinity\"", "nan", "+Inf"
    };
    String v = values[random.nextInt(values.length)];
    UUID machine = machine();
    String json =
        switch (random.nextInt(3)) {
          case 0 ->
              energyJson(machine, nextTime())
                  .replaceFirst("\"power_kw\":[^,}]+", "\"power_kw\":" + v);
          case 1 ->
              energyJson(machine, nextTime())
                  .replaceFirst("\"energy_kwh\":[^,}]+", "\"energy_kwh\":" + v);
          default -> energyJson(machine, nextTime()).replace("}", ",\"frequency_hz\":" + v + "}");
        };
    return rejected(Kind.NON_FINITE, "factory/fuzz/" + machine + "/energy", bytes(json));
  }

  private Message wrongTypes() {
    String[] wrong = {
      "true", "false", "[]", "[1.5]", "{}", "{\"v\":1}", "\"12.5\"", "null", "\"\""
    };
    String v = wrong[random.nextInt(wrong.length)];
    UUID machine = machine();
    Instant t = nextTime();
    String energy = energyJson(machine, t);
    switch (random.nextInt(6)) {
      case 0 -> {
        return rejected(
            Kind.WRONG_TYPES,
            "factory/fuzz/m/energy",
            bytes(energy.replaceFirst("\"power_kw\":[^,}]+", "\"power_kw\":" + v)));
      }
      case 1 -> {
        return rejected(
            Kind.WRONG_TYPES,
            "factory/fuzz/m/energy",
            bytes(
                energy.replace(
                    "\"" + machine + "\"",
                    v.equals("\"\"") ? "42" : v.startsWith("\"") ? "7" : v)));
      }
      case 2 -> {
        return rejected(
            Kind.WRONG_TYPES,
            "factory/fuzz/m/energy",
            bytes(energy.replace("\"" + t + "\"", String.valueOf(t.toEpochMilli()))));
      }
      case 3 -> {
        String status =
            "{\"time\":\"%s\",\"machine_id\":\"%s\",\"is_running\":%s}"
                .formatted(t, machine, v.equals("true") || v.equals("false") ? "\"yes\"" : v);
        return rejected(Kind.WRONG_TYPES, "factory/fuzz/m/status", bytes(status));
      }
      case 4 -> {
        String production =
            "{\"time\":\"%s\",\"machine_id\":\"%s\",\"production_count\":%s}"
                .formatted(t, machine, v);
        return rejected(Kind.WRONG_TYPES, "factory/fuzz/m/production", bytes(production));
      }
      default -> {
        String[] notObjects = {
          "[" + energy + "]", "\"" + machine + "\"", "42", "null", "true", "", " "
        };
        return rejected(
            Kind.WRONG_TYPES,
            anyValidTopic(),
            bytes(notObjects[random.nextInt(notObjects.length)]));
      }
    }
  }

  private Message negative() {
    UUID machine = machine();
    Instant t = nextTime();
    String energy = energyJson(machine, t);
    String topic = "factory/fuzz/" + machine + "/energy";
    switch (random.nextInt(6)) {
      case 0 -> {
        return rejected(
            Kind.NEGATIVE_VALUES,
            topic,
            bytes(
                energy.replaceFirst(
                    "\"energy_kwh\":[^,}]+", "\"energy_kwh\":-" + (energy() + 0.000001))));
      }
      case 1 -> {
        String counter =
            "{\"time\":\"%s\",\"machine_id\":\"%s\",\"power_kw\":1,\"energy_total_kwh\":-%d}"
                .formatted(t, machine, 1 + random.nextInt(1000));
        return rejected(Kind.NEGATIVE_VALUES, topic, bytes(counter));
      }
      case 2 -> {
        String[] counts = {"-1", "-0.5", "2.5", "-9007199254740993"};
        String production =
            "{\"time\":\"%s\",\"machine_id\":\"%s\",\"production_count\":10,\"production_count_bad\":%s}"
                .formatted(t, machine, counts[random.nextInt(counts.length)]);
        return rejected(Kind.NEGATIVE_VALUES, "factory/fuzz/m/production", bytes(production));
      }
      case 3 -> {
        // Power flows back from a generator or a regenerating drive: a value, not an error.
        return storedAs(
            Kind.NEGATIVE_VALUES,
            topic,
            energy.replaceFirst("\"power_kw\":[^,}]+", "\"power_kw\":-" + power()),
            new Key(Table.ENERGY, machine, t));
      }
      case 4 -> {
        return storedAs(
            Kind.NEGATIVE_VALUES,
            topic,
            energy.replaceFirst("\"energy_kwh\":[^,}]+", "\"energy_kwh\":-0.0"),
            new Key(Table.ENERGY, machine, t));
      }
      default -> {
        return storedAs(
            Kind.NEGATIVE_VALUES,
            "factory/fuzz/m/environmental",
            "{\"time\":\"%s\",\"machine_id\":\"%s\",\"outdoor_temp_c\":-40.5,\"pressure_bar\":-0.9}"
                .formatted(t, machine),
            new Key(Table.ENVIRONMENTAL, machine, t));
      }
    }
  }

  private Message absurd() {
    UUID machine = machine();
    Instant t = nextTime();
    String energy = energyJson(machine, t);
    String topic = "factory/fuzz/" + machine + "/energy";
    String huge =
        (random.nextBoolean() ? "" : "-")
            + "1."
            + random.nextInt(10)
            + "e"
            + (13 + random.nextInt(295));
    switch (random.nextInt(5)) {
      case 0 -> {
        return rejected(
            Kind.ABSURD_VALUES,
            topic,
            bytes(energy.replaceFirst("\"power_kw\":[^,}]+", "\"power_kw\":" + huge)));
      }
      case 1 -> {
        return rejected(
            Kind.ABSURD_VALUES, topic, bytes(energy.replace("}", ",\"voltage_v\":" + huge + "}")));
      }
      case 2 -> {
        String production =
            "{\"time\":\"%s\",\"machine_id\":\"%s\",\"production_count\":1e30}"
                .formatted(t, machine);
        return rejected(Kind.ABSURD_VALUES, "factory/fuzz/m/production", bytes(production));
      }
      case 3 -> {
        return storedAs(
            Kind.ABSURD_VALUES,
            topic,
            energy.replaceFirst("\"power_kw\":[^,}]+", "\"power_kw\":9.99e11"),
            new Key(Table.ENERGY, machine, t));
      }
      default -> {
        return storedAs(
            Kind.ABSURD_VALUES,
            topic,
            energy.replaceFirst("\"energy_kwh\":[^,}]+", "\"energy_kwh\":1e-300"),
            new Key(Table.ENERGY, machine, t));
      }
    }
  }

  private Message unknownMachine() {
    String[] ids = {
      new UUID(random.nextLong(), random.nextLong()).toString(),
      "00000000-0000-0000-0000-000000000000",
      "c0000000-0000-0000-0000-000000000099",
      "1-1-1-1-1",
      machine().toString().replace("-", ""),
      machine() + "0",
    };
    String id = ids[random.nextInt(ids.length)];
    Instant t = nextTime();
    String json =
        "{\"time\":\"%s\",\"machine_id\":\"%s\",\"power_kw\":5,\"energy_kwh\":0.01}"
            .formatted(t, id);
    return rejected(Kind.UNKNOWN_MACHINE, "factory/fuzz/" + id + "/energy", bytes(json));
  }

  private Message farTime() {
    Instant now = Instant.now();
    String[] times = {
      now.plus(Duration.ofDays(1 + random.nextInt(36_500))).toString(),
      now.minus(Duration.ofDays(8 + random.nextInt(36_500))).toString(),
      "9999-12-31T23:59:59.999999Z",
      "0001-01-01T00:00:00Z",
      "1970-01-01T00:00:00Z",
      "+999999999-12-31T23:59:59Z",
      "-999999999-01-01T00:00:00Z",
      "+1000000000-01-01T00:00:00Z",
      "2024-02-30T10:00:00Z",
      "2026-13-01T00:00:00Z",
      "2016-12-31T23:59:60Z",
      "2026-11-27T25:00:00",
      "2026-11-27T10:00:00+25:00",
      "",
      "now",
    };
    UUID machine = machine();
    String json =
        "{\"time\":\"%s\",\"machine_id\":\"%s\",\"power_kw\":5,\"energy_kwh\":0.01}"
            .formatted(times[random.nextInt(times.length)], machine);
    return rejected(Kind.FAR_TIME, "factory/fuzz/" + machine + "/energy", bytes(json));
  }

  private Message sqlAndMarkup() {
    UUID machine = machine();
    Instant t = nextTime();
    String energy = energyJson(machine, t);
    switch (random.nextInt(5)) {
      case 0 -> {
        String bad = random.nextBoolean() ? SQL : MARKUP;
        return rejected(
            Kind.SQL_AND_MARKUP,
            "factory/fuzz/m/energy",
            bytes(energy.replace(machine.toString(), bad.replace("'", "\\u0027"))));
      }
      case 1 -> {
        return rejected(
            Kind.SQL_AND_MARKUP,
            "factory/fuzz/m/energy",
            bytes(energy.replace(t.toString(), random.nextBoolean() ? SQL2 : MARKUP)));
      }
      case 2 -> {
        String production =
            "{\"time\":\"%s\",\"machine_id\":\"%s\",\"production_count\":5,\"operating_mode\":\"%s\",\"recipe_id\":\"%s\"}"
                .formatted(t, machine, SQL, MARKUP2);
        return storedAs(
            Kind.SQL_AND_MARKUP,
            "factory/fuzz/m/production",
            production,
            new Key(Table.PRODUCTION, machine, t));
      }
      case 3 -> {
        String topic = "factory/" + SQL + "/" + MARKUP.replace("/", "") + "/energy";
        return storedAs(Kind.SQL_AND_MARKUP, topic, energy, new Key(Table.ENERGY, machine, t));
      }
      default -> {
        String env =
            "{\"time\":\"%s\",\"machine_id\":\"%s\",\"cop\":3.1,\"%s\":\"%s\",\"%s\":{\"%s\":[\"%s\"]}}"
                .formatted(t, machine, MARKUP2, SQL, SQL2, MARKUP, SQL);
        return storedAs(
            Kind.SQL_AND_MARKUP,
            "factory/fuzz/m/environmental",
            env,
            new Key(Table.ENVIRONMENTAL, machine, t));
      }
    }
  }

  private Message brokenBatch() {
    String topic = "factory/fuzz/gateway-" + random.nextInt(4) + "/batch";
    switch (random.nextInt(6)) {
      case 0 -> {
        String[] notArrays = {"\"x\"", "5", "{}", "null", "{\"readings\":[]}"};
        return rejected(
            Kind.BROKEN_BATCH,
            topic,
            bytes(
                "{\"gateway_id\":\"g\",\"readings\":"
                    + notArrays[random.nextInt(notArrays.length)]
                    + "}"));
      }
      case 1 -> {
        return rejected(
            Kind.BROKEN_BATCH,
            topic,
            bytes(
                random.nextBoolean()
                    ? "{\"gateway_id\":\"g\"}"
                    : "[" + energyJson(machine(), nextTime()) + "]"));
      }
      case 2 -> {
        return new Message(
            Kind.BROKEN_BATCH,
            topic,
            bytes("{\"gateway_id\":\"g\",\"readings\":[]}"),
            true,
            Set.of(),
            0);
      }
      default -> {
        int n = random.nextInt(200) == 0 ? 200 + random.nextInt(800) : 1 + random.nextInt(12);
        StringBuilder items = new StringBuilder();
        Set<Key> stored = new LinkedHashSet<>();
        int rejects = 0;
        String previousGood = null;
        for (int i = 0; i < n; i++) {
          if (i > 0) {
            items.append(random.nextBoolean() ? "," : " ,\n ");
          }
          UUID machine = machine();
          Instant t = nextTime();
          int pick = random.nextInt(12);
          if (pick == 0 && previousGood != null) {
            // the same item twice in one batch: stored once
            items.append(previousGood);
          } else if (pick <= 3) {
            String item = "{\"data_type\":\"energy\"," + energyJson(machine, t).substring(1);
            items.append(item);
            stored.add(new Key(Table.ENERGY, machine, t));
            previousGood = item;
          } else if (pick == 4) {
            items.append(
                "{\"data_type\":\"production\",\"time\":\"%s\",\"machine_id\":\"%s\",\"production_count\":%d}"
                    .formatted(t, machine, random.nextInt(1000)));
            stored.add(new Key(Table.PRODUCTION, machine, t));
          } else {
            String[] bad = {
              "1",
              "\"reading\"",
              "null",
              "[]",
              "[" + energyJson(machine, t) + "]",
              "{\"data_type\":\"batch\",\"readings\":[]}",
              "{\"data_type\":\"" + SQL + "\"}",
              "{\"data_type\":42}",
              "{\"data_type\":\"energy\",\"time\":\"%s\",\"machine_id\":\"%s\",\"power_kw\":\"1\",\"energy_kwh\":1}"
                  .formatted(t, machine),
              "{\"data_type\":\"energy\",\"time\":\"%s\",\"machine_id\":\"%s\",\"power_kw\":1,\"energy_kwh\":1}"
                  .formatted(t, new UUID(random.nextLong(), random.nextLong())),
              "{\"data_type\":\"energy\",\"time\":\"3026-01-01T00:00:00Z\",\"machine_id\":\"%s\",\"power_kw\":1,\"energy_kwh\":1}"
                  .formatted(machine),
              "{\"data_type\":\"status\",\"time\":\"%s\",\"machine_id\":\"%s\"}"
                  .formatted(t, machine),
              "{\"data_type\":\"production\",\"time\":\"%s\",\"machine_id\":\"%s\",\"production_count\":1e30}"
                  .formatted(t, machine),
              "{\"data_type\":\"energy\",\"time\":\"%s\",\"machine_id\":\"%s\",\"power_kw\":1e999,\"energy_kwh\":1}"
                  .formatted(t, machine),
            };
            items.append(bad[random.nextInt(bad.length)]);
            rejects++;
          }
        }
        String json = "{\"gateway_id\":\"gw\",\"readings\":[" + items + "]}";
        return new Message(Kind.BROKEN_BATCH, topic, bytes(json), true, stored, rejects);
      }
    }
  }

  private Message oddTopic() {
    UUID machine = machine();
    Instant t = nextTime();
    String json = energyJson(machine, t);
    int pick = random.nextInt(3);
    if (pick == 0) {
      String[] odd = {
        "factory/Werk Süd/机器-1/energy",
        "factory/x/not-a-uuid/energy",
        // Paho, which publishes these, cannot send characters outside the BMP; see
        // unreadableByPaho() for those.
        "factory/\u2603\u00e9\u0416/\u202Eevil\u202C/energy",
        "factory/ /  /energy",
        "factory/" + "f".repeat(1 + random.nextInt(60_000)) + "/m/energy",
        "factory/x/" + "ü".repeat(1 + random.nextInt(20_000)) + "/energy",
        "factory/$SYS/m/energy",
        "factory/..%2F..%2Fetc%2Fpasswd/m/energy",
      };
      return storedAs(
          Kind.ODD_TOPIC, odd[random.nextInt(odd.length)], json, new Key(Table.ENERGY, machine, t));
    }
    if (pick == 1) {
      String[] invalid = {
        "factory",
        "factory/",
        "factory/x",
        "factory/x/m",
        "factory/x/m/",
        "factory/x/m/energy/",
        "factory/x/m/energy/extra",
        "factory/a/b/c/d/e/f/g/energy",
        "factory//m/energy",
        "factory/x//energy",
        "factory/x/m/ENERGY",
        "factory/x/m/weather",
        "factory/x/m/" + "energy".repeat(5_000),
        // Mosquitto refuses more than 200 levels (a protocol error: it disconnects the sender)
        "factory/" + "/".repeat(1 + random.nextInt(150)),
      };
      return rejected(Kind.ODD_TOPIC, invalid[random.nextInt(invalid.length)], bytes(json));
    }
    String[] elsewhere = {
      "Factory/x/m/energy",
      "factories/x/m/energy",
      "/factory/x/m/energy",
      "fuzz",
      "x/factory/m/energy",
      " factory/x/m/energy"
    };
    return new Message(
        Kind.ODD_TOPIC,
        elsewhere[random.nextInt(elsewhere.length)],
        bytes(json),
        false,
        Set.of(),
        0);
  }

  private Message large() {
    if (random.nextBoolean()) {
      return randomBytes(Kind.LARGE, 8_192 + random.nextInt(65_536));
    }
    return paddedGood(20_000 + random.nextInt(200_000), true);
  }

  // --- building blocks ---

  private Message count(Message m) {
    counts.merge(m.kind(), 1, Integer::sum);
    return m;
  }

  private Message goodBatch() {
    int n = 2 + random.nextInt(5);
    StringBuilder items = new StringBuilder();
    Set<Key> keys = new LinkedHashSet<>();
    for (int i = 0; i < n; i++) {
      UUID machine = machine();
      Instant t = nextTime();
      items
          .append(i == 0 ? "" : ",")
          .append("{\"data_type\":\"energy\",")
          .append(energyJson(machine, t).substring(1));
      keys.add(new Key(Table.ENERGY, machine, t));
    }
    return new Message(
        Kind.GOOD,
        "factory/fuzz/gw/batch",
        bytes("{\"gateway_id\":\"gw\",\"readings\":[" + items + "]}"),
        true,
        keys,
        0);
  }

  private static Message rejected(Kind kind, String topic, byte[] payload) {
    return new Message(kind, topic, payload, true, Set.of(), 1);
  }

  private static Message storedAs(Kind kind, String topic, String json, Key key) {
    return new Message(kind, topic, bytes(json), true, Set.of(key), 0);
  }

  private String anyValidTopic() {
    String[] types = {
      "energy",
      "production",
      "environmental",
      "status",
      "batch",
      "electricity",
      "natural_gas",
      "steam"
    };
    return "factory/fuzz/" + machine() + "/" + types[random.nextInt(types.length)];
  }

  private String energyJson(UUID machine, Instant t) {
    return "{\"time\":\"%s\",\"machine_id\":\"%s\",\"power_kw\":%s,\"energy_kwh\":%s}"
        .formatted(t, machine, power(), energy());
  }

  private UUID machine() {
    return machines.get(random.nextInt(machines.size()));
  }

  private Instant nextTime() {
    return base.plusMillis(tick++);
  }

  private String power() {
    return String.valueOf(Math.round(random.nextDouble() * 500_000) / 1000.0);
  }

  private String energy() {
    return String.valueOf(Math.round(random.nextDouble() * 100_000) / 1_000_000.0);
  }

  private static String naive(Instant t) {
    return LocalDateTime.ofInstant(t, ZoneOffset.UTC).toString();
  }

  private static String offset(Instant t) {
    return t.atOffset(ZoneOffset.ofHours(2)).toString();
  }

  /** {@code depth} nested arrays; the outermost is one level. */
  private String nest(int depth) {
    return random.nextBoolean()
        ? "[".repeat(depth) + "]".repeat(depth)
        : "{\"a\":".repeat(depth - 1) + "{}" + "}".repeat(depth - 1);
  }

  /** {@code json} with {@code @@} replaced by raw bytes. */
  private static byte[] splice(String json, byte[] raw) {
    int at = json.indexOf("@@");
    var out = new ByteArrayOutputStream();
    out.writeBytes(bytes(json.substring(0, at)));
    out.writeBytes(raw);
    out.writeBytes(bytes(json.substring(at + 2)));
    return out.toByteArray();
  }

  private static byte[] bytes(String s) {
    return s.getBytes(UTF_8);
  }
}
