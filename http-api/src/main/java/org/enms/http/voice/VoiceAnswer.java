package org.enms.http.voice;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;
import java.util.List;

/**
 * {@code POST /ovos/voice/query}'s answer: the original's fields (the audio and PDF ones stay null:
 * speech synthesis is the voice assistant's) plus what the question was understood as and the data
 * the answer used (added).
 *
 * @param response one or two sentences, to be spoken
 */
public record VoiceAnswer(
    boolean success,
    String response,
    String audioBase64,
    String audioFormat,
    String pdfBase64,
    String pdfFilename,
    String error,
    String sessionId,
    long latencyMs,
    Long ttsLatencyMs,
    Instant timestamp,
    String bridgeUrl,
    String intent,
    Entities entities,
    JsonNode data) {

  /** What the question named. */
  public record Entities(
      List<String> machines,
      Instant start,
      Instant end,
      String period,
      Integer count,
      String energyType) {}
}
