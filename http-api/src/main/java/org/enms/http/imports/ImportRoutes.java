package org.enms.http.imports;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CompletionStage;
import org.apache.pekko.http.javadsl.model.Multipart;
import org.apache.pekko.http.javadsl.model.StatusCodes;
import org.apache.pekko.http.javadsl.server.AllDirectives;
import org.apache.pekko.http.javadsl.server.PathMatchers;
import org.apache.pekko.http.javadsl.server.Route;
import org.apache.pekko.http.javadsl.unmarshalling.Unmarshaller;
import org.apache.pekko.stream.Materializer;
import org.apache.pekko.stream.javadsl.FileIO;
import org.apache.pekko.stream.javadsl.Sink;
import org.apache.pekko.util.ByteString;
import org.enms.http.error.ApiException;
import org.enms.http.support.JsonSupport;
import org.enms.http.support.Violations;

/**
 * {@code /api/v1/import}: {@code POST} a meter export as {@code multipart/form-data} (a {@code
 * file} part and the import options as text fields) and get {@code 202} with the job's id and
 * status URL; {@code GET /api/v1/import/{job_id}} reports progress and, at the end, the summary.
 * The upload streams to a temporary file, never into memory; options or a file that cannot be
 * imported answer {@code 422} with one entry per problem.
 */
public final class ImportRoutes extends AllDirectives {
  private final ImportService imports;
  private final long maxUploadBytes;

  public ImportRoutes(ImportService imports, long maxUploadBytes) {
    this.imports = imports;
    this.maxUploadBytes = maxUploadBytes;
  }

  public Route routes() {
    return pathPrefix(
        "import",
        () ->
            concat(
                pathEndOrSingleSlash(() -> post(this::upload)),
                path(PathMatchers.segment(), id -> get(() -> status(id)))));
  }

  /**
   * The answer to an upload.
   *
   * @param status queued or running
   * @param statusUrl where {@code GET} reports the job's progress
   */
  public record ImportAccepted(String jobId, String status, String statusUrl) {
    static ImportAccepted of(ImportJobStatus job) {
      return new ImportAccepted(job.jobId(), job.status(), "/api/v1/import/" + job.jobId());
    }
  }

  /** The parts of one upload: the file on disk and the text fields. */
  private record Upload(Path file, String fileName, Map<String, String> fields) {}

  private Route upload() {
    return withSizeLimit(
        maxUploadBytes,
        () ->
            extractMaterializer(
                mat ->
                    entity(
                        Unmarshaller.entityToMultipartFormData(),
                        form ->
                            onSuccess(
                                receive(form, mat).thenCompose(this::start),
                                job ->
                                    complete(
                                        StatusCodes.ACCEPTED,
                                        ImportAccepted.of(job),
                                        JsonSupport.json())))));
  }

  private CompletionStage<ImportJobStatus> start(Upload upload) {
    if (upload.file() == null) {
      throw new ApiException(
          StatusCodes.UNPROCESSABLE_ENTITY,
          List.of(problem("file", "field required: the CSV file")));
    }
    return imports
        .start(upload.file(), upload.fileName(), upload.fields())
        .exceptionally(
            e -> {
              Throwable cause =
                  e instanceof CompletionException && e.getCause() != null ? e.getCause() : e;
              if (cause instanceof ImportService.InvalidImportRequest invalid) {
                throw new ApiException(
                    StatusCodes.UNPROCESSABLE_ENTITY,
                    invalid.problems().stream().map(p -> problem(p.field(), p.message())).toList());
              }
              throw cause instanceof RuntimeException r ? r : new CompletionException(cause);
            });
  }

  /** Writes the file part to a temporary file and collects the text fields, part by part. */
  private static CompletionStage<Upload> receive(Multipart.FormData form, Materializer mat) {
    Map<String, String> fields = new LinkedHashMap<>();
    Path[] file = new Path[1];
    String[] name = new String[1];
    return form.getParts()
        .mapAsync(
            1,
            part -> {
              if (part.getFilename().isPresent() || "file".equals(part.getName())) {
                if (file[0] != null) {
                  // One file per import: later file parts are drained, never kept on disk.
                  return part.getEntity().discardBytes(mat).completionStage().thenApply(d -> d);
                }
                Path tmp = tempFile();
                file[0] = tmp;
                name[0] = part.getFilename().orElse("upload.csv");
                return part.getEntity()
                    .getDataBytes()
                    .runWith(FileIO.toPath(tmp), mat)
                    .thenApply(r -> r);
              }
              return part.getEntity()
                  .getDataBytes()
                  .runFold(ByteString.emptyByteString(), ByteString::concat, mat)
                  .thenApply(bytes -> fields.put(part.getName(), bytes.utf8String()));
            })
        .runWith(Sink.ignore(), mat)
        .handle(
            (done, e) -> {
              if (e != null) {
                deleteQuietly(file[0]);
                throw e instanceof CompletionException c ? c : new CompletionException(e);
              }
              return new Upload(file[0], name[0], fields);
            });
  }

  private Route status(String id) {
    return onSuccess(
        imports.status(id),
        job ->
            completeOK(
                job.orElseThrow(() -> ApiException.notFound("Import job not found")),
                JsonSupport.json()));
  }

  private static Violations.FieldError problem(String field, String message) {
    return Violations.FieldError.body(field, message, "value_error");
  }

  private static Path tempFile() {
    try {
      return Files.createTempFile("enms-import-", ".csv");
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static void deleteQuietly(Path file) {
    if (file != null) {
      try {
        Files.deleteIfExists(file);
      } catch (IOException e) {
        // a temp file; the OS cleans it up
      }
    }
  }
}
