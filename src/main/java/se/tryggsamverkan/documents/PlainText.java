package se.tryggsamverkan.documents;

import java.util.Arrays;
import java.util.List;

/**
 * Text as a user typed it, made ready for a document that is also printed to PDF: split into paragraphs and lines,
 * and without the characters XML 1.0 cannot hold. Escaping stays the template's (th:text); this only shapes.
 */
public final class PlainText {

  private PlainText() {
  }

  /** A blank line starts a new paragraph, a single line break stays a line break; none when the text is blank. */
  public static List<List<String>> paragraphs(String text) {
    return text == null || text.isBlank() ? List.of() : split(text);
  }

  /** As {@link #paragraphs}, but a blank text is one empty line. */
  public static List<List<String>> split(String text) {
    String normalised = xmlSafe(text).replace("\r\n", "\n").replace('\r', '\n').strip();
    return Arrays.stream(normalised.split("\n[ \t]*\n\\s*"))
        .map(paragraph -> List.of(paragraph.strip().split("\n", -1))).toList();
  }

  /**
   * The text without the characters XML 1.0 forbids: a vertical tab pasted from Word would otherwise make the whole
   * document unparseable for openhtmltopdf. Null becomes the empty text.
   */
  public static String xmlSafe(String text) {
    if (text == null) {
      return "";
    }
    StringBuilder allowed = new StringBuilder(text.length());
    text.codePoints().filter(c -> c == '\t' || c == '\n' || c == '\r' || (c >= 0x20 && c <= 0xD7FF)
        || (c >= 0xE000 && c <= 0xFFFD) || c >= 0x10000).forEach(allowed::appendCodePoint);
    return allowed.toString();
  }
}
