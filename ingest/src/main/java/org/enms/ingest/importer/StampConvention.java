package org.enms.ingest.importer;

/**
 * Which end of its interval a row's timestamp names. EnMS stores the interval's end (the live
 * pipeline's {@code energy_kwh} is the energy used in the interval ending at {@code time}), so
 * beginning stamps are moved forward by one interval.
 */
public enum StampConvention {
  BEGINNING,
  ENDING
}
