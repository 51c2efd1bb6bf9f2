package org.enms.ingest.parse;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.IntFunction;
import org.enms.core.json.Json;
import org.enms.core.reading.DataType;
import org.enms.core.reading.EnergyReading;
import org.enms.core.reading.EnergyType;
import org.enms.core.reading.EnvironmentalReading;
import org.enms.core.reading.ProductionReading;
import org.enms.core.reading.Reading;
import org.enms.core.reading.StatusReading;
import org.enms.core.reading.Topic;

/**
 * Turns one MQTT message (topic + JSON) into readings. Single messages follow the original's
 * payloads per data type; a gateway {@code batch} message carries {@code readings[]}, each with its
 * own {@code data_type}. Bad readings inside a batch are rejected one by one, so one bad reading
 * does not cost the good ones.
 *
 * <p>Whatever arrives, the answer is readings and rejections, never an exception: a message larger
 * than the limit is rejected unparsed, so is one that is not strictly UTF-8 ({@link Utf8}), and
 * Jackson's own limits (nesting depth 1,000, numbers of 1,000 digits, strings of 20 MB) turn
 * pathological JSON into a "malformed JSON" rejection.
 */
public final class PayloadParser {
  private static final ObjectMapper MAPPER = Json.mapper();
  private static final Set<String> ENVIRONMENTAL_FIELDS =
      Set.of(
          "time",
          "timestamp",
          "machine_id",
          "outdoor_temp_c",
          "indoor_temp_c",
          "machine_temp_c",
          "outdoor_humidity_percent",
          "indoor_humidity_percent",
          "pressure_bar",
          "flow_rate_m3h",
          "supply_air_temp_c",
          "return_air_temp_c",
          "chilled_water_supply_temp_c",
          "chilled_water_return_temp_c",
          "cop",
          "vibration_mm_s");

  /**
   * The readings of a message, the reasons for those that were rejected, and where each reading
   * came from.
   *
   * @param raw the raw bytes of the reading at an index of {@code readings}: the whole payload of a
   *     single message, the reading's item of a gateway batch
   */
  public record Parsed(
      List<Reading> readings, List<Rejection> rejections, IntFunction<byte[]> raw) {
    Parsed(List<Reading> readings, List<Rejection> rejections, byte[] payload) {
      this(readings, rejections, i -> payload);
    }
  }

  /**
   * One rejected reading: why, and its raw bytes (the whole payload for a single message, its item
   * for a reading of a gateway batch).
   */
  public record Rejection(String reason, byte[] payload) {}

  private final int maxPayloadBytes;

  /**
   * @param maxPayloadBytes larger payloads are rejected without being parsed
   */
  public PayloadParser(int maxPayloadBytes) {
    this.maxPayloadBytes = maxPayloadBytes;
  }

  public Parsed parse(String topicText, byte[] payload) {
    Optional<Topic> topic = Topic.parse(topicText);
    if (topic.isEmpty()) {
      return rejected(
          "topic does not match factory/{factory_id}/{machine_id}/{data_type}", payload);
    }
    if (payload.length > maxPayloadBytes) {
      return rejected(
          "payload of " + payload.length + " bytes exceeds the limit of " + maxPayloadBytes,
          payload);
    }
    int invalid = Utf8.firstInvalid(payload);
    if (invalid >= 0) {
      return rejected("payload is not valid UTF-8 (byte " + invalid + ")", payload);
    }
    if (containsEscapedNul(payload)) {
      return rejected(
          "payload contains a NUL character (\\u0000), which the database cannot store", payload);
    }
    JsonNode root;
    try {
      root = MAPPER.readTree(payload);
    } catch (IOException e) {
      return rejected("malformed JSON: " + firstLine(e), payload);
    }
    if (root == null || !root.isObject()) {
      return rejected("payload is not a JSON object", payload);
    }
    if (topic.get().dataType() == DataType.BATCH) {
      return parseBatch(root, payload);
    }
    try {
      return new Parsed(List.of(parseOne(topic.get().dataType(), root)), List.of(), payload);
    } catch (RejectedPayloadException e) {
      return rejected(e.reason(), payload);
    }
  }

