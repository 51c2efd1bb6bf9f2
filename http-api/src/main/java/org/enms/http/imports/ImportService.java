package org.enms.http.imports;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletionStage;

/**
 * Runs imports of uploaded meter exports as background jobs. The service owns the uploaded file
 * once {@link #start} is called and deletes it when the job ends or is refused.
 */
public interface ImportService {

  /**
   * Checks the options and the beginning of the file, then starts the import.
   *
   * @param fields the form's text fields (machine, value_kind, timestamp_column, ...)
   * @return the queued job; fails with {@link InvalidImportRequest} when the options or the file do
   *     not fit
   */
  CompletionStage<ImportJobStatus> start(Path upload, String fileName, Map<String, String> fields);

  CompletionStage<Optional<ImportJobStatus>> status(String jobId);

  /** Options or a file that cannot be imported; each problem names its form field. */
  final class InvalidImportRequest extends RuntimeException {
    private static final long serialVersionUID = 1L;

    /** One reason and the form field it concerns. */
    public record Problem(String field, String message) {}

    private final transient List<Problem> problems;

    public InvalidImportRequest(List<Problem> problems) {
      super(String.valueOf(problems), null, false, false);
      this.problems = List.copyOf(problems);
    }

    public List<Problem> problems() {
      return problems;
    }
  }
}
