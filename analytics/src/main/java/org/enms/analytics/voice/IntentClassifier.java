package org.enms.analytics.voice;

import java.util.List;
import java.util.regex.Pattern;

/**
 * The intent of a question, from its words: an ordered list of rules, the first that matches wins,
 * so that "energy forecast" is a forecast, "peak power" a peak and "running cost" a cost.
 * Thread-safe (immutable).
 */
final class IntentClassifier {
  private record Rule(Intent intent, Pattern pattern) {}

  private static Rule rule(Intent intent, String regex) {
    return new Rule(intent, Pattern.compile(" (?:" + regex + ") "));
  }

  private static final List<Rule> RULES =
      List.of(
          rule(Intent.HELP, "help|what can (?:you|i) (?:do|ask)|what do you know"),
          rule(
              Intent.HEALTH,
              "system health|health|healthy|is the system \\w+|database|are you (?:ok|okay|up|"
                  + "working)|api status|system status"),
          rule(
              Intent.RANKING,
              "top \\d+|top|biggest|largest|highest consumers?|most energy|uses? the most|"
                  + "consumes? the most|ranking|rank|worst|heaviest"),
          rule(Intent.COMPARISON, "compare|comparison|versus|vs|difference between"),
          rule(
              Intent.ANOMALIES,
              "anomaly|anomalies|anomalous|alerts?|alarms?|unusual|abnormal|problems?|issues?|"
                  + "faults?|spikes?|drops?|wrong"),
          rule(
              Intent.FORECAST,
              "forecasts?|predict|predicted|prediction|tomorrow|next \\w+|"
                  + "will \\w+ use|going to use"),
          rule(
              Intent.ENPI,
              "enpi|iso|50001|energy performance indicators?|compliance|"
                  + "cusum|savings?|saved|save"),
          rule(Intent.SEUS, "seus?|significant energy uses?"),
          rule(
              Intent.BASELINE,
              "baselines?|expected|should(?: \\w+){0,3} (?:used|use|consumed?)|normally uses?"),
          rule(Intent.LOAD_FACTOR, "load factor"),
          rule(
              Intent.SEC,
              "sec|specific energy|energy per unit|per unit|energy intensity|" + "kwh per unit"),
          rule(
              Intent.PEAK,
              "peak|maximum demand|max demand|highest demand|max power|"
                  + "maximum power|highest power"),
          rule(
              Intent.COST,
              "cost|costs|costing|spend|spent|spending|bill|money|dollars?|euros?|"
                  + "expensive|price"),
          rule(Intent.KPI, "kpis?|key performance|performance indicators?|performance"),
          rule(
              Intent.PRODUCTION,
              "production|produced|produce|units|output|oee|quality|" + "throughput|parts"),
          rule(
              Intent.MACHINES,
              "list (?:all )?(?:the )?machines|which machines|what machines|how many machines|"
                  + "all machines|machines are there|show (?:me )?(?:the )?machines"),
          rule(
              Intent.STATUS,
              "running|status|state|on or off|turned on|switched on|working|online|offline|idle|"
                  + "stopped|active|operating|up and running|is \\w+ on"),
          rule(Intent.ENERGY, "kwh|kilowatt hours?"),
          rule(Intent.POWER, "power|kw|kilowatts?|drawing|demand|load"),
          rule(
              Intent.ENERGY,
              "energy|consumption|consumed|consume|consuming|kwh|kilowatt hours?|usage|used|use|"
                  + "electricity|gas|steam"));

  private IntentClassifier() {}

  static Intent classify(List<String> words) {
    String text = Spoken.padded(words);
    for (Rule r : RULES) {
      if (r.pattern().matcher(text).find()) {
        return r.intent();
      }
    }
    return Intent.UNKNOWN;
  }
}
