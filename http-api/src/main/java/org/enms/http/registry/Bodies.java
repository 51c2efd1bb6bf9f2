package org.enms.http.registry;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.function.Function;
import org.apache.pekko.http.javadsl.server.Directives;
import org.apache.pekko.http.javadsl.server.Route;
import org.apache.pekko.http.javadsl.unmarshalling.Unmarshaller;
import org.enms.http.support.RequestBodies;

/** What the registry's request bodies share. */
final class Bodies {
  private Bodies() {}

  /**
   * The directive for a {@code PATCH} body, given to {@code inner} as its tree. A PATCH keeps a
   * field left out but clears one sent as {@code null}; the body's record reads both as null, so
   * the route reads the record from the tree ({@link RequestBodies#read(JsonNode, Class)}) once the
   * entry is found, and asks the tree which fields were sent.
   */
  static Route patch(Function<JsonNode, Route> inner) {
    return Directives.entity(
        Unmarshaller.entityToString(), text -> inner.apply(RequestBodies.tree(text)));
  }

  /** A name as stored: without surrounding whitespace (it was checked not to be blank). */
  static String trimmed(String name) {
    return name == null ? null : name.trim();
  }
}
