package org.enms.http.registry;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import org.enms.http.error.ApiException;
import org.enms.http.support.RequestBodies;
import org.junit.jupiter.api.Test;

class FactoryBodyTest {
  private static final FactoryRegistry.Input CURRENT =
      new FactoryRegistry.Input("Plant A", "Bremen", "Europe/Berlin");

  private static FactoryRegistry.Input patch(String json) {
    JsonNode sent = RequestBodies.tree(json);
    return RequestBodies.read(sent, FactoryBody.class).over(CURRENT, sent);
  }

  @Test
  void aCreateTrimsTheNameAndDefaultsToUtc() {
    assertThat(RequestBodies.read("{\"name\":\" Plant B \"}", FactoryBody.class).toNew())
        .isEqualTo(new FactoryRegistry.Input("Plant B", null, "UTC"));
  }

  @Test
  void aPatchClearsTheLocationSentAsNullButKeepsANullNameOrZone() {
    assertThat(patch("{\"location\":null,\"name\":null,\"timezone\":null}"))
        .isEqualTo(new FactoryRegistry.Input("Plant A", null, "Europe/Berlin"));
    assertThat(patch("{}")).isEqualTo(CURRENT);
  }

  @Test
  void refusesAnUnknownTimeZone() {
    assertThatThrownBy(() -> patch("{\"timezone\":\"Mars/Olympus\"}"))
        .isInstanceOfSatisfying(
            ApiException.class,
            e -> assertThat(e.detail().toString()).contains("unknown time zone Mars/Olympus"));
  }
}
