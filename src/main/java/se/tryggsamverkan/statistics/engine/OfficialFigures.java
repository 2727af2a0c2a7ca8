package se.tryggsamverkan.statistics.engine;

import static se.tryggsamverkan.cycle.engine.YearlyCycleProcess.*;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.math.BigDecimal;
import java.text.NumberFormat;
import java.util.Locale;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.spin.Spin;
import org.camunda.spin.json.SpinJsonNode;
import org.springframework.stereotype.Component;
import se.tryggsamverkan.agreement.AgreementRepository;
import se.tryggsamverkan.plan.SituationSource;
import se.tryggsamverkan.statistics.OfficialStatistics;
import se.tryggsamverkan.statistics.OfficialStatistics.Figure;

/**
 * {@code ${officialFigures...}} in the police's situation-picture task (issue 17): the municipality's official
 * figures, as kept by the last refresh, offered as rows of the form with their KPI id, year and retrieval day, each
 * beside the county's and the country's figure and the change since the year before; and a note that says where
 * they come from, or why there are none. Reads the project's tables only: creating the task never waits on Kolada.
 */
@Component("officialFigures")
public class OfficialFigures {

  private static final Locale SWEDISH = Locale.forLanguageTag("sv-SE");

  private final OfficialStatistics statistics;
  private final AgreementRepository agreements;
  private final ObjectMapper json = new ObjectMapper();

  OfficialFigures(OfficialStatistics statistics, AgreementRepository agreements) {
    this.statistics = statistics;
    this.agreements = agreements;
  }

  /** The rows the form opens with: one per indicator and year, the oldest year first. */
  public SpinJsonNode situationRows(DelegateExecution execution) {
    return Spin.JSON(rows(execution.getTenantId(), AGREEMENT_ID.from(execution), CYCLE_YEAR.from(execution)));
  }

  /** The note of {@link #note(DelegateExecution)}. */
  public String note(DelegateExecution execution) {
    return note(execution.getTenantId(), CYCLE_YEAR.from(execution));
  }

  String rows(String tenant, String agreementId, int year) {
    String municipality = agreements.findById(agreementId).map(a -> a.municipality()).orElse(tenant);
    ArrayNode rows = json.createArrayNode();
    for (Figure figure : statistics.figures(tenant, year)) {
      ObjectNode row = rows.addObject();
      row.put("source", SituationSource.OFFICIAL_STATISTICS.name());
      row.put("description", description(figure, municipality));
      row.put("figure", figure.value());
      row.put("unit", figure.indicator().unit());
      row.put("kpiId", figure.indicator().id());
      row.put("period", figure.period());
      row.put("retrievedOn", figure.retrievedOn().toString());
    }
    return rows.toString();
  }

  /** Where the rows come from, or why there are none, in Swedish. */
  String note(String tenant, int year) {
    boolean any = !statistics.figures(tenant, year).isEmpty();
    var last = statistics.lastRefresh(tenant);
    if (!statistics.settings().enabled()) {
      return "Officiell statistik hämtas inte i den här installationen. Skriv in siffrorna under Underlag.";
    }
    if (last.isEmpty()) {
      return "Ingen officiell statistik är hämtad för kommunen än. Den hämtas från Kolada varje natt; samordnarna "
          + "kan också hämta den direkt från kommunens sida i översikten. Till dess: skriv in siffrorna själv.";
    }
    if (any && last.get().ok()) {
      return "Raderna med källan Officiell statistik (Kolada) är hämtade från Kolada " + statistics.dayOf(last.get()) + ", med "
          + "länets och rikets siffra och förändringen mot året före. Källa: Kolada. Behåll, rätta eller ta bort dem.";
    }
    if (any) {
      return last.get().message() + " Raderna med källan Officiell statistik (Kolada) är från den senaste lyckade "
          + "hämtningen. Källa: Kolada.";
    }
    return last.get().message() + " Skriv in siffrorna själv under Underlag.";
  }

  /**
   * "Anmälda brott totalt, antal/100 000 inv, 2024: Kungsbacka 5 432 · länet 6 100 · riket 7 900 (Källa: Kolada,
   * N07540). Förändring mot 2023: +3,2 %." Kolada asks that only its own figures carry its name: the change is ours.
   */
  static String description(Figure figure, String municipality) {
    StringBuilder text = new StringBuilder(figure.indicator().title()).append(", ").append(figure.period())
        .append(": ").append(municipality).append(' ').append(number(figure.value()));
    if (figure.county() != null) {
      text.append(" · länet ").append(number(figure.county()));
    }
    if (figure.country() != null) {
      text.append(" · riket ").append(number(figure.country()));
    }
    text.append(" (Källa: Kolada, ").append(figure.indicator().id()).append(").");
    BigDecimal change = figure.changePercent();
    if (change != null) {
      text.append(" Förändring mot ").append(figure.period() - 1).append(": ")
          .append(change.signum() > 0 ? "+" : change.signum() < 0 ? "−" : "±").append(number(change.abs()))
          .append(" %.");
    }
    return text.toString();
  }

  private static String number(BigDecimal value) {
    NumberFormat format = NumberFormat.getNumberInstance(SWEDISH);
    format.setMaximumFractionDigits(1);
    return format.format(value);
  }

}
