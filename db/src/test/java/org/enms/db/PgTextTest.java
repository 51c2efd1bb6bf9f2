package org.enms.db;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class PgTextTest {
  @Test
  void returnsSafeShortTextUnchanged() {
    String text = "factory/Werk Süd/机器/energy 😀";
    assertThat(PgText.safe(text, 100)).isSameAs(text);
  }

  @Test
  void replacesNulAndUnpairedSurrogates() {
    assertThat(PgText.safe("a\u0000b\uD800c\uDC00d", 100)).isEqualTo("a\uFFFDb\uFFFDc\uFFFDd");
    assertThat(PgText.safe("\uDC00\uD800", 100)).isEqualTo("\uFFFD\uFFFD");
  }

  @Test
  void cutsLongTextWithAnEllipsisWithinTheLimit() {
    assertThat(PgText.safe("abcdefgh", 5)).isEqualTo("abcd…");
    assertThat(PgText.safe("abcde", 5)).isEqualTo("abcde");
  }

  @Test
  void neverCutsASurrogatePairInHalf() {
    assertThat(PgText.safe("abc😀def", 5)).isEqualTo("abc…");
    assertThat(PgText.safe("ab😀def", 5)).isEqualTo("ab😀…");
  }

  @Test
  void keepsNull() {
    assertThat(PgText.safe(null, 10)).isNull();
  }
}
