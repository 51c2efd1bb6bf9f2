package org.enms.http.support;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonParser.NumberType;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.MapperFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.cfg.CoercionAction;
import com.fasterxml.jackson.databind.cfg.CoercionInputShape;
import com.fasterxml.jackson.databind.deser.std.StdDeserializer;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.module.SimpleModule;
import com.fasterxml.jackson.databind.type.LogicalType;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.function.Function;
import org.apache.pekko.http.javadsl.server.AllDirectives;
import org.apache.pekko.http.javadsl.server.Route;
import org.apache.pekko.http.javadsl.unmarshalling.Unmarshaller;
import org.enms.core.json.Json;
import org.enms.http.error.ApiException;

/**
 * Reads JSON request bodies into their records with the shared mapper (snake_case), strictly: a
 * string is not read as a number or the other way round, as FastAPI's validation would refuse it.
 * Malformed JSON and values of the wrong type answer 422 in FastAPI's shape; a record that is
 * {@link Validated} then checks its own values.
 */
public final class RequestBodies {
  private static final ObjectMapper STRICT = strict();

  private RequestBodies() {}

  /** The route directive: {@code inner} gets the body read as {@code type}. */
  public static <T> Route body(Class<T> type, Function<T, Route> inner) {
    return Directives.INSTANCE.entity(
        Unmarshaller.entityToString(), text -> inner.apply(read(text, type)));
  }

  public static <T> T read(String text, Class<T> type) {
    return read(tree(text), type);
  }

  /**
   * The body as a tree, for the few requests that must tell an absent field from an explicit {@code
   * null} (a PATCH that clears a value), which a record cannot.
   */
  public static JsonNode tree(String text) {
    JsonNode node;
    try {
      node = Json.mapper().readTree(text == null || text.isBlank() ? "null" : text);
    } catch (JsonProcessingException e) {
      throw unprocessable(
          Violations.FieldError.body(null, "JSON decode error", "value_error.jsondecode"));
    }
    if (node == null || !node.isObject()) {
      throw unprocessable(
          Violations.FieldError.body(null, "a JSON object is required", "type_error.dict"));
    }
    return node;
  }

  /** Reads a tree already taken from the body (see {@link #tree}) as {@code type}. */
  public static <T> T read(JsonNode tree, Class<T> type) {
    try {
      return validated(STRICT.treeToValue(tree, type));
    } catch (JsonProcessingException e) {
      throw unprocessable(problem(e));
    }
  }

  private static <T> T validated(T body) {
    if (body instanceof Validated v) {
      Violations violations = new Violations();
      v.validate(violations);
      violations.check();
    }
    return body;
  }

  private static Violations.FieldError problem(JsonProcessingException e) {
    String field = e instanceof JsonMappingException m ? path(m) : null;
    if (e instanceof MismatchedInputException mismatch) {
      return Violations.FieldError.body(field, expected(mismatch.getTargetType()), "type_error");
    }
    return Violations.FieldError.body(field, "value is not valid", "value_error");
  }

  /** The first named field on the path, as FastAPI's {@code loc} names it. */
  private static String path(JsonMappingException e) {
    List<String> names = new ArrayList<>();
    for (JsonMappingException.Reference r : e.getPath()) {
      if (r.getFieldName() != null) {
        names.add(r.getFieldName());
      }
    }
    return names.isEmpty() ? null : names.get(0);
  }

  private static String expected(Class<?> type) {
    if (type == null) {
      return "value is not valid";
    }
    if (type == String.class) {
      return "str type expected";
    }
    if (type == Double.class || type == double.class || type == Float.class) {
      return "value is not a valid number";
    }
    if (type == Integer.class || type == int.class || type == Long.class || type == long.class) {
      return "value is not a valid integer";
    }
    if (type == Boolean.class || type == boolean.class) {
      return "value could not be parsed to a boolean";
    }
    if (type == UUID.class) {
      return "value is not a valid uuid";
    }
    if (List.class.isAssignableFrom(type)) {
      return "value is not a valid list";
    }
    if (type.isEnum()) {
      return "value is not a valid enumeration member";
    }
    return "value is not valid";
  }

  private static ApiException unprocessable(Violations.FieldError error) {
    return new ApiException(
        org.apache.pekko.http.javadsl.model.StatusCodes.UNPROCESSABLE_ENTITY, List.of(error));
  }

  private static ObjectMapper strict() {
    ObjectMapper mapper =
        Json.mapper().copy().enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES);
    mapper.configure(MapperFeature.ALLOW_COERCION_OF_SCALARS, false);
    for (LogicalType t : List.of(LogicalType.Integer, LogicalType.Float, LogicalType.Boolean)) {
      mapper.coercionConfigFor(t).setCoercion(CoercionInputShape.String, CoercionAction.Fail);
    }
    // A blank string is not a UUID (Jackson would read it as null, i.e. "not given").
    mapper
        .coercionConfigFor(LogicalType.OtherScalar)
        .setCoercion(CoercionInputShape.EmptyString, CoercionAction.Fail);
    mapper
        .coercionConfigFor(LogicalType.Textual)
        .setCoercion(CoercionInputShape.Integer, CoercionAction.Fail)
        .setCoercion(CoercionInputShape.Float, CoercionAction.Fail)
        .setCoercion(CoercionInputShape.Boolean, CoercionAction.Fail);
    mapper.registerModule(
        new SimpleModule("strict-integers")
            .addDeserializer(Integer.class, new WholeNumber())
            .addDeserializer(int.class, new WholeNumber()));
    return mapper;
  }

  /** An integer: 2 and 2.0 read as 2, 2.5 is refused rather than cut to 2. */
  private static final class WholeNumber extends StdDeserializer<Integer> {
    private static final long serialVersionUID = 1L;

    WholeNumber() {
      super(Integer.class);
    }

    @Override
    public Integer deserialize(JsonParser p, DeserializationContext ctxt) throws IOException {
      if (p.currentToken() == JsonToken.VALUE_NUMBER_INT && p.getNumberType() == NumberType.INT) {
        return p.getIntValue();
      }
      if (p.currentToken() == JsonToken.VALUE_NUMBER_FLOAT) {
        double v = p.getDoubleValue();
        if (v == Math.rint(v) && v >= Integer.MIN_VALUE && v <= Integer.MAX_VALUE) {
          return (int) v;
        }
      }
      return (Integer) ctxt.handleUnexpectedToken(Integer.class, p);
    }
  }

  /** Pekko's directives, for {@link #body}. */
  private static final class Directives extends AllDirectives {
    static final Directives INSTANCE = new Directives();
  }
}
