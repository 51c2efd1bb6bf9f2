package org.enms.http.support;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import org.apache.pekko.http.javadsl.model.ContentType;
import org.apache.pekko.http.javadsl.model.ContentTypes;
import org.apache.pekko.http.javadsl.model.HttpCharsets;
import org.apache.pekko.http.javadsl.model.HttpEntities;
import org.apache.pekko.http.javadsl.model.HttpHeader;
import org.apache.pekko.http.javadsl.model.MediaTypes;
import org.apache.pekko.http.javadsl.model.headers.EntityTag;
import org.apache.pekko.http.javadsl.server.Directives;
import org.apache.pekko.http.javadsl.server.Route;

/**
 * One file served from memory (the live page's, Swagger UI's), with its type and an ETag of its
 * content, so a browser that revalidates gets a 304 while the file is unchanged.
 */
public record StaticFile(ContentType contentType, byte[] bytes, EntityTag etag) {
  public static StaticFile of(ContentType contentType, byte[] bytes) {
    try {
      byte[] hash = MessageDigest.getInstance("SHA-256").digest(bytes);
      return new StaticFile(
          contentType, bytes, EntityTag.create(HexFormat.of().formatHex(hash, 0, 16), false));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  /** Reads a classpath resource; a missing one is a packaging error and fails at once. */
  public static StaticFile fromClasspath(String resource) {
    try (InputStream in = StaticFile.class.getResourceAsStream(resource)) {
      if (in == null) {
        throw new IllegalStateException(resource + " is not on the classpath");
      }
      return of(contentType(resource), in.readAllBytes());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The file with these headers, or a 304 when the request's ETag is the file's. */
  public Route serve(List<HttpHeader> headers) {
    return Directives.respondWithHeaders(
        headers,
        () ->
            Directives.conditional(
                etag, () -> Directives.complete(HttpEntities.create(contentType, bytes))));
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
      case "png" -> MediaTypes.IMAGE_PNG.toContentType();
      default -> throw new IllegalStateException("no content type for " + name);
    };
  }
}
