package se.tryggsamverkan.plan;

import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A promise's measurable target, written the way the promises are: "minst 1 per vecka", "minst två per år",
 * "3 gånger per år". A promise without a target (e.g. "lovar att se över möjligheten") has none.
 */
public record PromiseTarget(int count, Period period) {

  public enum Period {
    WEEK("vecka"), MONTH("månad"), YEAR("år");

    private final String swedishName;

    Period(String swedishName) {
      this.swedishName = swedishName;
    }

    public String swedishName() {
      return swedishName;
    }
  }

  private static final Pattern FORMAT = Pattern.compile(
      "^(?:minst\\s+)?(\\d{1,3}|en|ett|två|tre|fyra|fem|sex|sju|åtta|nio|tio)\\s*"
          + "(?:gång|gånger|st|stycken|tillfällen|tillfälle)?\\s*(?:per|i|om|varje)\\s+"
          + "(vecka|veckan|månad|månaden|år|året)$");
  private static final String[] WORDS = {"en", "två", "tre", "fyra", "fem", "sex", "sju", "åtta", "nio", "tio"};

  public PromiseTarget {
    if (count < 1 || count > 999) {
      throw new IllegalArgumentException("count must be 1..999");
    }
  }

  /**
   * Reads a target; blank means none. Throws {@link IllegalArgumentException} with a Swedish explanation when the
   * text is not a target.
   */
  public static Optional<PromiseTarget> parse(String text) {
    String t = text == null ? "" : text.trim().toLowerCase(Locale.forLanguageTag("sv")).replaceAll("\\s+", " ");
    if (t.isEmpty()) {
      return Optional.empty();
    }
    Matcher m = FORMAT.matcher(t);
    if (!m.matches()) {
      throw new IllegalArgumentException("Målet '" + text.trim() + "' kan inte läsas: skriv till exempel "
          + "\"minst 1 per vecka\" eller \"minst 2 per år\", eller lämna tomt");
    }
    int count = number(m.group(1));
    if (count < 1 || count > 999) {
      throw new IllegalArgumentException("Målet '" + text.trim() + "' måste vara mellan 1 och 999 gånger");
    }
    Period period = m.group(2).startsWith("veck") ? Period.WEEK
        : m.group(2).startsWith("mån") ? Period.MONTH : Period.YEAR;
    return Optional.of(new PromiseTarget(count, period));
  }

  private static int number(String word) {
    if (word.equals("ett")) {
      return 1;
    }
    for (int i = 0; i < WORDS.length; i++) {
      if (WORDS[i].equals(word)) {
        return i + 1;
      }
    }
    return Integer.parseInt(word);
  }

  public String swedish() {
    return "minst " + count + " per " + period.swedishName();
  }
}
