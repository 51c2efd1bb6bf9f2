package org.enms.db;

/**
 * Every PostgreSQL advisory lock key EnMS takes, in one place so that no two jobs share a key by
 * accident (a shared key once made an import wait forever on its own retention hold). Keys are the
 * ASCII of "enms" plus one letter, above the int4 range that {@code hashtext} keys use.
 */
public final class AdvisoryLocks {
  /** Raw retention's run, and an import's hold against it ("enmsD"). */
  public static final long RAW_RETENTION = 0x656e6d7344L;

  /** Creation of daily and monthly partitions ("enmsP"). */
  public static final long PARTITIONS = 0x656e6d7350L;

  /** Roll-up refreshes ("enmsR"). */
  public static final long ROLLUP_REFRESH = 0x656e6d7352L;

  /** Summing a finished day's interval costs ("enmsC"). */
  public static final long DAY_COST_SUM = 0x656e6d7343L;

  /** Summing the interval costs of the hours just priced ("enmsH"). */
  public static final long HOUR_COST_SUM = 0x656e6d7348L;

  /**
   * Starting a training job of one machine, with the machine's {@code hashtext} as the second key
   * ("enmT"; the two-key space does not overlap the single-key one above).
   */
  public static final int TRAINING_START = 0x656e6d54;

  private AdvisoryLocks() {}
}
