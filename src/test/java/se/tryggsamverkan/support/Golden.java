package se.tryggsamverkan.support;

import static org.assertj.core.api.Assertions.fail;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Golden files: a rendered document is compared with the reviewed copy under {@code src/test/resources/golden}.
 * A change to a template shows as a failing test naming the first line that differs; after reviewing the new
 * output, {@code mvn test -Dgolden.update=true -Dtest=...} writes it as the new golden file (then read its diff).
 */
public final class Golden {

  private static final Path ROOT = Path.of("src/test/resources/golden");

  private Golden() {
  }

  public static void assertMatches(String name, String actual) {
    Path file = ROOT.resolve(name);
    try {
      if (Boolean.getBoolean("golden.update") || !Files.exists(file)) {
        Files.createDirectories(file.getParent());
        Files.writeString(file, actual, StandardCharsets.UTF_8);
        if (!Boolean.getBoolean("golden.update")) {
          fail("No golden file " + file + " yet: written now from this run; review it and commit it");
        }
        return;
      }
      String expected = Files.readString(file, StandardCharsets.UTF_8);
      if (expected.equals(actual)) {
        return;
      }
      String[] want = expected.split("\n", -1);
      String[] got = actual.split("\n", -1);
      for (int i = 0; i < Math.max(want.length, got.length); i++) {
        String w = i < want.length ? want[i] : "<no line>";
        String g = i < got.length ? got[i] : "<no line>";
        if (!w.equals(g)) {
          fail(file + " differs first at line " + (i + 1) + ":\n  golden:   " + w + "\n  rendered: " + g
              + "\nIf the change is meant, review it and run with -Dgolden.update=true to write the new golden file.");
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
