package org.enms.http.docs;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.swagger.v3.core.converter.AnnotatedType;
import io.swagger.v3.core.converter.ModelConverters;
import io.swagger.v3.core.jackson.ModelResolver;
import io.swagger.v3.core.jackson.TypeNameResolver;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.media.Schema;
import io.swagger.v3.parser.OpenAPIV3Parser;
import io.swagger.v3.parser.core.models.ParseOptions;
import io.swagger.v3.parser.core.models.SwaggerParseResult;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.enms.core.json.Json;
import org.junit.jupiter.api.Test;

/**
 * The document itself: valid OpenAPI with nothing unresolved, the same as YAML and as JSON, and its
 * schemas' field names those of the records the API really writes and reads.
 */
class OpenApiDocumentTest {
  private final ApiDocument document = ApiDocument.fromClasspath();

  private OpenAPI parsed() {
    ParseOptions options = new ParseOptions();
    options.setResolve(true);
    SwaggerParseResult result = new OpenAPIV3Parser().readContents(document.yaml(), null, options);
    assertThat(result.getMessages()).as("swagger-parser's findings").isEmpty();
    return result.getOpenAPI();
  }

  @Test
  void isValidOpenApiWithoutAnyFinding() {
    OpenAPI api = parsed();

    assertThat(api.getOpenapi()).startsWith("3.0");
    assertThat(api.getPaths()).hasSizeGreaterThan(90);
    assertThat(api.getComponents().getSecuritySchemes()).containsKeys("bearerAuth", "apiKey");
  }

  @Test
  void servesTheSameDocumentAsJson() throws Exception {
    JsonNode fromYaml =
        Json.mapper()
            .readTree(
                Json.mapper()
                    .writeValueAsString(new org.yaml.snakeyaml.Yaml().load(document.yaml())));

    assertThat(Json.mapper().readTree(document.json())).isEqualTo(fromYaml);
  }

  @Test
  void everyOperationAnswersErrorsInTheDetailEnvelopeAndSaysWhichRoleItNeeds() {
    parsed()
        .getPaths()
        .forEach(
            (path, item) ->
                item.readOperationsMap()
                    .forEach(
                        (method, operation) -> {
                          String where = method + " " + path;
                          assertThat(operation.getResponses()).as(where).containsKey("429");
                          assertThat(operation.getExtensions())
                              .as(where)
                              .containsKey("x-required-role");
                          operation
                              .getResponses()
                              .forEach(
                                  (status, response) -> {
                                    if (status.startsWith("4")) {
                                      assertThat(response.get$ref())
                                          .as(where + " " + status)
                                          .startsWith("#/components/responses/");
                                    }
                                  });
                        }));
  }

  /**
   * Each schema with {@code x-java-class} lists exactly the JSON fields of that class, as the
   * shared mapper (snake_case) writes it: a renamed or added record field fails here until the
   * document says so.
   */
  @Test
  void schemaFieldsAreThoseOfTheRecordsTheApiWrites() throws Exception {
    ModelConverters converters = new ModelConverters();
    converters.addConverter(new ModelResolver(Json.mapper(), new NestedNames()));
    @SuppressWarnings("rawtypes")
    Map<String, Schema> schemas = parsed().getComponents().getSchemas();
    int checked = 0;
    for (var entry : schemas.entrySet()) {
      Object javaClass =
          entry.getValue().getExtensions() == null
              ? null
              : entry.getValue().getExtensions().get("x-java-class");
      if (javaClass == null) {
        continue;
      }
      Schema<?> actual =
          converters.resolveAsResolvedSchema(new AnnotatedType(Class.forName((String) javaClass)))
              .schema;
      assertThat(names(entry.getValue()))
          .as("fields of " + entry.getKey() + " (" + javaClass + ")")
          .isEqualTo(names(actual));
      checked++;
    }
    assertThat(checked).isGreaterThan(150);
  }

  private static Set<String> names(Schema<?> schema) {
    return schema.getProperties() == null
        ? Set.of()
        : new TreeSet<>(schema.getProperties().keySet());
  }

  /**
   * Nested records named with their outer class ({@code FactoryRegistryEntry}), as the document.
   */
  private static final class NestedNames extends TypeNameResolver {
    @Override
    protected String getNameOfClass(Class<?> cls) {
      StringBuilder name = new StringBuilder(cls.getSimpleName());
      for (Class<?> outer = cls.getEnclosingClass();
          outer != null;
          outer = outer.getEnclosingClass()) {
        name.insert(0, outer.getSimpleName());
      }
      return name.toString();
    }
  }
}
