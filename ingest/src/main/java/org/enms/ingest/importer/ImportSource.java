package org.enms.ingest.importer;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.StringReader;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * A CSV file that can be read more than once: the importer samples the beginning to detect the
 * layout, then streams the whole file. Text is UTF-8; bytes that are not (a Windows-1252 {@code °}
 * in a header) are replaced rather than failing the import.
 */
public interface ImportSource {
  BufferedReader open() throws IOException;

  /** Size in characters (approximately bytes), for progress; 0 when unknown. */
  long size();

  String name();

  static ImportSource of(Path file) {
    return new ImportSource() {
      @Override
      public BufferedReader open() throws IOException {
        var decoder =
            StandardCharsets.UTF_8
                .newDecoder()
                .onMalformedInput(CodingErrorAction.REPLACE)
                .onUnmappableCharacter(CodingErrorAction.REPLACE);
        return new BufferedReader(
            new InputStreamReader(Files.newInputStream(file), decoder), 1 << 16);
      }

      @Override
      public long size() {
        try {
          return Files.size(file);
        } catch (IOException e) {
          return 0;
        }
      }

      @Override
      public String name() {
        return file.getFileName().toString();
      }
    };
  }

  static ImportSource ofText(String name, String content) {
    return new ImportSource() {
      @Override
      public BufferedReader open() {
        return new BufferedReader(new StringReader(content));
      }

      @Override
      public long size() {
        return content.length();
      }

      @Override
      public String name() {
        return name;
      }
    };
  }
}
