package org.enms.http.docs;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.apache.pekko.http.javadsl.model.ContentTypes;
import org.apache.pekko.http.javadsl.model.HttpCharsets;
import org.apache.pekko.http.javadsl.model.HttpHeader;
import org.apache.pekko.http.javadsl.model.MediaTypes;
import org.apache.pekko.http.javadsl.model.headers.CacheControl;
import org.apache.pekko.http.javadsl.model.headers.CacheDirectives;
import org.apache.pekko.http.javadsl.model.headers.RawHeader;
import org.apache.pekko.http.javadsl.server.AllDirectives;
import org.apache.pekko.http.javadsl.server.Route;
import org.enms.http.support.StaticFile;

/**
 * The API's documentation, outside {@code /api/v1} as in the original (FastAPI): {@code
 * /openapi.json}, {@code /openapi.yaml} and Swagger UI at {@code /docs}. They are open even when
 * reads are closed ({@code AccessPolicy}): they describe the API and hold no plant data, and
 * Swagger UI's "Authorize" sends a credential with the calls tried from the page.
 *
 * <p>Every file is answered with {@code no-cache} and an ETag, as the live page's: the browser
 * revalidates and gets a 304 until a new release changes the file.
 */
public final class ApiDocsRoutes extends AllDirectives {
  private static final List<HttpHeader> HEADERS =
      List.of(
          CacheControl.create(CacheDirectives.NO_CACHE),
          RawHeader.create("X-Content-Type-Options", "nosniff"),
          RawHeader.create("Referrer-Policy", "no-referrer"));

  private final StaticFile json;
  private final StaticFile yaml;
  private final SwaggerUi.Files ui;

  private ApiDocsRoutes(StaticFile json, StaticFile yaml, SwaggerUi.Files ui) {
    this.json = json;
    this.yaml = yaml;
    this.ui = ui;
  }

  /** Reads the document and Swagger UI's files; a missing one fails at once. */
  public static ApiDocsRoutes fromClasspath() {
    ApiDocument document = ApiDocument.fromClasspath();
    return new ApiDocsRoutes(
        StaticFile.of(
            ContentTypes.APPLICATION_JSON, document.json().getBytes(StandardCharsets.UTF_8)),
        StaticFile.of(
            MediaTypes.customWithOpenCharset("application", "yaml", Map.of(), false, "yaml")
                .toContentType(HttpCharsets.UTF_8),
            document.yaml().getBytes(StandardCharsets.UTF_8)),
        SwaggerUi.fromClasspath());
  }

  public Route routes() {
    return concat(
        path("openapi.json", () -> get(() -> json.serve(HEADERS))),
        path("openapi.yaml", () -> get(() -> yaml.serve(HEADERS))),
        pathPrefix(
            "docs",
            () ->
                concat(
                    pathEndOrSingleSlash(() -> get(() -> ui.index().serve(HEADERS))),
                    path(
                        name -> {
                          StaticFile file = ui.byName().get(name);
                          return file == null ? reject() : get(() -> file.serve(HEADERS));
                        }))));
  }
}
