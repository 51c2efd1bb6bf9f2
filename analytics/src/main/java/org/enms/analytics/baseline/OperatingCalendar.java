package org.enms.analytics.baseline;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/**
 * What the categorical drivers need to know about a plant's time: where its shifts start and which
 * days are holidays. Hours are UTC, as every hour in the roll-ups. Stored with a model, so a
 * prediction reads the calendar the model was trained with.
 *
 * @param shiftStarts hour of day (0–23) at which each shift starts, ascending; shift {@code i}
 *     (from 1) runs from its start to the next one's, the last wraps past midnight
 * @param holidays days treated as holidays; empty when the plant named none
 */
public record OperatingCalendar(List<Integer> shiftStarts, Set<LocalDate> holidays) {
  /** Three eight-hour shifts from 06:00, the usual split in manufacturing. */
  public static final List<Integer> DEFAULT_SHIFT_STARTS = List.of(6, 14, 22);

  public static final OperatingCalendar DEFAULT =
      new OperatingCalendar(DEFAULT_SHIFT_STARTS, Set.of());

  public OperatingCalendar {
    shiftStarts =
        shiftStarts == null || shiftStarts.isEmpty()
            ? DEFAULT_SHIFT_STARTS
            : List.copyOf(new TreeSet<>(shiftStarts));
    if (shiftStarts.stream().anyMatch(h -> h < 0 || h > 23)) {
      throw new IllegalArgumentException("shift starts must be hours 0–23: " + shiftStarts);
    }
    holidays = holidays == null ? Set.of() : Set.copyOf(new TreeSet<>(holidays));
  }

  /** The shift (from 1) the hour belongs to. */
  public int shift(Instant hour) {
    int h = hour.atZone(ZoneOffset.UTC).getHour();
    int shift = shiftStarts.size(); // before the first start: the last shift, wrapped
    for (int i = 0; i < shiftStarts.size(); i++) {
      if (h >= shiftStarts.get(i)) {
        shift = i + 1;
      }
    }
    return shift;
  }

  public boolean isHoliday(Instant hour) {
    return holidays.contains(LocalDate.ofInstant(hour, ZoneOffset.UTC));
  }
}
