package se.tryggsamverkan.documents;

import com.openhtmltopdf.extend.FSSupplier;
import com.openhtmltopdf.outputdevice.helper.BaseRendererBuilder.FontStyle;
import com.openhtmltopdf.pdfboxout.PdfBoxRenderer;
import com.openhtmltopdf.pdfboxout.PdfRendererBuilder;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import org.springframework.stereotype.Component;

/**
 * Prints one of our XHTML documents (the yearly report, the signed promises) to an A4 PDF with openhtmltopdf, so that
 * paper shows exactly what the browser showed. DejaVu Sans is embedded as a subset: it has the Swedish letters and
 * the status symbols. The font files are read from the classpath once and kept.
 */
@Component
public class PdfPrinter {

  private static final String FONT_FAMILY = "DejaVu Sans";
  private static final byte[] REGULAR = font("DejaVuSans.ttf");
  private static final byte[] BOLD = font("DejaVuSans-Bold.ttf");

  /**
   * The document printed to PDF, its language set for screen readers (openhtmltopdf takes {@code <html lang>} only
   * in PDF/UA mode). {@code what} names the document in the exception when it cannot be printed.
   */
  public byte[] print(String xhtml, String what) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    // no useFastMode(): in the io.github fork the fast renderer is the only one and that call is a deprecated no-op
    PdfRendererBuilder builder = new PdfRendererBuilder()
        .withHtmlContent(xhtml, null)
        // subset = true: the PDF carries only the glyphs it uses instead of 750 kB per font
        .useFont(supplier(REGULAR), FONT_FAMILY, 400, FontStyle.NORMAL, true)
        .useFont(supplier(BOLD), FONT_FAMILY, 700, FontStyle.NORMAL, true)
        .toStream(out);
    try (PdfBoxRenderer renderer = builder.buildPdfRenderer()) {
      renderer.getPdfDocument().getDocumentCatalog().setLanguage("sv-SE");
      renderer.createPDF();
    } catch (IOException | RuntimeException e) {
      throw new IllegalStateException("Could not print " + what + " to PDF with openhtmltopdf: " + e.getMessage(), e);
    }
    return out.toByteArray();
  }

  private static FSSupplier<InputStream> supplier(byte[] font) {
    return () -> new ByteArrayInputStream(font);
  }

  private static byte[] font(String file) {
    String path = "/fonts/" + file;
    try (InputStream in = PdfPrinter.class.getResourceAsStream(path)) {
      if (in == null) {
        throw new IllegalStateException("Font " + path + " is missing from the classpath; the PDFs need it for "
            + "Swedish letters and the status symbols");
      }
      return in.readAllBytes();
    } catch (IOException e) {
      throw new UncheckedIOException("Could not read the font " + path, e);
    }
  }
}
