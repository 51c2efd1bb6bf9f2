package org.enms.http.voice;

import java.time.Instant;
import org.apache.pekko.http.javadsl.server.AllDirectives;
import org.apache.pekko.http.javadsl.server.Route;
import org.enms.http.support.JsonSupport;
import org.enms.http.support.RequestBodies;

/**
 * {@code /ovos/voice/*}: questions answered in EnMS itself (the original forwarded them to an
 * external bridge). {@code health} says the assistant is built in and answering.
 */
public final class VoiceRoutes extends AllDirectives {
  private final VoiceAssistant assistant;

  public VoiceRoutes(VoiceAssistant assistant) {
    this.assistant = assistant;
  }

  /** The original's health fields; there is no bridge, so it is reachable whenever EnMS is. */
  public record VoiceHealth(
      String status,
      boolean bridgeReachable,
      String bridgeUrl,
      boolean ovosConnected,
      boolean ttsAvailable,
      String ttsEngine,
      String error,
      String engine,
      Instant timestamp) {}

  public Route routes() {
    return pathPrefix(
        "ovos",
        () ->
            pathPrefix(
                "voice",
                () ->
                    concat(
                        path(
                            "query",
                            () ->
                                post(
                                    () ->
                                        RequestBodies.body(
                                            VoiceQuery.class,
                                            q ->
                                                onSuccess(
                                                    assistant.ask(q),
                                                    a -> completeOK(a, JsonSupport.json()))))),
                        path(
                            "health",
                            () ->
                                get(
                                    () ->
                                        completeOK(
                                            new VoiceHealth(
                                                "ok",
                                                true,
                                                null,
                                                false,
                                                false,
                                                null,
                                                null,
                                                "built-in",
                                                Instant.now()),
                                            JsonSupport.json()))))));
  }
}
