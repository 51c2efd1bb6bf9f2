package org.enms.node;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.enms.node.RouteScanner.Endpoint;

/**
 * An operation of the served OpenAPI document: its verb, its path as written ({@code
 * /machines/{machine_id}}) and its specification. Shown as {@code METHOD /path}.
 */
record DocumentedOperation(String method, String path, JsonNode spec) {
  static final List<String> METHODS = List.of("GET", "POST", "PUT", "PATCH", "DELETE");

  /** Every operation of {@code document} with one of {@link #METHODS}. */
  static List<DocumentedOperation> all(JsonNode document) {
    List<DocumentedOperation> operations = new ArrayList<>();
    document
        .path("paths")
        .fields()
        .forEachRemaining(
            path ->
                path.getValue()
                    .fields()
                    .forEachRemaining(
                        op -> {
                          String method = op.getKey().toUpperCase(Locale.ROOT);
                          if (METHODS.contains(method)) {
                            operations.add(
                                new DocumentedOperation(method, path.getKey(), op.getValue()));
                          }
                        }));
    return operations;
  }

  /** As the route scanner writes it: every path parameter {@code {}}. */
  Endpoint endpoint() {
    return new Endpoint(method, path.replaceAll("\\{[^}]+}", "{}"));
  }

  /** Its parameters {@code in} the path, the query, … */
  List<JsonNode> parameters(String in) {
    List<JsonNode> found = new ArrayList<>();
    spec.path("parameters").forEach(p -> found.add(p));
    return found.stream().filter(p -> p.path("in").asText().equals(in)).toList();
  }

  @Override
  public String toString() {
    return method + " " + path;
  }
}
