package se.tryggsamverkan.report;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.List;
import org.junit.jupiter.api.Test;
import se.tryggsamverkan.documents.Documents;
import se.tryggsamverkan.followup.ActivityStatus;
import se.tryggsamverkan.report.FollowUpReport.ActivityLine;
import se.tryggsamverkan.report.FollowUpReport.Figure;
import se.tryggsamverkan.report.FollowUpReport.FocusAreaSection;
import se.tryggsamverkan.report.FollowUpReport.PromiseLine;
import se.tryggsamverkan.report.FollowUpReport.SteeringFollowUp;
import se.tryggsamverkan.support.Golden;

/**
 * The report's whole XHTML for one fixed, realistic year, compared line by line with a reviewed copy: a change to
 * the template, the messages or the view model shows up here as a diff a person reads, not as a report that looks
 * different at the next board meeting. Every branch of the template is in the input (a draft, missing dates, a
 * figure without unit or value, a promise over two years, text a user pasted with markup, a control character and
 * Windows line ends). Run with {@code -Dgolden.update=true} to rewrite the copy after an intended change, then read
 * its diff before committing it.
 */
class ReportRendererGoldenTest {

  private final ReportRenderer renderer = new ReportRenderer(Documents.standalone(), new se.tryggsamverkan.documents.PdfPrinter());

  @Test
  void htmlIsTheReviewedOne() {
    Golden.assertMatches("arsrapport.html", renderer.html(report()));
  }

