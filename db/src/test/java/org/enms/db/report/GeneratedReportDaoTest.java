package org.enms.db.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
import org.enms.db.report.GeneratedReportDao.StoredReport;
import org.enms.db.testing.PostgresExtension;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

class GeneratedReportDaoTest {
  @RegisterExtension static final PostgresExtension pg = new PostgresExtension();
  private static final Instant T = Instant.parse("2026-11-01T10:00:00Z");
  private static final UUID DEMO = UUID.fromString("11111111-1111-1111-1111-111111111111");

  @BeforeEach
  void emptyTheTable() {
    pg.database().jdbi().useHandle(h -> h.execute("DELETE FROM generated_reports"));
  }

  private static StoredReport report(Instant created, Duration keepFor, byte[] pdf) {
    return new StoredReport(
        UUID.randomUUID(),
        "monthly",
        DEMO,
        2026,
        10,
        "EnPI_Report_2026-10_Demo_Manufacturing_Plant.pdf",
        pdf,
        created,
        created.plus(keepFor));
  }

  @Test
  void aStoredReportComesBackWithItsBytesUntilItExpires() {
    var dao = new GeneratedReportDao(pg.database());
    byte[] pdf = {'%', 'P', 'D', 'F', '-', 0, (byte) 0xff};
    StoredReport r = report(T, Duration.ofHours(24), pdf);

    dao.insert(r, 10);

    StoredReport found = dao.find(r.id(), T.plus(Duration.ofHours(23))).orElseThrow();
    assertThat(found.pdf()).isEqualTo(pdf);
    assertThat(found.fileName()).isEqualTo(r.fileName());
    assertThat(found.factoryId()).isEqualTo(DEMO);
    assertThat(dao.find(r.id(), T.plus(Duration.ofHours(24)))).isEmpty();
    assertThat(dao.find(UUID.randomUUID(), T)).isEmpty();
  }

  @Test
  void eachInsertRemovesTheExpiredAndTheOldestBeyondTheCap() {
    var dao = new GeneratedReportDao(pg.database());
    StoredReport expired = report(T, Duration.ofMinutes(5), new byte[] {1});
    StoredReport first = report(T.plusSeconds(60), Duration.ofDays(1), new byte[] {2});
    StoredReport second = report(T.plusSeconds(120), Duration.ofDays(1), new byte[] {3});
    StoredReport third = report(T.plusSeconds(600), Duration.ofDays(1), new byte[] {4});
    dao.insert(expired, 3);
    dao.insert(first, 3);
    dao.insert(second, 3);
    assertThat(dao.count()).isEqualTo(3);

    // At T + 10 min: the 5-minute one has expired; of the others the cap keeps the newest two.
    dao.insert(third, 2);

    assertThat(dao.count()).isEqualTo(2);
    Instant now = T.plusSeconds(601);
    assertThat(dao.find(first.id(), now)).isEmpty();
    assertThat(dao.find(second.id(), now)).isPresent();
    assertThat(dao.find(third.id(), now)).isPresent();
  }
}
