package org.enms.analytics.kpi;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** The demo plant's Silicon Valley tariffs, read in Los Angeles time (UTC−7 in summer). */
class TariffBookTest {
  private static final ZoneId LA = ZoneId.of("America/Los_Angeles");
  private static final LocalDate FROM = LocalDate.of(2024, 1, 1);
  private static final UUID PEAK = UUID.fromString("f0000000-0000-0000-0000-000000000001");
  private static final UUID OFF_PEAK = UUID.fromString("f0000000-0000-0000-0000-000000000002");

  private static TariffVersion tou(
      UUID id, String name, double rate, int start, int end, Set<Integer> days) {
    return new TariffVersion(
        id, name, TariffKind.TIME_OF_USE, rate, start, end, days, null, FROM, null, "USD");
  }

  private static TariffVersion flat(String name, double rate, LocalDate from, LocalDate to) {
    return new TariffVersion(
        UUID.randomUUID(), name, TariffKind.FLAT, rate, null, null, null, null, from, to, "EUR");
  }

  private static final List<TariffVersion> DEMO =
      List.of(
          tou(PEAK, "Peak Hours Rate", 0.25, 9, 21, Set.of(1, 2, 3, 4, 5)),
          tou(OFF_PEAK, "Off-Peak Rate", 0.10, 21, 9, Set.of(0, 1, 2, 3, 4, 5, 6)));

  private final TariffBook demo = new TariffBook(DEMO, LA, 0.15, null);

  @Test
  void timeOfUseChangesExactlyAtTheLocalHourBoundary() {
    // Monday 2 June 2025, 08:45 and 09:00 in Los Angeles.
    IntervalPrice before = demo.priceAt(Instant.parse("2025-06-02T15:45:00Z"));
    IntervalPrice after = demo.priceAt(Instant.parse("2025-06-02T16:00:00Z"));

    assertThat(before.ratePerKwh()).isEqualTo(0.10);
    assertThat(before.energyTariffId()).isEqualTo(OFF_PEAK);
    assertThat(after.ratePerKwh()).isEqualTo(0.25);
    assertThat(after.energyTariffId()).isEqualTo(PEAK);
    assertThat(demo.priceAt(Instant.parse("2025-06-03T03:45:00Z")).ratePerKwh()).isEqualTo(0.25);
    assertThat(demo.priceAt(Instant.parse("2025-06-03T04:00:00Z")).ratePerKwh()).isEqualTo(0.10);
  }

  @Test
  void aWindowThatWrapsMidnightAppliesOnBothSidesOfIt() {
    // 23:30 on Sunday and 03:00 on Monday, local: the original never matched 21→9.
    assertThat(demo.priceAt(Instant.parse("2025-06-02T06:30:00Z")).energyTariffId())
        .isEqualTo(OFF_PEAK);
    assertThat(demo.priceAt(Instant.parse("2025-06-02T10:00:00Z")).energyTariffId())
        .isEqualTo(OFF_PEAK);
  }

  @Test
  void localTimeNotUtcDecidesTheHour() {
    // 10:00 UTC on a Monday is 03:00 in Los Angeles: off-peak, though 10 lies in 9..21.
    assertThat(demo.priceAt(Instant.parse("2025-06-02T10:00:00Z")).ratePerKwh()).isEqualTo(0.10);
  }

  @Test
  void hoursNoTariffCoversFallBackToTheListPrice() {
    // Saturday noon: peak is weekdays only, off-peak is nights only.
    IntervalPrice saturday = demo.priceAt(Instant.parse("2025-06-07T19:00:00Z"));

    assertThat(saturday.ratePerKwh()).isEqualTo(0.15);
    assertThat(saturday.energyTariffId()).isNull();
    assertThat(saturday.currency()).isEqualTo("USD");
  }

  @Test
  void aNewVersionAppliesFromItsValidFromOnlyInLocalTime() {
    var book =
        new TariffBook(
            List.of(
                flat("Flat", 0.20, LocalDate.of(2025, 1, 1), null),
                flat("Flat", 0.24, LocalDate.of(2025, 7, 1), null)),
            ZoneId.of("Europe/Berlin"),
            0.15,
            null);

    // 30 June 23:45 and 1 July 00:00 in Berlin (UTC+2).
    assertThat(book.priceAt(Instant.parse("2025-06-30T21:45:00Z")).ratePerKwh()).isEqualTo(0.20);
    assertThat(book.priceAt(Instant.parse("2025-06-30T22:00:00Z")).ratePerKwh()).isEqualTo(0.24);
    assertThat(book.priceAt(Instant.parse("2024-12-31T12:00:00Z")).ratePerKwh()).isEqualTo(0.15);
    assertThat(book.currency()).isEqualTo("EUR");
  }

  @Test
  void aTariffPastItsValidToNoLongerApplies() {
    var book =
        new TariffBook(
            List.of(flat("Flat", 0.20, LocalDate.of(2025, 1, 1), LocalDate.of(2025, 3, 1))),
            ZoneId.of("UTC"),
            0.15,
            null);

    assertThat(book.priceAt(Instant.parse("2025-02-28T23:45:00Z")).ratePerKwh()).isEqualTo(0.20);
    assertThat(book.priceAt(Instant.parse("2025-03-01T00:00:00Z")).ratePerKwh()).isEqualTo(0.15);
  }

  @Test
  void theMachinesOwnTariffWinsOverAHigherFactoryRate() {
    List<TariffVersion> both =
        List.of(flat("Standard", 0.30, FROM, null), flat("Contract", 0.20, FROM, null));
    Instant t = Instant.parse("2025-06-02T12:00:00Z");

    assertThat(new TariffBook(both, LA, 0.15, null).priceAt(t).ratePerKwh()).isEqualTo(0.30);
    assertThat(new TariffBook(both, LA, 0.15, "Contract").priceAt(t).ratePerKwh()).isEqualTo(0.20);
  }

  @Test
  void aDemandChargeIsInForceAlongsideTheEnergyPriceAndBillsByLocalMonth() {
    UUID demandId = UUID.randomUUID();
    var demand =
        new TariffVersion(
            demandId,
            "Demand",
            TariffKind.DEMAND_CHARGE,
            0,
            null,
            null,
            null,
            12.5,
            FROM,
            null,
            "USD");
    var book = new TariffBook(List.of(DEMO.get(0), DEMO.get(1), demand), LA, 0.15, null);

    // 1 July 05:00 UTC is still 30 June in Los Angeles.
    IntervalPrice p = book.priceAt(Instant.parse("2025-07-01T05:00:00Z"));

    assertThat(p.demandTariffId()).isEqualTo(demandId);
    assertThat(p.demandRatePerKw()).isEqualTo(12.5);
    assertThat(p.billingMonth()).isEqualTo(LocalDate.of(2025, 6, 1));
    assertThat(p.ratePerKwh()).isEqualTo(0.10);
    assertThat(demo.priceAt(Instant.parse("2025-07-01T05:00:00Z")).demandRatePerKw()).isNull();
  }
}