  /** Kungsbacka's draft for 2026, as the coordinators would see it in February 2027. */
  static FollowUpReport report() {
    String longComment = ("Under våren genomfördes tolv trygghetsvandringar i Centrum, Hede och Åsa tillsammans "
        + "med fastighetsägare, räddningstjänsten och boende. ").repeat(6)
        + "\n\nPå hösten fick vandringarna en paus när belysningen byttes.\r\nDe återupptas i mars.";
    List<Figure> figures = List.of(
        new Figure("Brå NTU", "Polisen", "Anmälda våldsbrott", new BigDecimal("412"), "anmälningar"),
        new Figure("Brå NTU", "Polisen", "Anmälda bostadsinbrott", new BigDecimal("103"), " anmälningar "),
        new Figure("Trygghetsmätning", "Kommunen", "Otrygga i bostadsområdet", new BigDecimal("23.456"), "procent"),
        new Figure("Trygghetsmätning", "Kommunen", "Utsatta för <b>skadegörelse</b> & hot", new BigDecimal("7.5"),
            "procent"),
        new Figure("Polisen", "Polisen", "Lägesbild Q3", new BigDecimal("1234567"), null),
        new Figure("Kommunen", "Kommunen", "Skadegörelse på skolor", null, "ärenden"));
    FocusAreaSection violence = new FocusAreaSection("Våld i nära relationer",
        List.of("Motverka våld i hemmet", "Stöd till barn som bevittnat våld"), List.of(
            new ActivityLine("Kunskapskampanj", "Anna Berg", LocalDate.of(2026, 1, 1), LocalDate.of(2026, 11, 30),
                ActivityStatus.COMPLETED, "Kampanjen nådde alla skolor.", LocalDate.of(2026, 11, 30)),
            new ActivityLine("Personalutbildning", "olle.ek@kungsbacka.se", LocalDate.of(2026, 2, 1),
                LocalDate.of(2026, 12, 31), ActivityStatus.ONGOING_WITH_DEVIATION,
                "Två pass ställdes in <script>alert(1)</script> & \" ' \u000B efter sjukdom.",
                LocalDate.of(2026, 10, 2)),
            new ActivityLine("Samordnare på plats", "Socialtjänsten", null, LocalDate.of(2026, 6, 30),
                ActivityStatus.COMPLETED_WITH_DEVIATION, "Tillsatt i augusti.", null)));
    FocusAreaSection centre = new FocusAreaSection("Trygghet i centrum & <i>stationen</i>", List.of("Belysning"),
        List.of(
            new ActivityLine("Trygghetsvandring", "Polisen", LocalDate.of(2026, 3, 1), null, ActivityStatus.ONGOING,
                longComment, LocalDate.of(2026, 9, 1)),
            new ActivityLine("Parkbelysning", "Tekniska", LocalDate.of(2026, 1, 1), LocalDate.of(2026, 6, 30),
                ActivityStatus.DELAYED, null, null),
            new ActivityLine("Nattvandring", "Föreningarna", LocalDate.of(2026, 1, 1), LocalDate.of(2026, 6, 30),
                ActivityStatus.STOPPED, null, null, LocalDate.of(2026, 5, 4),
                "Föreningarna vandrar själva.\n\nBeslutat av styrgruppen."),
            new ActivityLine("Ny belysning vid stationen", "Tekniska", LocalDate.of(2027, 4, 1),
                LocalDate.of(2027, 9, 30), ActivityStatus.NOT_STARTED, null, null),
            new ActivityLine("Utan period", "Tekniska", null, null, ActivityStatus.NOT_STARTED, null, null)));
    FocusAreaSection youth = new FocusAreaSection("Unga i riskzon", List.of(), List.of());
    List<PromiseLine> promises = List.of(
        new PromiseLine("Öppet hus på biblioteket", "Polisen", "minst 1 per månad",
            List.of(LocalDate.of(2026, 1, 10), LocalDate.of(2026, 1, 24), LocalDate.of(2026, 2, 7),
                LocalDate.of(2026, 3, 7)), 11, "I riskzonen"),
        new PromiseLine("Trygghetsvandring med boende", "Kommunen", "minst 2 per år",
            List.of(LocalDate.of(2026, 12, 3), LocalDate.of(2026, 4, 20), LocalDate.of(2027, 1, 12)), 2, "Hållet"),
        new PromiseLine("Besök på skolorna", "Polisen", null, List.of(LocalDate.of(2026, 5, 5)), 0, null),
        new PromiseLine("Närvaro vid evenemang", "Polisen & kommunen", null, List.of(), 0, null),
        new PromiseLine("Medborgardialog", "Kommunen", "minst 1 per halvår", List.of(), 1, null));
    List<SteeringFollowUp> followUps = List.of(
        new SteeringFollowUp(LocalDate.of(2026, 9, 15), "Planen följs i stort.\nBelysningen är försenad.",
            "Belysningen flyttas till 2027."),
        new SteeringFollowUp(null, null, " "));
    return new FollowUpReport("Kungsbacka", "Lokalpolisområde Kungsbacka", 2026, LocalDate.of(2027, 2, 16), true,
        "Planen gäller 2026–2027.\r\n\r\nDen följs upp varje år av kommunen & polisen.", null,
        "Brotten minskar.\nOtryggheten ökar något.\n\n  \n\nMest i centrum.", figures,
        List.of(violence, centre, youth), promises, followUps, "Börja tidigare med belysningen.",
        LocalDateTime.of(2027, 1, 20, 14, 5), List.of(
            // approved, returned with a comment over two paragraphs, and one that lapsed at the year's end
            new FollowUpReport.PlanChangeLine(1, LocalDate.of(2026, 5, 2), "Godkänd", LocalDate.of(2026, 5, 4),
                "Styrgruppen", "Föreningarna vandrar själva.",
                List.of("Stoppas: Nattvandring", "Ny aktivitet: Ny belysning vid stationen (2027-04-01–2027-09-30, "
                    + "Tekniska)"), List.of(new FollowUpReport.PartyDecision("Polisen", true, null),
                    new FollowUpReport.PartyDecision("Kommunen", true, "Bra <3 & tydligt"))),
            new FollowUpReport.PlanChangeLine(2, LocalDate.of(2026, 9, 1), "Återremitterad",
                LocalDate.of(2026, 9, 15), "Samordnarna", "Nya datum för parkbelysningen.",
                List.of("Nya datum: Parkbelysning (2026-01-01–2026-12-31)"),
                List.of(new FollowUpReport.PartyDecision("Polisen", false, "Vänta på budgeten.\n\nTa upp i mars."),
                    new FollowUpReport.PartyDecision("Kommunen", true, null))),
            new FollowUpReport.PlanChangeLine(3, LocalDate.of(2026, 12, 20), "Inte beslutad före årets slut", null,
                "Styrgruppen", null, List.of("Stoppas: Parkbelysning"), List.of())));
  }
}
