package se.tryggsamverkan.documents;

import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.springframework.context.MessageSource;
import org.springframework.context.support.ResourceBundleMessageSource;
import org.springframework.stereotype.Component;
import org.thymeleaf.context.Context;
import org.thymeleaf.spring6.SpringTemplateEngine;
import org.thymeleaf.templatemode.TemplateMode;
import org.thymeleaf.templateresolver.ClassLoaderTemplateResolver;

/**
 * The one place where documents are rendered: mails (HTML and plain text) and the yearly report are Thymeleaf
 * templates under {@code src/main/resources/templates}, their Swedish wording in {@code templates/texter.properties}.
 * Java hands a template a small view model; Thymeleaf escapes every value it writes ({@code th:text}), so nothing a
 * user typed becomes markup. Templates named {@code *.txt} are plain text (no escaping: mail bodies), and so are
 * style sheets named {@code *.css} (inserted into an HTML template's {@code <style>} with {@code th:insert}, where
 * an HTML escape would break the CSS); every other name is an HTML template written as well-formed XHTML, so that
 * openhtmltopdf can print the same document.
 *
 * <p>The engine is configured here rather than by Spring Boot's auto-configuration, so that a unit test renders
 * exactly what the application renders ({@link #standalone()}).
 */
@Component
public class Documents {

  /** Every document is Swedish: dates, numbers and the messages file. */
  public static final Locale SWEDISH = Locale.forLanguageTag("sv-SE");

  static final String MESSAGES = "templates/texter";

  private final SpringTemplateEngine engine;
  private final MessageSource messages;

  public Documents() {
    ResourceBundleMessageSource source = new ResourceBundleMessageSource();
    source.setBasename(MESSAGES);
    source.setDefaultEncoding("UTF-8");
    source.setFallbackToSystemLocale(false);
    this.messages = source;

    ClassLoaderTemplateResolver text = resolver(TemplateMode.TEXT, 1);
    text.setResolvablePatterns(Set.of("*.txt", "*.css"));
    ClassLoaderTemplateResolver html = resolver(TemplateMode.HTML, 2);
    html.setSuffix(".html");

    SpringTemplateEngine templates = new SpringTemplateEngine();
    templates.setTemplateEngineMessageSource(source);
    templates.addTemplateResolver(text);
    templates.addTemplateResolver(html);
    this.engine = templates;
  }

  /** The same configuration outside Spring, for tests of a single renderer. */
  public static Documents standalone() {
    return new Documents();
  }

  /** Renders {@code templates/<name>.html} (HTML) or {@code templates/<name>} when it ends in .txt or .css. */
  public String render(String template, Map<String, ?> model) {
    Context context = new Context(SWEDISH);
    model.forEach(context::setVariable);
    return engine.process(template, context);
  }

  /** One line of the messages file, with its {0}, {1}… filled in (subjects of mails, for example). */
  public String message(String code, Object... args) {
    return messages.getMessage(code, args, SWEDISH);
  }

  private static ClassLoaderTemplateResolver resolver(TemplateMode mode, int order) {
    ClassLoaderTemplateResolver resolver = new ClassLoaderTemplateResolver();
    resolver.setPrefix("templates/");
    resolver.setTemplateMode(mode);
    resolver.setCharacterEncoding("UTF-8");
    resolver.setCheckExistence(true);
    resolver.setCacheable(true);
    resolver.setOrder(order);
    return resolver;
  }
}
