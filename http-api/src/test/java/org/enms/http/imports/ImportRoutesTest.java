package org.enms.http.imports;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import org.apache.pekko.actor.testkit.typed.javadsl.ActorTestKit;
import org.apache.pekko.http.javadsl.Http;
import org.apache.pekko.http.javadsl.ServerBinding;
import org.enms.core.json.Json;
import org.enms.http.error.ErrorHandling;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The import API over a real socket with an in-memory service: multipart parsing, the 202 with the
 * status URL, the job status, and the 422 shape. The import itself is tested in ingest and end to
 * end in the node.
 */
class ImportRoutesTest {
  private static final String BOUNDARY = "enms-test-boundary";
  private static ActorTestKit testKit;
  private static ServerBinding binding;
  private static final HttpClient client = HttpClient.newHttpClient();
  private static final Map<String, String> uploadedText = new ConcurrentHashMap<>();
  private static final Map<String, Map<String, String>> uploadedFields = new ConcurrentHashMap<>();

  /** Accepts machine "Compressor-1" only; remembers what each job received. */
  private static final class FakeImports implements ImportService {
    @Override
    public CompletionStage<ImportJobStatus> start(
        Path upload, String fileName, Map<String, String> fields) {
      try {
        if (!"Compressor-1".equals(fields.get("machine"))) {
          return CompletableFuture.failedFuture(
              new InvalidImportRequest(
                  List.of(
                      new InvalidImportRequest.Problem(
                          "machine", "no machine named " + fields.get("machine")))));
        }
        String id = "job-" + uploadedText.size();
        uploadedText.put(id, Files.readString(upload));
        uploadedFields.put(id, Map.copyOf(fields));
        Files.delete(upload);
        return CompletableFuture.completedFuture(view(id));
      } catch (Exception e) {
        return CompletableFuture.failedFuture(e);
      }
    }

    @Override
    public CompletionStage<Optional<ImportJobStatus>> status(String jobId) {
      return CompletableFuture.completedFuture(
          uploadedText.containsKey(jobId) ? Optional.of(view(jobId)) : Optional.empty());
    }

    private static ImportJobStatus view(String id) {
      return new ImportJobStatus(
          id,
          "queued",
          "meter.csv",
          "Compressor-1",
          0,
          0,
          0,
          0,
          Instant.EPOCH,
          null,
          null,
          null,
          null);
    }
  }

  @BeforeAll
  static void start() throws Exception {
    testKit = ActorTestKit.create();
    var routes = new ImportRoutes(new FakeImports(), 1 << 20);
    binding =
        Http.get(testKit.system())
            .newServerAt("127.0.0.1", 0)
            .bind(new ErrorHandling().wrap(routes.routes()))
            .toCompletableFuture()
            .get(10, TimeUnit.SECONDS);
  }

  @AfterAll
  static void stop() {
    binding.unbind();
    testKit.shutdownTestKit();
  }

  private static HttpResponse<String> post(String body) throws Exception {
    return client.send(
        HttpRequest.newBuilder(
                URI.create("http://127.0.0.1:" + binding.localAddress().getPort() + "/import"))
            .header("Content-Type", "multipart/form-data; boundary=" + BOUNDARY)
            .POST(HttpRequest.BodyPublishers.ofString(body))
            .build(),
        HttpResponse.BodyHandlers.ofString());
  }

  private static HttpResponse<String> get(String path) throws Exception {
    return client.send(
        HttpRequest.newBuilder(
                URI.create("http://127.0.0.1:" + binding.localAddress().getPort() + path))
            .build(),
        HttpResponse.BodyHandlers.ofString());
  }

  private static String multipart(Map<String, String> fields, String csv) {
    StringBuilder b = new StringBuilder();
    fields.forEach(
        (k, v) ->
            b.append("--")
                .append(BOUNDARY)
                .append("\r\n")
                .append("Content-Disposition: form-data; name=\"")
                .append(k)
                .append("\"\r\n\r\n")
                .append(v)
                .append("\r\n"));
    if (csv != null) {
      b.append("--")
          .append(BOUNDARY)
          .append("\r\n")
          .append("Content-Disposition: form-data; name=\"file\"; filename=\"meter.csv\"\r\n")
          .append("Content-Type: text/csv\r\n\r\n")
          .append(csv)
          .append("\r\n");
    }
    return b.append("--").append(BOUNDARY).append("--\r\n").toString();
  }

  @Test
  void anUploadStartsAJobAndAnswers202WithItsStatusUrl() throws Exception {
    String csv = "time;kW\n13.01.2024 00:15;1,5\n13.01.2024 00:30;2\n";
    var response =
        post(
            multipart(
                Map.of(
                    "machine",
                    "Compressor-1",
                    "value_kind",
                    "power_kw",
                    "timezone",
                    "Europe/Berlin"),
                csv));

    assertThat(response.statusCode()).isEqualTo(202);
    JsonNode body = Json.mapper().readTree(response.body());
    String id = body.get("job_id").asText();
    assertThat(body.get("status_url").asText()).isEqualTo("/api/v1/import/" + id);
    assertThat(uploadedText.get(id)).isEqualTo(csv);
    assertThat(uploadedFields.get(id))
        .containsEntry("value_kind", "power_kw")
        .containsEntry("timezone", "Europe/Berlin");

    var status = get("/import/" + id);
    assertThat(status.statusCode()).isEqualTo(200);
    assertThat(Json.mapper().readTree(status.body()).get("status").asText()).isEqualTo("queued");
  }

  @Test
  void optionsTheServiceRefusesAnswer422PerField() throws Exception {
    var response = post(multipart(Map.of("machine", "Nope", "value_kind", "power_kw"), "t,kw\n"));
    assertThat(response.statusCode()).isEqualTo(422);
    JsonNode detail = Json.mapper().readTree(response.body()).get("detail");
    assertThat(detail.get(0).get("loc").toString()).isEqualTo("[\"body\",\"machine\"]");
    assertThat(detail.get(0).get("msg").asText()).isEqualTo("no machine named Nope");
  }

  @Test
  void anUploadWithoutAFileAnswers422() throws Exception {
    var response = post(multipart(Map.of("machine", "Compressor-1"), null));
    assertThat(response.statusCode()).isEqualTo(422);
    assertThat(response.body()).contains("\"file\"");
  }

  @Test
  void anUnknownJobAnswers404() throws Exception {
    var response = get("/import/does-not-exist");
    assertThat(response.statusCode()).isEqualTo(404);
    assertThat(response.body()).isEqualTo("{\"detail\":\"Import job not found\"}");
  }
}
