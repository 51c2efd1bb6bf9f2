package org.enms.http.page;

import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.apache.pekko.http.javadsl.model.HttpHeader;
import org.apache.pekko.http.javadsl.model.headers.CacheControl;
import org.apache.pekko.http.javadsl.model.headers.CacheDirectives;
import org.apache.pekko.http.javadsl.model.headers.RawHeader;
import org.apache.pekko.http.javadsl.server.AllDirectives;
import org.apache.pekko.http.javadsl.server.Route;
import org.enms.http.support.StaticFile;

/**
 * The live page: {@code GET /} and its files under {@code /assets/}, read once from the classpath
 * ({@code org/enms/http/page/}). Nothing else is served, so the page can never shadow the API, and
 * a path it does not know is rejected as before.
 *
 * <p>Files are not versioned by name, so every response says {@code no-cache}: the browser
 * revalidates each time against an ETag of the content and gets a 304 while nothing changed, and a
 * new release is picked up at once. The content security policy allows this origin only, which is
 * also a promise the page keeps: it fetches nothing from elsewhere.
 */
public final class LivePageRoutes extends AllDirectives {
  private static final String FOLDER = "/org/enms/http/page/";
  private static final String INDEX = "index.html";
  private static final List<String> ASSETS = List.of("live.js", "live.css", "favicon.svg");

  private static final List<HttpHeader> HEADERS =
      List.of(
          CacheControl.create(CacheDirectives.NO_CACHE),
          RawHeader.create("X-Content-Type-Options", "nosniff"),
          RawHeader.create("Referrer-Policy", "no-referrer"),
          RawHeader.create(
              "Content-Security-Policy",
              "default-src 'self'; connect-src 'self'; img-src 'self' data:;"
                  + " base-uri 'none'; form-action 'none'; frame-ancestors 'none'"));

  private final StaticFile index;
  private final Map<String, StaticFile> assets;

  private LivePageRoutes(StaticFile index, Map<String, StaticFile> assets) {
    this.index = index;
    this.assets = assets;
  }

  /** Reads the page's files; a missing one is a packaging error and fails at once. */
  public static LivePageRoutes fromClasspath() {
    return new LivePageRoutes(
        load(INDEX),
        ASSETS.stream().collect(Collectors.toUnmodifiableMap(name -> name, LivePageRoutes::load)));
  }

  private static StaticFile load(String name) {
    return StaticFile.fromClasspath(FOLDER + name);
  }

  public Route routes() {
    return concat(
        pathSingleSlash(() -> get(() -> index.serve(HEADERS))),
        pathPrefix(
            "assets",
            () ->
                path(
                    name -> {
                      StaticFile asset = assets.get(name);
                      return asset == null ? reject() : get(() -> asset.serve(HEADERS));
                    })));
  }
}
