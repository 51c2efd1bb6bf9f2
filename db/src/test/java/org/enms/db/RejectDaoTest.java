package org.enms.db;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import java.util.stream.IntStream;
import org.enms.db.testing.PostgresExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

class RejectDaoTest {
  @RegisterExtension static final PostgresExtension pg = new PostgresExtension();

  @org.junit.jupiter.api.BeforeEach
  void emptyTheTable() {
    pg.database().jdbi().useHandle(h -> h.execute("DELETE FROM ingest_rejects"));
  }

  @Test
  void keepsOnlyTheNewestRejectsUpToTheBound() {
    var dao = new RejectDao(pg.database().jdbi(), 5, 1);
    Instant t = Instant.parse("2025-01-01T00:00:00Z");
    List<IngestReject> first =
        IntStream.range(0, 4)
            .mapToObj(
                i -> new IngestReject(t.plusSeconds(i), "factory/a/b/energy", "bad json", "{" + i))
            .toList();
    dao.insert(first);
    assertThat(dao.count()).isEqualTo(4);
    dao.insert(
        IntStream.range(4, 8)
            .mapToObj(
                i -> new IngestReject(t.plusSeconds(i), "factory/a/b/energy", "bad json", "{" + i))
            .toList());
    assertThat(dao.count()).isEqualTo(5);
    List<RejectRow> latest = dao.latest(2);
    assertThat(latest).extracting(RejectRow::payload).containsExactly("{7", "{6");
    assertThat(latest.get(0).receivedAt()).isEqualTo(t.plusSeconds(7));
    assertThat(dao.latest(10)).extracting(RejectRow::payload).doesNotContain("{0", "{1", "{2");
  }

  @Test
  void trimsOnlyEveryFewInsertsSoAFloodOfRejectsKeepsCommitsCheap() {
    var dao = new RejectDao(pg.database().jdbi(), 5, 10);
    Instant t = Instant.parse("2026-11-27T10:00:00Z");
    java.util.function.IntFunction<List<IngestReject>> rejects =
        n ->
            java.util.stream.IntStream.range(0, n)
                .mapToObj(
                    i -> new IngestReject(t.plusSeconds(i), "factory/x/y/energy", "bad", "{}"))
                .toList();
    dao.insert(rejects.apply(8));
    assertThat(dao.count()).isEqualTo(5);
    dao.insert(rejects.apply(3));
    assertThat(dao.count()).isEqualTo(8);
    dao.insert(rejects.apply(7));
    assertThat(dao.count()).isEqualTo(5);
  }
}
