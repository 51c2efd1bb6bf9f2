package org.enms.http.registry;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.UUID;
import org.enms.http.support.Violations;

/**
 * The body of {@code POST /factories} and {@code PATCH /factories/{id}}. A create needs {@code
 * name}; the time zone defaults to UTC. A PATCH changes the fields sent; {@code location} sent as
 * {@code null} is cleared, a {@code null} name or time zone keeps the current one.
 *
 * @param id the new factory's id; generated when absent (create only)
 * @param timezone IANA zone id
 */
record FactoryBody(UUID id, String name, String location, String timezone) {

  FactoryRegistry.Input toNew() {
    check(true);
    return new FactoryRegistry.Input(
        Bodies.trimmed(name), location, timezone == null ? "UTC" : timezone);
  }

  /**
   * @param sent the body's tree, which tells a field sent as null from one left out
   */
  FactoryRegistry.Input over(FactoryRegistry.Input current, JsonNode sent) {
    check(false);
    return new FactoryRegistry.Input(
        name == null ? current.name() : Bodies.trimmed(name),
        sent.has("location") ? location : current.location(),
        timezone == null ? current.timezone() : timezone);
  }

  private void check(boolean create) {
    Violations v = new Violations();
    if (create) {
      v.name("name", name);
    } else {
      v.notBlank("name", name);
    }
    v.zone("timezone", timezone);
    v.check();
  }
}
