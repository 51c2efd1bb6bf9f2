package org.enms.db.registry;

import com.typesafe.config.Config;
import com.typesafe.config.ConfigException;
import com.typesafe.config.ConfigFactory;
import com.typesafe.config.ConfigParseOptions;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import java.util.function.Function;

/**
 * Reads a plant file: HOCON with one {@code plant} section (see {@code docs/plant-file.md}). Keys
 * are kebab-case; optional keys may be left out.
 */
public final class PlantFile {
  private PlantFile() {}

  /**
   * Parses the file at {@code path}.
   *
   * @throws IllegalArgumentException naming the file and the offending key when it cannot be read
   *     or a key is missing or ill-typed
   */
  public static PlantSpec load(Path path) {
    if (!Files.isRegularFile(path)) {
      throw new IllegalArgumentException("plant file " + path + " does not exist");
    }
    try {
      return parse(
          ConfigFactory.parseFile(
                  path.toFile(), ConfigParseOptions.defaults().setAllowMissing(false))
              .resolve());
    } catch (ConfigException | IllegalArgumentException e) {
      throw new IllegalArgumentException("plant file " + path + ": " + e.getMessage(), e);
    }
  }

  /** Parses the {@code plant} section of an already loaded configuration. */
  public static PlantSpec parse(Config root) {
    Config plant = root.getConfig("plant");
    return new PlantSpec(
        list(plant, "factories", PlantFile::factory),
        list(plant, "energy-sources", PlantFile::energySource),
        list(plant, "tariffs", PlantFile::tariff),
        list(plant, "machines", PlantFile::machine),
        list(plant, "seus", PlantFile::seu));
  }

  private static PlantSpec.FactorySpec factory(Config c) {
    return new PlantSpec.FactorySpec(
        uuid(c, "id"), c.getString("name"), string(c, "location"), string(c, "timezone"));
  }

  private static PlantSpec.EnergySourceSpec energySource(Config c) {
    return new PlantSpec.EnergySourceSpec(
        uuid(c, "id"),
        c.getString("name"),
        c.getString("unit"),
        number(c, "cost-per-unit"),
        number(c, "carbon-factor"),
        string(c, "description"));
  }

  /**
   * A tariff version. {@code kind} is {@code flat}, {@code time_of_use} or {@code demand_charge};
   * without it, {@code time-of-use = true} reads as time of use, as before tariffs had kinds.
   */
  private static PlantSpec.TariffSpec tariff(Config c) {
    String kind =
        c.hasPath("kind")
            ? c.getString("kind")
            : c.hasPath("time-of-use") && c.getBoolean("time-of-use")
                ? TariffDraft.TIME_OF_USE
                : TariffDraft.FLAT;
    Double rate = number(c, "rate-per-kwh");
    if (rate == null && !TariffDraft.DEMAND_CHARGE.equals(kind)) {
      throw new IllegalArgumentException("rate-per-kwh is required for a " + kind + " tariff");
    }
    return new PlantSpec.TariffSpec(
        uuid(c, "id"),
        c.getString("factory"),
        new TariffDraft(
            c.getString("name"),
            string(c, "description"),
            string(c, "energy-source"),
            kind,
            rate == null ? 0 : rate,
            c.hasPath("currency") ? c.getString("currency") : "USD",
            integer(c, "start-hour"),
            integer(c, "end-hour"),
            c.hasPath("applicable-days") ? c.getIntList("applicable-days") : null,
            number(c, "demand-charge-per-kw"),
            c.hasPath("valid-from")
                ? LocalDate.parse(c.getString("valid-from"))
                : PlantSpec.DEFAULT_VALID_FROM));
  }

  private static PlantSpec.MachineSpec machine(Config c) {
    List<PlantSpec.SourceSpec> sources =
        c.hasPath("energy-sources")
            ? c.getConfigList("energy-sources").stream()
                .map(s -> new PlantSpec.SourceSpec(s.getString("name"), string(s, "unit")))
                .toList()
            : List.of(new PlantSpec.SourceSpec("electricity", "kWh"));
    return new PlantSpec.MachineSpec(
        uuid(c, "id"),
        c.getString("factory"),
        c.getString("name"),
        c.hasPath("type") ? c.getString("type") : "other",
        c.getDouble("rated-power-kw"),
        c.hasPath("interval-seconds") ? c.getInt("interval-seconds") : 10,
        sources,
        string(c, "tariff"),
        c.hasPath("active") ? c.getBoolean("active") : null,
        string(c, "description"),
        string(c, "manufacturer"),
        string(c, "model"),
        string(c, "location"),
        string(c, "mqtt-topic"),
        c.hasPath("critical") && c.getBoolean("critical"),
        number(c, "rated-current-a"),
        number(c, "rated-voltage-v"));
  }

  private static PlantSpec.SeuSpec seu(Config c) {
    return new PlantSpec.SeuSpec(
        uuid(c, "id"),
        c.getString("name"),
        string(c, "description"),
        c.getString("energy-source"),
        c.getStringList("machines"),
        integer(c, "baseline-year"));
  }

  private static <T> List<T> list(Config c, String key, Function<Config, T> entry) {
    if (!c.hasPath(key)) {
      return List.of();
    }
    var entries = c.getConfigList(key);
    return java.util.stream.IntStream.range(0, entries.size())
        .mapToObj(
            i -> {
              try {
                return entry.apply(entries.get(i));
              } catch (ConfigException | IllegalArgumentException e) {
                throw new IllegalArgumentException(
                    "plant." + key + "[" + i + "]: " + e.getMessage(), e);
              }
            })
        .toList();
  }

  private static String string(Config c, String key) {
    return c.hasPath(key) ? c.getString(key) : null;
  }

  private static Double number(Config c, String key) {
    return c.hasPath(key) ? c.getDouble(key) : null;
  }

  private static Integer integer(Config c, String key) {
    return c.hasPath(key) ? c.getInt(key) : null;
  }

  private static UUID uuid(Config c, String key) {
    return c.hasPath(key) ? UUID.fromString(c.getString(key)) : null;
  }
}
