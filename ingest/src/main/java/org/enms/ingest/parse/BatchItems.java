package org.enms.ingest.parse;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.enms.core.json.Json;

/**
 * The raw bytes of each item of a gateway batch's {@code readings} array, so a rejected item is
 * kept as it arrived rather than as Jackson would write it again ({@code 1e999} stays {@code
 * 1e999}). They are found by a second, streaming pass over the payload, made only when an item of
 * the batch is rejected: most batches are good, and they never pay for it.
 */
final class BatchItems {
  private final byte[] payload;
  private final JsonNode items;
  private List<byte[]> slices;

  BatchItems(byte[] payload, JsonNode items) {
    this.payload = payload;
    this.items = items;
  }

  /** The raw bytes of item {@code index}; its JSON as Jackson writes it if they cannot be found. */
  byte[] raw(int index) {
    if (slices == null) {
      slices = slice(payload);
    }
    if (slices.size() == items.size()) {
      return slices.get(index);
    }
    return items.get(index).toString().getBytes(StandardCharsets.UTF_8);
  }

  /**
   * Byte ranges of the items of the last top-level {@code readings} array (the tree keeps the last
   * of duplicate keys too); empty when there is none or the payload does not parse.
   */
  static List<byte[]> slice(byte[] payload) {
    try (JsonParser p = Json.mapper().getFactory().createParser(payload)) {
      if (p.nextToken() != JsonToken.START_OBJECT) {
        return List.of();
      }
      List<byte[]> last = List.of();
      while (p.nextToken() == JsonToken.FIELD_NAME) {
        boolean readings = "readings".equals(p.currentName());
        JsonToken value = p.nextToken();
        if (readings && value == JsonToken.START_ARRAY) {
          last = items(p, payload);
        } else {
          if (readings) {
            last = List.of();
          }
          p.skipChildren();
        }
      }
      return last;
    } catch (IOException | RuntimeException e) {
      return List.of();
    }
  }

  private static List<byte[]> items(JsonParser p, byte[] payload) throws IOException {
    List<byte[]> items = new ArrayList<>();
    for (JsonToken t = p.nextToken(); t != JsonToken.END_ARRAY; t = p.nextToken()) {
      int start = (int) p.currentTokenLocation().getByteOffset();
      if (t.isStructStart()) {
        p.skipChildren();
      } else {
        // Strings are read lazily; the end of the token is known only once it is read.
        p.finishToken();
      }
      int end = (int) p.currentLocation().getByteOffset();
      items.add(Arrays.copyOfRange(payload, start, end));
    }
    return items;
  }
}
