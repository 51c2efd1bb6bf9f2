package org.enms.http.report;

import java.awt.Color;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.font.PDType1Font;
import org.apache.pdfbox.pdmodel.font.Standard14Fonts;
import org.apache.pdfbox.pdmodel.graphics.image.LosslessFactory;
import org.apache.pdfbox.pdmodel.graphics.image.PDImageXObject;

/**
 * A top-to-bottom flow of headings, text, tables and images on A4 pages with PDFBox: each block
 * goes below the last, on a new page when it does not fit. Text is in Helvetica (WinAnsi): a
 * character it cannot encode (a machine name in another script) is written as {@code ?}, so a name
 * never fails a report.
 */
final class PdfLayout implements AutoCloseable {
  static final float MARGIN = 50;
  private static final PDRectangle SIZE = PDRectangle.A4;
  private static final float BOTTOM = MARGIN + 20;

  private final PDDocument document = new PDDocument();
  private final PDType1Font regular = new PDType1Font(Standard14Fonts.FontName.HELVETICA);
  private final PDType1Font bold = new PDType1Font(Standard14Fonts.FontName.HELVETICA_BOLD);
  private final Map<Character, Boolean> encodable = new HashMap<>();
  private PDPageContentStream content;
  private float y;

  PdfLayout(String title) {
    document.getDocumentInformation().setTitle(title);
    document.getDocumentInformation().setCreator("EnMS");
    newPage();
  }

  float width() {
    return SIZE.getWidth() - 2 * MARGIN;
  }

  void title(String text, float size, Color color) {
    ensure(size + 8);
    write(bold, size, MARGIN, y - size, text, color);
    y -= size + 8;
  }

  void text(String text, float size) {
    for (String line : wrap(text, regular, size, width())) {
      ensure(size + 4);
      write(regular, size, MARGIN, y - size, line, Color.BLACK);
      y -= size + 4;
    }
  }

  /** A section heading, moved to the next page with the first lines or chart below it. */
  void heading(String text) {
    ensure(140);
    y -= 10;
    write(bold, 13, MARGIN, y - 13, text, ReportCharts.BRAND);
    y -= 17;
    fill(MARGIN, y, width(), 1, ReportCharts.BRAND);
    y -= 8;
  }

  void bullets(List<String> items, float size) {
    for (String item : items) {
      List<String> lines = wrap(item, regular, size, width() - 14);
      for (int i = 0; i < lines.size(); i++) {
        ensure(size + 4);
        if (i == 0) {
          write(regular, size, MARGIN + 2, y - size, "-", Color.BLACK);
        }
        write(regular, size, MARGIN + 14, y - size, lines.get(i), Color.BLACK);
        y -= size + 4;
      }
    }
  }

  /**
   * A table: the first row is the header; {@code widths} are fractions of the page width; cells are
   * cut to fit their column.
   */
  void table(List<String[]> rows, float[] widths, float size) {
    float rowHeight = size + 8;
    // The header never stands alone at the foot of a page.
    ensure(2 * rowHeight);
    for (int r = 0; r < rows.size(); r++) {
      if (ensure(rowHeight) && r > 0) {
        row(rows.get(0), widths, size, rowHeight, true);
      }
      row(rows.get(r), widths, size, rowHeight, r == 0);
    }
    y -= 6;
  }

  private void row(String[] cells, float[] widths, float size, float height, boolean header) {
    if (header) {
      fill(MARGIN, y - height, width(), height, ReportCharts.BRAND);
    } else {
      fill(MARGIN, y - height, width(), 0.5f, Color.LIGHT_GRAY);
    }
    float x = MARGIN;
    for (int c = 0; c < cells.length; c++) {
      float w = widths[c] * width();
      PDType1Font font = header ? bold : regular;
      String cell = fit(cells[c], font, size, w - 8);
      write(font, size, x + 4, y - height + 5, cell, header ? Color.WHITE : Color.BLACK);
      x += w;
    }
    y -= height;
  }

