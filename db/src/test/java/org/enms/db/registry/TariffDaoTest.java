package org.enms.db.registry;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.typesafe.config.ConfigFactory;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.enms.core.plant.DemoPlant;
import org.enms.db.kpi.CostRollupDao;
import org.enms.db.kpi.CostRow;
import org.enms.db.testing.PostgresExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Tariff versions from the plant file and the API, and what the registry refuses. */
class TariffDaoTest {
  @RegisterExtension static final PostgresExtension pg = new PostgresExtension();

  private static PlantSpec plant(String text) {
    return PlantFile.parse(ConfigFactory.parseString(text));
  }

  private static TariffDraft flat(String name, String currency, LocalDate from) {
    return new TariffDraft(
        name, null, null, TariffDraft.FLAT, 0.2, currency, null, null, null, null, from);
  }

  @Test
  void aPlantFileAddsAVersionForEachStartAndKeepsThemOnReapplying() {
    String file =
        """
        plant {
          factories = [ { name = "Versioned Works", timezone = "Europe/Berlin" } ]
          tariffs = [
            { factory = "Versioned Works", name = "Grid", rate-per-kwh = 0.20, currency = EUR,
              valid-from = "2025-01-01" }
            { factory = "Versioned Works", name = "Grid", rate-per-kwh = 0.24, currency = EUR,
              valid-from = "2025-07-01" }
            { factory = "Versioned Works", name = "Peak demand", kind = demand_charge,
              demand-charge-per-kw = 11.5, currency = EUR }
            { factory = "Versioned Works", name = "Gas", energy-source = natural_gas,
              rate-per-kwh = 0.07, currency = EUR }
          ]
        }
        """;
    var applier = new PlantApplier(pg.database());
    assertThat(applier.apply(plant(file)).created()).isEqualTo(5);
    assertThat(applier.apply(plant(file)).created()).isZero();

    UUID factory = PlantIds.factory("Versioned Works");
    List<TariffRecord> versions =
        new TariffDao(pg.database()).list(Optional.of(factory), Optional.empty());

    assertThat(versions)
        .extracting(t -> t.energySource() + "/" + t.name() + "/" + t.version() + "/" + t.kind())
        .containsExactly(
            "electricity/Grid/1/flat",
            "electricity/Grid/2/flat",
            "electricity/Peak demand/1/demand_charge",
            "natural_gas/Gas/1/flat");
    assertThat(versions.get(0).supersededOn()).isEqualTo(LocalDate.of(2025, 7, 1));
    assertThat(versions.get(1).supersededOn()).isNull();
    assertThat(versions.get(2).demandChargePerKw()).isEqualTo(11.5);
  }

  @Test
  void aVersionOverPricedIntervalsIsAConflictUnlessTheCallerReprices() {
    var tariffs = new TariffDao(pg.database());
    UUID factory = DemoPlant.EUROPE_FACTORY;
    Instant priced = Instant.parse("2025-03-10T09:00:00Z");
    new CostRollupDao(pg.database())
        .write(
            List.of(
                new CostRow(
                    priced,
                    DemoPlant.machineId(6),
                    "electricity",
                    LocalDate.of(2025, 3, 1),
                    1,
                    4,
                    null,
                    0.18,
                    0.18,
                    "EUR",
                    null,
                    null,
                    0.45,
                    0.45)),
            false);

    assertThatThrownBy(
            () ->
                tariffs.create(
                    null, factory, flat("Night", "EUR", LocalDate.of(2025, 3, 10)), false))
        .isInstanceOfSatisfying(
            RegistryException.class,
            e -> {
              assertThat(e.kind()).isEqualTo(RegistryException.Kind.CONFLICT);
              assertThat(e.field()).isEqualTo("valid_from");
              assertThat(e.getMessage()).contains("a new version can start on 2025-03-11");
            });
    assertThat(
            tariffs
                .create(null, factory, flat("Night", "EUR", LocalDate.of(2025, 3, 11)), false)
                .version())
        .isEqualTo(1);
    assertThat(
            tariffs
                .create(null, factory, flat("Night", "EUR", LocalDate.of(2025, 3, 1)), true)
                .version())
        .isEqualTo(1);
  }

  @Test
  void aFactoryBillsInOneCurrencyAndATariffKeepsItsEnergySource() {
    var tariffs = new TariffDao(pg.database());
    UUID demo = DemoPlant.DEMO_FACTORY;

    assertThatThrownBy(
            () -> tariffs.create(null, demo, flat("Euro", "EUR", LocalDate.of(2030, 1, 1)), false))
        .isInstanceOfSatisfying(
            RegistryException.class, e -> assertThat(e.field()).isEqualTo("currency"));
    assertThatThrownBy(
            () ->
                tariffs.create(
                    null,
                    demo,
                    new TariffDraft(
                        "Peak Hours Rate",
                        null,
                        "natural_gas",
                        TariffDraft.FLAT,
                        0.2,
                        "USD",
                        null,
                        null,
                        null,
                        null,
                        LocalDate.of(2030, 1, 1)),
                    false))
        .isInstanceOfSatisfying(
            RegistryException.class, e -> assertThat(e.field()).isEqualTo("energy_source"));
    assertThatThrownBy(
            () ->
                tariffs.create(
                    null,
                    demo,
                    new TariffDraft(
                        "Odd",
                        null,
                        null,
                        TariffDraft.TIME_OF_USE,
                        0.2,
                        "USD",
                        9,
                        null,
                        null,
                        null,
                        LocalDate.of(2030, 1, 1)),
                    false))
        .isInstanceOfSatisfying(
            RegistryException.class, e -> assertThat(e.field()).isEqualTo("start_hour"));
  }
}
