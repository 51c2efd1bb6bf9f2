package org.enms.ingest.parse;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Random;
import org.junit.jupiter.api.Test;

class Utf8Test {
  private static byte[] bytes(int... values) {
    byte[] b = new byte[values.length];
    for (int i = 0; i < values.length; i++) {
      b[i] = (byte) values[i];
    }
    return b;
  }

  @Test
  void acceptsTextInAnyScriptAndTheLimitsOfEachLength() {
    assertThat(
            Utf8.firstInvalid("Werk Süd, 机器, 😀, \u202E, \uFFFD".getBytes(StandardCharsets.UTF_8)))
        .isEqualTo(-1);
    assertThat(Utf8.firstInvalid(bytes(0x00, 0x7f))).isEqualTo(-1);
    assertThat(Utf8.firstInvalid(bytes(0xc2, 0x80, 0xdf, 0xbf))).isEqualTo(-1);
    assertThat(Utf8.firstInvalid(bytes(0xe0, 0xa0, 0x80, 0xef, 0xbf, 0xbf))).isEqualTo(-1);
    assertThat(Utf8.firstInvalid(bytes(0xf0, 0x90, 0x80, 0x80, 0xf4, 0x8f, 0xbf, 0xbf)))
        .isEqualTo(-1);
    assertThat(Utf8.firstInvalid(new byte[0])).isEqualTo(-1);
  }

  @Test
  void findsWhatJacksonWouldDecodeLeniently() {
    assertThat(Utf8.firstInvalid(bytes('"', 0xc0, 0x80, '"'))).isEqualTo(1); // overlong NUL
    assertThat(Utf8.firstInvalid(bytes('a', 0xe0, 0x80, 0x80))).isEqualTo(1); // overlong NUL
    assertThat(Utf8.firstInvalid(bytes(0xf4, 0x90, 0x80, 0x80))).isZero(); // beyond U+10FFFF
    assertThat(Utf8.firstInvalid(bytes(0xed, 0xa0, 0x80))).isZero(); // a surrogate
  }

  @Test
  void findsStrayTruncatedAndImpossibleBytes() {
    assertThat(Utf8.firstInvalid(bytes('a', 0x80))).isEqualTo(1);
    assertThat(Utf8.firstInvalid(bytes('a', 'b', 0xe2, 0x82))).isEqualTo(2);
    assertThat(Utf8.firstInvalid(bytes(0xe2, 0x82, '"'))).isZero();
    assertThat(Utf8.firstInvalid(bytes(0xff))).isZero();
    assertThat(Utf8.firstInvalid(bytes(0xf5, 0x80, 0x80, 0x80))).isZero();
  }

  @Test
  void agreesWithTheJdksStrictDecoderOnRandomBytes() {
    var random = new Random(7);
    for (int i = 0; i < 20_000; i++) {
      byte[] b = new byte[random.nextInt(12)];
      for (int k = 0; k < b.length; k++) {
        // Mostly bytes that start or continue sequences, so valid ones occur too.
        b[k] = (byte) (random.nextBoolean() ? 0x80 + random.nextInt(0x80) : random.nextInt(256));
      }
      assertThat(Utf8.firstInvalid(b) < 0)
          .as("%s", java.util.HexFormat.of().formatHex(b))
          .isEqualTo(jdkAccepts(b));
    }
  }

  private static boolean jdkAccepts(byte[] b) {
    try {
      StandardCharsets.UTF_8
          .newDecoder()
          .onMalformedInput(CodingErrorAction.REPORT)
          .onUnmappableCharacter(CodingErrorAction.REPORT)
          .decode(ByteBuffer.wrap(b));
      return true;
    } catch (CharacterCodingException e) {
      return false;
    }
  }
}
