package org.enms.node.cli;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.net.ConnectException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.enms.core.json.Json;

/**
 * A small client of the running node's REST API for the command line: JSON in and out, and the
 * API's {@code detail} turned into one readable message when a call fails. Sends {@code
 * ENMS_API_TOKEN} (a bearer token) or {@code ENMS_API_KEY} when set.
 */
final class RegistryClient {
  private final String base;
  private final HttpClient http =
      HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

  RegistryClient(String base) {
    this.base = base.endsWith("/") ? base.substring(0, base.length() - 1) : base;
  }

  /** A call the API refused, or that could not be made; {@code getMessage()} is for the user. */
  static final class Failure extends RuntimeException {
    private static final long serialVersionUID = 1L;

    Failure(String message) {
      super(message, null, false, false);
    }
  }

  private static java.util.Optional<String> env(String name) {
    return java.util.Optional.ofNullable(System.getenv(name)).filter(v -> !v.isBlank());
  }

  JsonNode get(String path) {
    return call("GET", path, null);
  }

  JsonNode call(String method, String path, Object body) {
    HttpRequest.Builder request =
        HttpRequest.newBuilder(URI.create(base + path))
            .timeout(Duration.ofSeconds(30))
            .header("Content-Type", "application/json");
    // A node that enforces roles wants a credential for writes: a token or an API key.
    env("ENMS_API_TOKEN").ifPresent(t -> request.header("Authorization", "Bearer " + t));
    env("ENMS_API_KEY").ifPresent(k -> request.header("X-API-Key", k));
    try {
      request.method(
          method,
          body == null
              ? HttpRequest.BodyPublishers.noBody()
              : HttpRequest.BodyPublishers.ofString(Json.mapper().writeValueAsString(body)));
      HttpResponse<String> response =
          http.send(request.build(), HttpResponse.BodyHandlers.ofString());
      JsonNode json = parse(response.body());
      if (response.statusCode() >= 300) {
        throw new Failure(response.statusCode() + " " + detail(json, response.body()));
      }
      return json;
    } catch (ConnectException e) {
      throw new Failure(
          "cannot reach the EnMS API at " + base + " (is the node running? see --api)");
    } catch (IOException e) {
      throw new Failure("request to " + base + path + " failed: " + e.getMessage());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new Failure("interrupted");
    }
  }

  static String encode(String value) {
    return URLEncoder.encode(value, StandardCharsets.UTF_8);
  }

  private static JsonNode parse(String body) {
    try {
      return body == null || body.isBlank() ? null : Json.mapper().readTree(body);
    } catch (JsonProcessingException e) {
      return null;
    }
  }

  /** {@code detail} as text: a string, or FastAPI's list as {@code field: message; ...}. */
  private static String detail(JsonNode json, String raw) {
    JsonNode detail = json == null ? null : json.get("detail");
    if (detail == null) {
      return raw == null ? "" : raw;
    }
    if (detail.isTextual()) {
      return detail.asText();
    }
    if (detail.isArray()) {
      List<String> parts = new ArrayList<>();
      for (JsonNode e : detail) {
        List<String> loc = new ArrayList<>();
        e.path("loc").forEach(l -> loc.add(l.asText()));
        String field =
            loc.size() > 1 ? String.join(".", loc.subList(1, loc.size())) : String.join(".", loc);
        parts.add(field + ": " + e.path("msg").asText());
      }
      return String.join("; ", parts);
    }
    return detail.toString();
  }
}
