package org.enms.ingest.importer;

import java.util.List;
import java.util.stream.Collectors;

/**
 * An import that cannot start: a bad option, an unknown machine, or a file whose timestamps cannot
 * be read unambiguously. Each problem names the option (the API's form field, the CLI's option
 * without dashes) so both front ends can point at it.
 */
public final class InvalidImportSpecException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  /** One reason, and the option it concerns. */
  public record Problem(String field, String message) {}

  private final transient List<Problem> problems;

  public InvalidImportSpecException(List<Problem> problems) {
    super(
        problems.stream()
            .map(p -> p.field() + ": " + p.message())
            .collect(Collectors.joining("; ")),
        null,
        false,
        false);
    this.problems = List.copyOf(problems);
  }

  public static InvalidImportSpecException of(String field, String message) {
    return new InvalidImportSpecException(List.of(new Problem(field, message)));
  }

  public List<Problem> problems() {
    return problems;
  }
}
