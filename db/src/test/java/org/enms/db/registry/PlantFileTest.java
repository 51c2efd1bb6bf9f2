package org.enms.db.registry;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.typesafe.config.ConfigFactory;
import java.nio.file.Path;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;

class PlantFileTest {
  @Test
  void readsTheDocumentedExampleWithDefaultsForOmittedKeys() {
    PlantSpec plant = PlantFile.load(Path.of("../docs/plant-example.conf"));

    assertThat(plant.factories())
        .extracting(PlantSpec.FactorySpec::timezone)
        .containsExactly("Europe/Berlin");
    assertThat(plant.tariffs()).hasSize(2);
    assertThat(plant.tariffs().get(0).tariff().applicableDays()).containsExactly(1, 2, 3, 4, 5);
    assertThat(plant.tariffs().get(1).tariff().validFrom()).isEqualTo(PlantSpec.DEFAULT_VALID_FROM);
    assertThat(plant.tariffs().get(0).tariff().validFrom()).isEqualTo(LocalDate.of(2025, 1, 1));
    PlantSpec.MachineSpec boiler = plant.machines().get(1);
    assertThat(boiler.id()).isNull();
    assertThat(boiler.energySources())
        .extracting(PlantSpec.SourceSpec::unit)
        .containsExactly("kWh", "m³", null);
    assertThat(plant.seus().get(0).machines()).containsExactly("Press-1");
  }

  @Test
  void aMachineWithoutEnergySourcesDrawsElectricityInKwhAndIsOfTypeOther() {
    PlantSpec plant =
        PlantFile.parse(
            ConfigFactory.parseString(
                "plant.machines = [ { name = M, factory = F, rated-power-kw = 2 } ]"));
    PlantSpec.MachineSpec m = plant.machines().get(0);
    assertThat(m.type()).isEqualTo("other");
    assertThat(m.intervalSeconds()).isEqualTo(10);
    assertThat(m.energySources()).containsExactly(new PlantSpec.SourceSpec("electricity", "kWh"));
    assertThat(m.active()).isNull();
  }

  @Test
  void namesTheEntryAndKeyOfAMissingRequiredValue() {
    assertThatThrownBy(
            () ->
                PlantFile.parse(
                    ConfigFactory.parseString(
                        "plant.machines = [ { name = M, factory = F, rated-power-kw = 2 }, { name = N } ]")))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("plant.machines[1]")
        .hasMessageContaining("factory");
    assertThatThrownBy(() -> PlantFile.load(Path.of("no/such/plant.conf")))
        .hasMessageContaining("does not exist");
  }
}
