package org.enms.db;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.function.IntFunction;
import java.util.stream.IntStream;
import org.enms.db.testing.PostgresExtension;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

class RejectDaoTest {
  @RegisterExtension static final PostgresExtension pg = new PostgresExtension();
  private static final Instant T = Instant.parse("2026-11-27T10:00:00Z");

  @BeforeEach
  void emptyTheTable() {
    pg.database().jdbi().useHandle(h -> h.execute("DELETE FROM ingest_rejects"));
  }

  private static IngestReject reject(Instant t, String topic, String reason, String payload) {
    return IngestReject.of(t, topic, reason, payload.getBytes(StandardCharsets.UTF_8));
  }

  @Test
  void keepsOnlyTheNewestRejectsUpToTheBound() {
    var dao = new RejectDao(pg.database().jdbi(), 5, 1);
    Instant t = Instant.parse("2025-01-01T00:00:00Z");
    List<IngestReject> first =
        IntStream.range(0, 4)
            .mapToObj(i -> reject(t.plusSeconds(i), "factory/a/b/energy", "bad json", "{" + i))
            .toList();
    dao.insert(first);
    assertThat(dao.count()).isEqualTo(4);
    dao.insert(
        IntStream.range(4, 8)
            .mapToObj(i -> reject(t.plusSeconds(i), "factory/a/b/energy", "bad json", "{" + i))
            .toList());
    assertThat(dao.count()).isEqualTo(5);
    List<RejectRow> latest = dao.latest(2);
    assertThat(latest).extracting(RejectRow::payloadText).containsExactly("{7", "{6");
    assertThat(latest.get(0).receivedAt()).isEqualTo(t.plusSeconds(7));
    assertThat(dao.latest(10)).extracting(RejectRow::payloadText).doesNotContain("{0", "{1", "{2");
  }

  @Test
  void trimsOnlyEveryFewInsertsSoAFloodOfRejectsKeepsCommitsCheap() {
    var dao = new RejectDao(pg.database().jdbi(), 5, 10);
    IntFunction<List<IngestReject>> rejects =
        n ->
            IntStream.range(0, n)
                .mapToObj(i -> reject(T.plusSeconds(i), "factory/x/y/energy", "bad", "{}"))
                .toList();
    dao.insert(rejects.apply(8));
    assertThat(dao.count()).isEqualTo(5);
    dao.insert(rejects.apply(3));
    assertThat(dao.count()).isEqualTo(8);
    dao.insert(rejects.apply(7));
    assertThat(dao.count()).isEqualTo(5);
  }

  @Test
  void storesPayloadsWithNulAndInvalidUtf8ByteExact() {
    var dao = new RejectDao(pg.database());
    byte[] nul = {'{', 0, '}', 0};
    byte[] invalidUtf8 = {(byte) 0xff, (byte) 0xfe, 'a', (byte) 0xc3, (byte) 0x28, (byte) 0x80};
    byte[] every = new byte[256];
    for (int i = 0; i < every.length; i++) {
      every[i] = (byte) i;
    }
    dao.insert(
        List.of(
            IngestReject.of(T, "factory/a/b/energy", "malformed JSON", nul),
            IngestReject.of(T, "factory/a/b/energy", "malformed JSON", invalidUtf8),
            IngestReject.of(T, "factory/a/b/energy", "malformed JSON", every)));

    List<RejectRow> rows = dao.latest(3);
    assertThat(rows.get(2).payload()).isEqualTo(nul);
    assertThat(rows.get(1).payload()).isEqualTo(invalidUtf8);
    assertThat(rows.get(0).payload()).isEqualTo(every);
    assertThat(rows).extracting(RejectRow::payloadLength).containsExactly(256, 6, 4);
  }

  @Test
  void keepsTheFirst64KibOfALargePayloadAndItsWholeLength() {
    var dao = new RejectDao(pg.database());
    byte[] large = new byte[1_000_000];
    Arrays.fill(large, (byte) 'x');
    large[0] = 0;

    dao.insert(List.of(IngestReject.of(T, "factory/a/b/energy", "too large", large)));

    RejectRow row = dao.latest(1).get(0);
    assertThat(row.payload()).isEqualTo(Arrays.copyOf(large, IngestReject.MAX_PAYLOAD_BYTES));
    assertThat(row.payloadLength()).isEqualTo(1_000_000);
  }

  @Test
  void makesTopicAndReasonSafeForTextAndCutsThem() {
    var dao = new RejectDao(pg.database());
    String topic = "factory/\u0000/\uD800/energy";
    String reason = "unexpected character '\u0000' " + "y".repeat(10_000);

    dao.insert(List.of(reject(T, topic, reason, "{}")));

    RejectRow row = dao.latest(1).get(0);
    assertThat(row.topic()).isEqualTo("factory/\uFFFD/\uFFFD/energy");
    assertThat(row.reason())
        .startsWith("unexpected character '\uFFFD' yyy")
        .endsWith("…")
        .hasSize(RejectDao.MAX_TEXT_CHARS);
  }

  @Test
  void storesARejectWithoutPayload() {
    var dao = new RejectDao(pg.database());

    dao.insert(
        List.of(reject(T, "factory/a/b/energy", "bad", "{}").withoutPayload("payload dropped")));

    RejectRow row = dao.latest(1).get(0);
    assertThat(row.payload()).isNull();
    assertThat(row.payloadLength()).isEqualTo(2);
    assertThat(row.reason()).isEqualTo("bad; payload dropped");
  }

  @Test
  void readsTheTextPayloadOfRowsWrittenBeforeTheByteColumn() {
    pg.database()
        .jdbi()
        .useHandle(
            h ->
                h.execute(
                    "INSERT INTO ingest_rejects (received_at, topic, reason, payload)"
                        + " VALUES (now(), 'factory/a/b/energy', 'old', '{\"a\":\"ü\"}')"));

    RejectRow row = new RejectDao(pg.database()).latest(1).get(0);

    assertThat(row.payloadText()).isEqualTo("{\"a\":\"ü\"}");
    assertThat(row.payloadLength()).isEqualTo(10);
  }
}
