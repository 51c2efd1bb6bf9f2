package org.enms.http.voice;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.concurrent.CompletionStage;

/**
 * The node's own API as the voice answers read it: the same endpoints, fields and figures the voice
 * client gets, so a spoken answer never disagrees with the API.
 */
public interface ApiReader {
  /** GETs {@code /api/v1 + pathAndQuery}; a non-2xx fails the stage with {@link ApiAnswer}. */
  CompletionStage<JsonNode> get(String pathAndQuery);

  /** The API's refusal: its status and {@code detail}. */
  final class ApiAnswer extends RuntimeException {
    private final int status;

    public ApiAnswer(int status, String detail) {
      super(detail);
      this.status = status;
    }

    public int status() {
      return status;
    }
  }
}
