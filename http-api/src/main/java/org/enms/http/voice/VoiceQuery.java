package org.enms.http.voice;

import org.enms.http.support.Validated;
import org.enms.http.support.Violations;

/**
 * {@code POST /ovos/voice/query}'s body, the original's fields ({@code include_audio} is accepted
 * and ignored: speech synthesis is the assistant's).
 */
public record VoiceQuery(String text, String sessionId, Boolean includeAudio) implements Validated {
  static final int MOST_CHARACTERS = 500;

  @Override
  public void validate(Violations v) {
    if (v.name("text", text) && text.length() > MOST_CHARACTERS) {
      v.invalid("text", "ensure this value has at most " + MOST_CHARACTERS + " characters");
    }
    if (sessionId != null && sessionId.length() > 100) {
      v.invalid("session_id", "ensure this value has at most 100 characters");
    }
  }
}
