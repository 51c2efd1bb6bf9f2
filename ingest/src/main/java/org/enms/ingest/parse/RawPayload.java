package org.enms.ingest.parse;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Base64;

/** How a rejected payload is kept: as text when it is UTF-8, else as base64, bounded in size. */
public final class RawPayload {
  /** Rejects are for diagnosis; 64 KiB of a payload is plenty and keeps the table bounded. */
  static final int MAX_CHARS = 65_536;

  private RawPayload() {}

  public static String text(byte[] payload) {
    String text;
    try {
      text =
          StandardCharsets.UTF_8
              .newDecoder()
              .onMalformedInput(CodingErrorAction.REPORT)
              .decode(ByteBuffer.wrap(payload))
              .toString()
              .replace("\u0000", "\\u0000");
    } catch (CharacterCodingException e) {
      text = "base64:" + Base64.getEncoder().encodeToString(payload);
    }
    return text.length() <= MAX_CHARS ? text : text.substring(0, MAX_CHARS);
  }
}
