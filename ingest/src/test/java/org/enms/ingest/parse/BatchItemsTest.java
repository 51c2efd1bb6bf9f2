package org.enms.ingest.parse;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class BatchItemsTest {
  private static List<String> slices(String json) {
    return BatchItems.slice(json.getBytes(UTF_8)).stream().map(b -> new String(b, UTF_8)).toList();
  }

  @Test
  void findsEachItemAsItWasWrittenWhateverItsKind() {
    assertThat(
            slices(
                """
                {"gateway_id": "g", "readings": [ {"a": [1, 2], "s": "ü}"} ,1e999, "a\\"b",null,
                  true, [ {} ], -0.50 ]}
                """))
        .containsExactly(
            "{\"a\": [1, 2], \"s\": \"ü}\"}",
            "1e999",
            "\"a\\\"b\"",
            "null",
            "true",
            "[ {} ]",
            "-0.50");
  }

  @Test
  void takesTheLastReadingsArrayAsTheTreeDoes() {
    assertThat(slices("{\"readings\":[1],\"x\":{\"readings\":[2]},\"readings\":[3, 4]}"))
        .containsExactly("3", "4");
    assertThat(slices("{\"readings\":[1],\"readings\":\"none\"}")).isEmpty();
  }

  @Test
  void findsNothingInAPayloadThatIsNotABatchObject() {
    assertThat(slices("[1, 2]")).isEmpty();
    assertThat(slices("{\"readings\": [1, 2")).isEmpty();
  }
}
