package org.enms.http.docs;

import com.fasterxml.jackson.core.JsonProcessingException;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import org.enms.core.json.Json;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;

/**
 * The OpenAPI document of the whole API ({@code openapi.yaml} beside this class), as written and as
 * JSON. Read once: a missing or unreadable document is a packaging error and fails at start.
 */
public record ApiDocument(String yaml, String json) {
  static final String RESOURCE = "/org/enms/http/docs/openapi.yaml";

  public static ApiDocument fromClasspath() {
    try (InputStream in = ApiDocument.class.getResourceAsStream(RESOURCE)) {
      if (in == null) {
        throw new IllegalStateException(RESOURCE + " is not on the classpath");
      }
      String yaml = new String(in.readAllBytes(), StandardCharsets.UTF_8);
      // Plain maps, lists and scalars only: the document is data, never objects to build.
      Object tree = new Yaml(new SafeConstructor(new LoaderOptions())).load(yaml);
      return new ApiDocument(yaml, Json.mapper().writeValueAsString(tree));
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("the OpenAPI document cannot be written as JSON", e);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
