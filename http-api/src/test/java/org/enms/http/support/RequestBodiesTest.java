package org.enms.http.support;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.UUID;
import org.enms.http.error.ApiException;
import org.junit.jupiter.api.Test;

class RequestBodiesTest {
  record Sample(
      String name,
      Double ratedPowerKw,
      Integer intervalSeconds,
      Boolean active,
      UUID factoryId,
      List<String> tags)
      implements Validated {
    @Override
    public void validate(Violations v) {
      v.name("name", name);
      v.atLeast("rated_power_kw", ratedPowerKw, 0);
      v.between("interval_seconds", intervalSeconds, 1, 3600);
    }
  }

  @Test
  void readsSnakeCaseFieldsIntoTheRecord() {
    Sample s =
        RequestBodies.read(
            "{\"name\":\"C-1\",\"rated_power_kw\":55,\"interval_seconds\":10,\"active\":true,"
                + "\"factory_id\":\"11111111-1111-1111-1111-111111111111\",\"tags\":[\"a\"]}",
            Sample.class);
    assertThat(s.ratedPowerKw()).isEqualTo(55.0);
    assertThat(s.intervalSeconds()).isEqualTo(10);
    assertThat(s.factoryId()).isEqualTo(UUID.fromString("11111111-1111-1111-1111-111111111111"));
    assertThat(s.tags()).containsExactly("a");
  }

  @Test
  void refusesAStringWhereANumberBelongsWithTheFieldInLoc() {
    assertThat(problem("{\"name\":\"x\",\"rated_power_kw\":\"55\"}"))
        .isEqualTo("[{loc=[body, rated_power_kw], msg=value is not a valid number}]");
  }

  @Test
  void refusesANumberWhereAStringBelongs() {
    assertThat(problem("{\"name\":5}")).isEqualTo("[{loc=[body, name], msg=str type expected}]");
  }

  @Test
  void refusesAFractionWhereAnIntegerBelongsButReadsTwoPointZero() {
    assertThat(problem("{\"name\":\"x\",\"interval_seconds\":2.5}"))
        .isEqualTo("[{loc=[body, interval_seconds], msg=value is not a valid integer}]");
    assertThat(RequestBodies.read("{\"name\":\"x\",\"interval_seconds\":2.0}", Sample.class))
        .extracting(Sample::intervalSeconds)
        .isEqualTo(2);
  }

  @Test
  void refusesABadUuidAndMalformedJson() {
    assertThat(problem("{\"name\":\"x\",\"factory_id\":\"nope\"}"))
        .isEqualTo("[{loc=[body, factory_id], msg=value is not a valid uuid}]");
    assertThat(problem("{\"name\":")).isEqualTo("[{loc=[body], msg=JSON decode error}]");
    assertThat(problem("[1]")).isEqualTo("[{loc=[body], msg=a JSON object is required}]");
  }

  @Test
  void refusesABlankUuidRatherThanReadingItAsNotGiven() {
    assertThat(problem("{\"name\":\"x\",\"factory_id\":\"\"}"))
        .isEqualTo("[{loc=[body, factory_id], msg=value is not a valid uuid}]");
    assertThat(problem("{\"name\":\"x\",\"factory_id\":\" \"}"))
        .isEqualTo("[{loc=[body, factory_id], msg=value is not a valid uuid}]");
  }

  @Test
  void reportsEveryValidationProblemAtOnce() {
    assertThat(problem("{\"name\":\" \",\"rated_power_kw\":-1,\"interval_seconds\":0}"))
        .isEqualTo(
            "[{loc=[body, name], msg=must not be blank}, "
                + "{loc=[body, rated_power_kw], msg=ensure this value is greater than or equal to 0}, "
                + "{loc=[body, interval_seconds], msg=ensure this value is between 1 and 3600}]");
    assertThat(problem("{}")).isEqualTo("[{loc=[body, name], msg=field required}]");
  }

  private static String problem(String json) {
    try {
      RequestBodies.read(json, Sample.class);
    } catch (ApiException e) {
      assertThat(e.status().intValue()).isEqualTo(422);
      return ((List<?>) e.detail())
          .stream()
              .map(
                  d -> {
                    var f = (Violations.FieldError) d;
                    return "{loc=" + f.loc() + ", msg=" + f.msg() + "}";
                  })
              .toList()
              .toString();
    }
    throw new AssertionError("expected a 422 for " + json);
  }
}
