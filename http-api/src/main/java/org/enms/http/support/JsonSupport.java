package org.enms.http.support;

import org.apache.pekko.http.javadsl.marshallers.jackson.Jackson;
import org.apache.pekko.http.javadsl.marshalling.Marshaller;
import org.apache.pekko.http.javadsl.model.RequestEntity;
import org.enms.core.json.Json;

/** The one JSON marshaller of the API, over the project's shared ObjectMapper. */
public final class JsonSupport {
  private static final Marshaller<Object, RequestEntity> MARSHALLER =
      Jackson.marshaller(Json.mapper());

  private JsonSupport() {}

  @SuppressWarnings("unchecked")
  public static <T> Marshaller<T, RequestEntity> json() {
    return (Marshaller<T, RequestEntity>) (Marshaller<?, RequestEntity>) MARSHALLER;
  }

  /** Rounds for display; the store keeps full precision. */
  public static double round(double value, int decimals) {
    double scale = Math.pow(10, decimals);
    return Math.round(value * scale) / scale;
  }
}
