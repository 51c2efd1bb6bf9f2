package org.enms.http.registry;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import org.enms.http.error.ApiException;
import org.enms.http.support.RequestBodies;
import org.junit.jupiter.api.Test;

class EnergySourceBodyTest {
  private static final EnergySourceRegistry.Input CURRENT =
      new EnergySourceRegistry.Input("electricity", "kWh", 0.15, 0.45, "Grid");

  private static EnergySourceRegistry.Input patch(String json) {
    JsonNode sent = RequestBodies.tree(json);
    return RequestBodies.read(sent, EnergySourceBody.class).over(CURRENT, sent);
  }

  @Test
  void aPatchClearsPriceFactorAndDescriptionSentAsNullButKeepsANullNameOrUnit() {
    assertThat(
            patch(
                "{\"cost_per_unit\":null,\"carbon_factor\":null,\"description\":null,"
                    + "\"name\":null,\"unit\":null}"))
        .isEqualTo(new EnergySourceRegistry.Input("electricity", "kWh", null, null, null));
    assertThat(patch("{\"cost_per_unit\":0.2}").costPerUnit()).isEqualTo(0.2);
    assertThat(patch("{}")).isEqualTo(CURRENT);
  }

  @Test
  void aCreateNeedsNameAndUnitAndRefusesNegativeNumbers() {
    assertThatThrownBy(
            () -> RequestBodies.read("{\"cost_per_unit\":-1}", EnergySourceBody.class).toNew())
        .isInstanceOfSatisfying(
            ApiException.class,
            e ->
                assertThat(e.detail().toString())
                    .contains("[body, name], msg=field required")
                    .contains("[body, unit], msg=field required")
                    .contains(
                        "[body, cost_per_unit], msg=ensure this value is greater than or equal to 0"));
    assertThat(
            RequestBodies.read("{\"name\":\" steam \",\"unit\":\" kg \"}", EnergySourceBody.class)
                .toNew())
        .isEqualTo(new EnergySourceRegistry.Input("steam", "kg", null, null, null));
  }
}
