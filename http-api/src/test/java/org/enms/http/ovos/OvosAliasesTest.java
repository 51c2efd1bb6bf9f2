package org.enms.http.ovos;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import org.apache.pekko.http.javadsl.server.Directives;
import org.apache.pekko.http.javadsl.server.PathMatchers;
import org.apache.pekko.http.javadsl.server.Route;
import org.apache.pekko.http.javadsl.unmarshalling.Unmarshaller;
import org.enms.http.RouteHarness;
import org.enms.http.error.ApiException;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class OvosAliasesTest {
  private static RouteHarness api;

  /** Successors that say what reached them. */
  private static Route successors() {
    return Directives.concat(
        Directives.path(
            PathMatchers.segment("factory").slash("summary"),
            () ->
                Directives.get(
                    () ->
                        Directives.extractRequest(
                            r ->
                                Directives.complete(
                                    "summary " + r.getUri().rawQueryString().orElse(""))))),
        Directives.path(
            PathMatchers.segment("baseline").slash("train-seu"),
            () ->
                Directives.post(
                    () ->
                        Directives.entity(
                            Unmarshaller.entityToString(),
                            body -> Directives.complete("train-seu " + body)))),
        Directives.path(
            PathMatchers.segment("machines").slash("status").slash(PathMatchers.segment()),
            name -> Directives.complete("status of " + name)),
        Directives.path(
            "seus",
            () ->
                Directives.get(
                    () -> {
                      throw ApiException.notFound("SEU store unavailable");
                    })));
  }

  @BeforeAll
  static void start() throws Exception {
    api =
        new RouteHarness(
            () -> {
              Route v1 = successors();
              return Directives.concat(v1, new OvosAliases().routes(v1));
            });
  }

  @AfterAll
  static void stop() {
    api.close();
  }

  private static void assertDeprecatedFor(HttpResponse<String> r, String successor) {
    assertThat(r.headers().firstValue("Deprecation")).hasValue("@1766534400");
    assertThat(r.headers().firstValue("Link"))
        .hasValue("</api/v1" + successor + ">; rel=\"successor-version\"");
    assertThat(r.headers().firstValue("X-Deprecated")).hasValue("true; use=/api/v1" + successor);
    assertThat(r.headers().firstValue("X-Deprecation-Message"))
        .get()
        .asString()
        .contains(successor);
  }

  @Test
  void anAliasPassesItsQueryToItsSuccessor() throws Exception {
    HttpResponse<String> r = api.get("/api/v1/ovos/summary?factory_id=f1");

    assertThat(r.statusCode()).isEqualTo(200);
    assertThat(r.body()).isEqualTo("summary factory_id=f1");
    assertDeprecatedFor(r, "/factory/summary");
  }

  @Test
  void aPostAliasPassesItsBody() throws Exception {
    HttpResponse<String> r = api.post("/api/v1/ovos/train-baseline", "{\"year\": 2025}");

    assertThat(r.body()).isEqualTo("train-seu {\"year\": 2025}");
    assertDeprecatedFor(r, "/baseline/train-seu");
  }

  @Test
  void theMachineNameMovesToTheSuccessorsPlaceDecoded() throws Exception {
    HttpResponse<String> r = api.get("/api/v1/ovos/machines/Compressor%201/status");

    assertThat(r.body()).isEqualTo("status of Compressor 1");
    assertDeprecatedFor(r, "/machines/status/Compressor%201");
  }

  @Test
  void theSuccessorsErrorsCarryTheDeprecationToo() throws Exception {
    HttpResponse<String> failed = api.get("/api/v1/ovos/seus");
    HttpResponse<String> wrongMethod = api.get("/api/v1/ovos/train-baseline");

    assertThat(failed.statusCode()).isEqualTo(404);
    assertThat(failed.body()).isEqualTo("{\"detail\":\"SEU store unavailable\"}");
    assertDeprecatedFor(failed, "/seus");
    assertThat(wrongMethod.statusCode()).isEqualTo(405);
    assertDeprecatedFor(wrongMethod, "/baseline/train-seu");
  }

  @Test
  void otherOvosPathsAreNoAliases() throws Exception {
    HttpResponse<String> r = api.get("/api/v1/ovos/voice/health");

    assertThat(r.statusCode()).isEqualTo(404);
    assertThat(r.headers().firstValue("Deprecation")).isEmpty();
    assertThat(OvosAliases.successor("/summary/")).isEmpty();
  }
}
