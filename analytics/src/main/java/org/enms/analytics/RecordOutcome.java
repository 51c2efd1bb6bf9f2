package org.enms.analytics;

/**
 * What {@link MachineState#record} did with a batch, for logging and metrics.
 *
 * @param accepted readings that changed the state
 * @param ignored duplicates, readings at or before a watermark, other days, unused kinds
 * @param counterResets cumulative meters that restarted from 0
 * @param counterRollovers cumulative meters that wrapped at their maximum
 * @param counterGaps counter deltas that cover a gap in the readings
 */
public record RecordOutcome(
    int accepted, int ignored, int counterResets, int counterRollovers, int counterGaps) {}
