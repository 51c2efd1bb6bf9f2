package org.enms.db;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.enms.db.kpi.CostRollupDao;
import org.enms.db.testing.PostgresExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

class AdvisoryLocksTest {
  @RegisterExtension static final PostgresExtension pg = new PostgresExtension();

  @Test
  void everyKeyIsTakenByOneJobOnly() throws IllegalAccessException {
    List<Long> keys = new ArrayList<>();
    for (Field field : AdvisoryLocks.class.getDeclaredFields()) {
      if (Modifier.isStatic(field.getModifiers()) && field.getType() == long.class) {
        keys.add(field.getLong(null));
      }
    }
    assertThat(keys).hasSizeGreaterThanOrEqualTo(4).doesNotHaveDuplicates();
    // hashtext() keys (per-machine baseline locks) are int4; ours must stay clear of them.
    assertThat(keys).allMatch(k -> k > Integer.MAX_VALUE);
  }

  @Test
  void anImportsRetentionHoldDoesNotBlockSummingTheDaysCosts() throws Exception {
    Instant day = Instant.parse("2025-03-10T00:00:00Z");
    var costs = new CostRollupDao(pg.database());
    costs.markDays(day, day.plus(Duration.ofHours(1)));
    try (var hold = pg.database().retention().holdForImport()) {
      // An import prices its roll-ups while it holds retention off; the two must not share a key.
      int summed =
          CompletableFuture.supplyAsync(() -> costs.sumDaysBefore(day.plus(Duration.ofDays(2))))
              .get(20, TimeUnit.SECONDS);
      assertThat(summed).isEqualTo(1);
    }
  }
}
