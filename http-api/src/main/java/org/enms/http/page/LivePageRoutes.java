package org.enms.http.page;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.apache.pekko.http.javadsl.model.ContentType;
import org.apache.pekko.http.javadsl.model.ContentTypes;
import org.apache.pekko.http.javadsl.model.HttpCharsets;
import org.apache.pekko.http.javadsl.model.HttpEntities;
import org.apache.pekko.http.javadsl.model.HttpHeader;
import org.apache.pekko.http.javadsl.model.MediaTypes;
import org.apache.pekko.http.javadsl.model.headers.CacheControl;
import org.apache.pekko.http.javadsl.model.headers.CacheDirectives;
import org.apache.pekko.http.javadsl.model.headers.EntityTag;
import org.apache.pekko.http.javadsl.model.headers.RawHeader;
import org.apache.pekko.http.javadsl.server.AllDirectives;
import org.apache.pekko.http.javadsl.server.Route;

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

  /** One file, held in memory. */
  private record Asset(ContentType contentType, byte[] bytes, EntityTag etag) {}

  private final Asset index;
  private final Map<String, Asset> assets;

  private LivePageRoutes(Asset index, Map<String, Asset> assets) {
    this.index = index;
    this.assets = assets;
  }

  /** Reads the page's files; a missing one is a packaging error and fails at once. */
  public static LivePageRoutes fromClasspath() {
    return new LivePageRoutes(
        load(INDEX),
        ASSETS.stream().collect(Collectors.toUnmodifiableMap(name -> name, LivePageRoutes::load)));
  }

  public Route routes() {
    return concat(
        pathSingleSlash(() -> get(() -> serve(index))),
        pathPrefix(
            "assets",
            () ->
                path(
                    name -> {
                      Asset asset = assets.get(name);
                      return asset == null ? reject() : get(() -> serve(asset));
                    })));
  }

  private Route serve(Asset asset) {
    return respondWithHeaders(
        HEADERS,
        () ->
            conditional(
                asset.etag(),
                () -> complete(HttpEntities.create(asset.contentType(), asset.bytes()))));
  }

  private static Asset load(String name) {
    try (InputStream in = LivePageRoutes.class.getResourceAsStream(FOLDER + name)) {
      if (in == null) {
        throw new IllegalStateException("the live page's " + name + " is not on the classpath");
      }
      byte[] bytes = in.readAllBytes();
      return new Asset(contentType(name), bytes, EntityTag.create(digest(bytes), false));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static ContentType contentType(String name) {
    String extension = name.substring(name.lastIndexOf('.') + 1);
    return switch (extension) {
      case "html" -> ContentTypes.TEXT_HTML_UTF8;
      // RFC 9239's type; Pekko knows only the obsolete application/javascript.
      case "js" ->
          MediaTypes.customWithOpenCharset("text", "javascript", Map.of(), true, "js")
              .toContentType(HttpCharsets.UTF_8);
      case "css" -> MediaTypes.TEXT_CSS.toContentType(HttpCharsets.UTF_8);
      case "svg" -> MediaTypes.IMAGE_SVG_XML.toContentType();
      default -> throw new IllegalStateException("no content type for " + name);
    };
  }

  private static String digest(byte[] bytes) {
    try {
      byte[] hash = MessageDigest.getInstance("SHA-256").digest(bytes);
      return HexFormat.of().formatHex(hash, 0, 16);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
