package org.enms.http.docs;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import org.enms.http.support.StaticFile;

/**
 * Swagger UI's files for {@code /docs}: the page and the initializer are ours (so the UI opens
 * {@code /openapi.json}, not the webjar's demo document), the rest comes unchanged from the {@code
 * org.webjars:swagger-ui} jar, read once. Only the files the page loads are served.
 */
final class SwaggerUi {
  private static final String WEBJAR_PROPERTIES =
      "/META-INF/maven/org.webjars/swagger-ui/pom.properties";
  private static final String OURS = "/org/enms/http/docs/";
  static final List<String> WEBJAR_FILES =
      List.of(
          "swagger-ui.css",
          "index.css",
          "swagger-ui-bundle.js",
          "swagger-ui-standalone-preset.js",
          "favicon-32x32.png",
          "favicon-16x16.png");
  static final String INITIALIZER = "swagger-initializer.js";

  private SwaggerUi() {}

  /** The page, and every file under {@code /docs/} by name. */
  record Files(StaticFile index, Map<String, StaticFile> byName) {}

  static Files fromClasspath() {
    String webjar = "/META-INF/resources/webjars/swagger-ui/" + webjarVersion() + "/";
    Map<String, StaticFile> byName = new LinkedHashMap<>();
    for (String name : WEBJAR_FILES) {
      byName.put(name, StaticFile.fromClasspath(webjar + name));
    }
    byName.put(INITIALIZER, StaticFile.fromClasspath(OURS + INITIALIZER));
    return new Files(StaticFile.fromClasspath(OURS + "index.html"), Map.copyOf(byName));
  }

  /** The webjar's version, which names its folder: the one on the classpath, whichever it is. */
  private static String webjarVersion() {
    Properties properties = new Properties();
    try (InputStream in = SwaggerUi.class.getResourceAsStream(WEBJAR_PROPERTIES)) {
      if (in == null) {
        throw new IllegalStateException("org.webjars:swagger-ui is not on the classpath");
      }
      properties.load(in);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return properties.getProperty("version");
  }
}