  private Parsed parseBatch(JsonNode root, byte[] payload) {
    JsonNode items = root.get("readings");
    if (items == null || !items.isArray()) {
      return rejected("gateway batch without a readings array", payload);
    }
    List<Reading> readings = new ArrayList<>(items.size());
    int[] itemOfReading = new int[items.size()];
    List<Rejection> rejections = new ArrayList<>();
    BatchItems raw = new BatchItems(payload, items);
    for (int i = 0; i < items.size(); i++) {
      JsonNode item = items.get(i);
      try {
        if (!item.isObject()) {
          throw new RejectedPayloadException("batch item is not a JSON object");
        }
        JsonNode typeNode = item.get("data_type");
        String typeName = typeNode == null ? "energy" : typeNode.asText();
        DataType type =
            DataType.fromWireName(typeName)
                .filter(t -> t != DataType.BATCH)
                .orElseThrow(() -> new RejectedPayloadException("unknown data_type " + typeName));
        itemOfReading[readings.size()] = i;
        readings.add(parseOne(type, item));
      } catch (RejectedPayloadException e) {
        rejections.add(new Rejection(e.reason(), raw.raw(i)));
      }
    }
    return new Parsed(readings, rejections, r -> raw.raw(itemOfReading[r]));
  }

  private Reading parseOne(DataType type, JsonNode node) throws RejectedPayloadException {
    Fields f = new Fields(node);
    return switch (type) {
      case ENERGY, ELECTRICITY -> electricity(f);
      case NATURAL_GAS ->
          carrier(
              f,
              node,
              EnergyType.NATURAL_GAS,
              "flow_rate_m3h",
              "consumption_m3",
              EnergyType.GAS_KWH_PER_M3);
      case STEAM ->
          carrier(
              f,
              node,
              EnergyType.STEAM,
              "flow_rate_kg_h",
              "consumption_kg",
              EnergyType.STEAM_KWH_PER_KG);
      case PRODUCTION -> production(f);
      case ENVIRONMENTAL -> environmental(f, node);
      case STATUS -> status(f);
      case BATCH -> throw new RejectedPayloadException("nested batch");
    };
  }

  private static EnergyReading electricity(Fields f) throws RejectedPayloadException {
    var machine = f.machineId();
    var time = f.time();
    double power = f.requiredDouble("power_kw");
    Double energy = nonNegative("energy_kwh", f.optionalDouble("energy_kwh"));
    Double counter = nonNegative("energy_total_kwh", f.optionalDouble("energy_total_kwh"));
    if (energy == null && counter == null) {
      throw new RejectedPayloadException("missing field energy_kwh (or energy_total_kwh)");
    }
    return new EnergyReading(
        machine,
        time,
        EnergyType.ELECTRICITY,
        power,
        energy,
        counter,
        f.optionalDouble("voltage_v"),
        f.optionalDouble("current_a"),
        f.optionalDouble("power_factor"),
        f.optionalDouble("frequency_hz"),
        null);
  }

  /** Gas and steam become kWh equivalents; their native quantities stay in the metadata. */
  private static EnergyReading carrier(
      Fields f,
      JsonNode node,
      String energyType,
      String flowField,
      String consumptionField,
      double kwhPerUnit)
      throws RejectedPayloadException {
    var machine = f.machineId();
    var time = f.time();
    double flow = f.requiredDouble(flowField);
    double consumption = nonNegative(consumptionField, f.requiredDouble(consumptionField));
    ObjectNode meta = ((ObjectNode) node).deepCopy();
    meta.remove(List.of("time", "timestamp", "machine_id"));
    return new EnergyReading(
        machine,
        time,
        energyType,
        flow * kwhPerUnit,
        consumption * kwhPerUnit,
        null,
        null,
        null,
        null,
        null,
        meta.toString());
  }

