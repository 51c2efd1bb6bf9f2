package org.enms.http.voice;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * What an intent handler says, and the data it said it from.
 *
 * @param answered false when the question could not be answered (the words say why)
 */
record SpokenAnswer(boolean answered, String text, JsonNode data) {
  static SpokenAnswer of(String text, JsonNode data) {
    return new SpokenAnswer(true, text, data);
  }

  static SpokenAnswer refused(String text) {
    return new SpokenAnswer(false, text, null);
  }
}
