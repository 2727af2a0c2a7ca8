package se.tryggsamverkan.publication;

import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.util.List;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;

/**
 * The public promises as open data (issue 16): one CSV row per promise, for one municipality or all of them. A cell
 * that a spreadsheet would take for a formula (it starts with =, +, -, @, a tab or a carriage return) gets a leading
 * apostrophe, so that opening the file never runs what someone typed into a promise.
 */
public final class OpenData {

  /** Whoever publishes the data says what others may do with it: anything (CC0). */
  public static final String LICENSE = "CC0 1.0 Universell – fri att använda, ingen upphovsrätt förbehålls";
  public static final String LICENSE_URL = "https://creativecommons.org/publicdomain/zero/1.0/deed.sv";

  private static final String[] HEADER = {"kommun", "lokalpolisomrade", "ar", "nr", "lofte", "vem_lovar",
      "matbart_mal", "bedomning", "genomfort_ganger", "senast_uppdaterad", "undertecknat"};

  private OpenData() {
  }

  public static String csv(List<PublicPage> pages) {
    StringWriter out = new StringWriter();
    try (CSVPrinter printer = new CSVPrinter(out, CSVFormat.RFC4180.builder().setHeader(HEADER).get())) {
      for (PublicPage page : pages) {
        for (PublicPage.Promise p : page.shown().promises()) {
          printer.printRecord(cell(page.municipality()), cell(page.policeArea()), page.shown().year(), p.number(),
              cell(p.text()), cell(p.party()), cell(p.target()), cell(p.verdictName()), p.timesKept(), p.updatedOn(),
              page.shown().signedOn());
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return out.toString();
  }

  /** A text cell as a spreadsheet should show it, never as a formula. */
  static String cell(String text) {
    if (text == null || text.isEmpty()) {
      return text;
    }
    char first = text.charAt(0);
    return first == '=' || first == '+' || first == '-' || first == '@' || first == '\t' || first == '\r'
        ? "'" + text : text;
  }
}
