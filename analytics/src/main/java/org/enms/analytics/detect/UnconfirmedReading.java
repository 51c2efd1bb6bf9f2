package org.enms.analytics.detect;

import java.util.Objects;

/**
 * The last reading, until the machine's next mode report says which mode it was drawn in. A reading
 * is judged in the mode reported before it (the mode of its own tick arrives after it), so at each
 * change of mode one reading carries the wrong mode: a compressor's first unloaded reading is
 * labelled {@code running}.
 *
 * <ul>
 *   <li>Its level is learnt only when the modes before and after it agree. Learnt as they came,
 *       those readings put about 1 % of the idle level into the running mode's levels, and a loaded
 *       compressor cut to a fifth (close to its idle level) then looked like a known level, not a
 *       drop.
 *   <li>A level new to its mode but drawn in another is held back as a verdict, and counts (one
 *       reading late) only when the next report confirms the mode: otherwise every change of mode
 *       would look like a spike or drop for one reading.
 * </ul>
 *
 * Not thread-safe.
 */
final class UnconfirmedReading {
  private boolean held;
  private String mode;
  private double kw;
  private boolean learn;
  private LevelMemory.Verdict deferred;
  private double levelKw = Double.NaN;

  /**
   * Holds the reading just judged in {@code mode}.
   *
   * @param learn whether its level is to be learnt (normal, no anomaly under way)
   * @param deferred {@code NEW_HIGH} or {@code NEW_LOW} held back until the mode is confirmed; null
   *     for none
   * @param levelKw with {@code deferred}, the nearest level of the mode, kW; NaN otherwise
   */
  void hold(String mode, double kw, boolean learn, LevelMemory.Verdict deferred, double levelKw) {
    this.held = true;
    this.mode = mode;
    this.kw = kw;
    this.learn = learn && deferred == null;
    this.deferred = deferred;
    this.levelKw = levelKw;
  }

  /**
   * Settles the held reading now that {@code modeAfter} was reported after it: learns its level if
   * the mode is confirmed, and returns its deferred verdict if there was one and the mode is
   * confirmed; null otherwise.
   */
  LevelMemory.Verdict confirm(String modeAfter, LevelMemory levels) {
    if (!held) {
      return null;
    }
    held = false;
    if (!Objects.equals(mode, modeAfter)) {
      return null;
    }
    if (learn) {
      levels.learn(mode, kw);
    }
    return deferred;
  }

  /** With a confirmed deferred verdict, the nearest level of its mode, kW. */
  double levelKw() {
    return levelKw;
  }
}
