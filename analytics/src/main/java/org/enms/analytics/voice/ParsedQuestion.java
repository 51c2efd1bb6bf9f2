package org.enms.analytics.voice;

import java.util.List;
import java.util.Optional;

/**
 * A question understood: its intent and the entities said in it.
 *
 * @param machines canonical names of the machines named, in the order said
 * @param ambiguous a spoken name that fits several machines (e.g. "the compressor"), with them
 * @param window the period; {@link WindowParser}'s default (today) when none was said
 * @param count "top 3": 3
 * @param energyType electricity, natural_gas, steam or compressed_air when said
 */
public record ParsedQuestion(
    Intent intent,
    List<String> machines,
    Optional<Ambiguity> ambiguous,
    TimeWindow window,
    boolean windowSaid,
    Optional<Integer> count,
    Optional<String> energyType,
    Scope scope) {

  /** Whom a question without a machine's name is about. */
  public enum Scope {
    /** Nothing says: a machine-only question is about the machine named last in the session. */
    UNSAID,
    /** "it", "that machine", "and yesterday?": the machine named last in the session. */
    FOLLOW_UP,
    /** "the plant", "total", "all machines", "we": the whole plant. */
    PLANT
  }

  /** A spoken name that fits more than one machine. */
  public record Ambiguity(String spoken, List<String> candidates) {}
}