  /** An image {@code width} points wide, its height in proportion. */
  void image(BufferedImage image, float width) {
    float height = width * image.getHeight() / image.getWidth();
    ensure(height + 6);
    try {
      PDImageXObject xobject = LosslessFactory.createFromImage(document, image);
      content.drawImage(xobject, MARGIN + (width() - width) / 2, y - height, width, height);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    y -= height + 6;
  }

  void space(float points) {
    y -= points;
  }

  /** Writes {@code footer} and the page number at the foot of every page; the PDF's bytes. */
  byte[] finish(String footer) {
    try {
      content.close();
      content = null;
      int pages = document.getNumberOfPages();
      for (int i = 0; i < pages; i++) {
        try (PDPageContentStream foot =
            new PDPageContentStream(
                document, document.getPage(i), PDPageContentStream.AppendMode.APPEND, true)) {
          writeOn(foot, regular, 8, MARGIN, MARGIN - 10, footer, Color.GRAY);
          String number = "Page " + (i + 1) + " of " + pages;
          float w = regular.getStringWidth(number) / 1000 * 8;
          writeOn(foot, regular, 8, SIZE.getWidth() - MARGIN - w, MARGIN - 10, number, Color.GRAY);
        }
      }
      ByteArrayOutputStream out = new ByteArrayOutputStream();
      document.save(out);
      return out.toByteArray();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  @Override
  public void close() {
    try {
      if (content != null) {
        content.close();
      }
      document.close();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Starts a new page unless {@code height} fits; whether it did. */
  private boolean ensure(float height) {
    if (y - height >= BOTTOM) {
      return false;
    }
    newPage();
    return true;
  }

  private void newPage() {
    try {
      if (content != null) {
        content.close();
      }
      PDPage page = new PDPage(SIZE);
      document.addPage(page);
      content = new PDPageContentStream(document, page);
      y = SIZE.getHeight() - MARGIN;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private void fill(float x, float yBottom, float w, float h, Color color) {
    try {
      content.setNonStrokingColor(color);
      content.addRect(x, yBottom, w, h);
      content.fill();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private void write(PDType1Font font, float size, float x, float baseline, String text, Color c) {
    writeOn(content, font, size, x, baseline, text, c);
  }

  private void writeOn(
      PDPageContentStream stream,
      PDType1Font font,
      float size,
      float x,
      float baseline,
      String text,
      Color color) {
    try {
      stream.beginText();
      stream.setNonStrokingColor(color);
      stream.setFont(font, size);
      stream.newLineAtOffset(x, baseline);
      stream.showText(clean(text, font));
      stream.endText();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** {@code text} with what the font cannot encode replaced by {@code ?}. */
  String clean(String text, PDType1Font font) {
    StringBuilder b = new StringBuilder(text.length());
    for (char ch : text.toCharArray()) {
      char c = ch == '\t' || ch == '\n' || ch == '\r' ? ' ' : ch;
      boolean ok =
          encodable.computeIfAbsent(
              c,
              k -> {
                try {
                  font.encode(String.valueOf(k));
                  return true;
                } catch (IOException | IllegalArgumentException e) {
                  return false;
                }
              });
      b.append(ok ? c : '?');
    }
    return b.toString();
  }

  private float widthOf(String text, PDType1Font font, float size) {
    try {
      return font.getStringWidth(clean(text, font)) / 1000 * size;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private List<String> wrap(String text, PDType1Font font, float size, float max) {
    List<String> lines = new ArrayList<>();
    StringBuilder line = new StringBuilder();
    for (String word : text.split(" ")) {
      String candidate = line.isEmpty() ? word : line + " " + word;
      if (widthOf(candidate, font, size) <= max || line.isEmpty()) {
        line.setLength(0);
        line.append(candidate);
      } else {
        lines.add(line.toString());
        line.setLength(0);
        line.append(word);
      }
    }
    lines.add(line.toString());
    return lines;
  }

  private String fit(String text, PDType1Font font, float size, float max) {
    if (widthOf(text, font, size) <= max) {
      return text;
    }
    String cut = text;
    while (!cut.isEmpty() && widthOf(cut + "...", font, size) > max) {
      cut = cut.substring(0, cut.length() - 1);
    }
    return cut + "...";
  }
}