  private static ProductionReading production(Fields f) throws RejectedPayloadException {
    var machine = f.machineId();
    var time = f.time();
    long count = f.requiredCount("production_count");
    Long good = f.optionalCount("production_count_good");
    Long bad = f.optionalCount("production_count_bad");
    Double throughput = f.optionalDouble("throughput_units_per_hour");
    if (throughput == null) {
      throughput = f.optionalDouble("production_rate");
    }
    return new ProductionReading(
        machine,
        time,
        count,
        good == null ? count : good,
        bad == null ? 0 : bad,
        throughput,
        f.optionalText("operating_mode"),
        f.optionalDouble("speed_percent"),
        f.optionalText("recipe_id"),
        null);
  }

  private static EnvironmentalReading environmental(Fields f, JsonNode node)
      throws RejectedPayloadException {
    var machine = f.machineId();
    var time = f.time();
    ObjectNode extra = MAPPER.createObjectNode();
    node.fields()
        .forEachRemaining(
            e -> {
              if (!ENVIRONMENTAL_FIELDS.contains(e.getKey())) {
                extra.set(e.getKey(), e.getValue());
              }
            });
    return new EnvironmentalReading(
        machine,
        time,
        f.optionalDouble("outdoor_temp_c"),
        f.optionalDouble("indoor_temp_c"),
        f.optionalDouble("machine_temp_c"),
        f.optionalDouble("outdoor_humidity_percent"),
        f.optionalDouble("indoor_humidity_percent"),
        f.optionalDouble("pressure_bar"),
        f.optionalDouble("flow_rate_m3h"),
        f.optionalDouble("supply_air_temp_c"),
        f.optionalDouble("return_air_temp_c"),
        f.optionalDouble("chilled_water_supply_temp_c"),
        f.optionalDouble("chilled_water_return_temp_c"),
        f.optionalDouble("cop"),
        f.optionalDouble("vibration_mm_s"),
        extra.isEmpty() ? null : extra.toString());
  }

  private static StatusReading status(Fields f) throws RejectedPayloadException {
    var machine = f.machineId();
    var time = f.time();
    Boolean running = f.optionalBoolean("is_running");
    if (running == null) {
      throw new RejectedPayloadException("missing field is_running");
    }
    return new StatusReading(
        machine,
        time,
        running,
        f.optionalText("operating_mode"),
        f.optionalDouble("current_power_kw"));
  }

  /**
   * JSON can only carry NUL escaped, as a backslash-u-0000 sequence; an escaped backslash followed
   * by the text "u0000" is not one, so escapes are skipped pairwise.
   */
  private static boolean containsEscapedNul(byte[] payload) {
    for (int i = 0; i < payload.length - 1; i++) {
      if (payload[i] != '\\') {
        continue;
      }
      if ((payload[i + 1] == 'u' || payload[i + 1] == 'U')
          && i + 5 < payload.length
          && payload[i + 2] == '0'
          && payload[i + 3] == '0'
          && payload[i + 4] == '0'
          && payload[i + 5] == '0') {
        return true;
      }
      i++; // the escaped character, e.g. the second backslash of an escaped backslash
    }
    return false;
  }

  private static Double nonNegative(String field, Double value) throws RejectedPayloadException {
    if (value != null && value < 0) {
      throw new RejectedPayloadException("field " + field + ": must not be negative");
    }
    return value;
  }

  private static Parsed rejected(String reason, byte[] payload) {
    return new Parsed(List.of(), List.of(new Rejection(reason, payload)), payload);
  }

  private static String firstLine(IOException e) {
    String m = e instanceof JsonProcessingException j ? j.getOriginalMessage() : e.getMessage();
    int nl = m == null ? -1 : m.indexOf('\n');
    return nl < 0 ? String.valueOf(m) : m.substring(0, nl);
  }
}
