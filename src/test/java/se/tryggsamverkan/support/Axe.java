package se.tryggsamverkan.support;

import com.deque.html.axecore.results.Results;
import com.deque.html.axecore.results.Rule;
import com.deque.html.axecore.selenium.AxeBuilder;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.openqa.selenium.WebDriver;

/**
 * axe-core (Deque) on the page the browser shows, with the rules of WCAG 2.1 levels A and AA: what the accessibility
 * law (lagen om tillgänglighet till digital offentlig service) asks of a public-sector web page.
 */
public final class Axe {

  private static final List<String> WCAG_21_AA = List.of("wcag2a", "wcag2aa", "wcag21a", "wcag21aa");

  private Axe() {
  }

  /** The violations on the page, each as "impact rule-id (n elements): help". */
  public static List<String> violations(WebDriver browser) {
    Results results = new AxeBuilder().withTags(WCAG_21_AA).analyze(browser);
    return results.getViolations().stream().map(Axe::describe).toList();
  }

  /** The serious and critical violations only: the ones the bar allows none of. */
  public static List<String> seriousOrCritical(WebDriver browser) {
    return violations(browser).stream().filter(v -> v.startsWith("serious ") || v.startsWith("critical ")).toList();
  }

  /** Violations counted per impact (minor, moderate, serious, critical), for a report. */
  public static Map<String, Integer> countsByImpact(List<String> violations) {
    Map<String, Integer> counts = new TreeMap<>();
    violations.forEach(v -> counts.merge(v.substring(0, v.indexOf(' ')), 1, Integer::sum));
    return counts;
  }

  private static String describe(Rule rule) {
    return rule.getImpact() + " " + rule.getId() + " (" + rule.getNodes().size() + " elements): " + rule.getHelp()
        + " " + rule.getNodes().stream().limit(3).map(node -> String.valueOf(node.getTarget())).toList();
  }
}
