package se.tryggsamverkan.reminder;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.List;
import org.junit.jupiter.api.Test;
import se.tryggsamverkan.documents.Documents;
import se.tryggsamverkan.reminder.MailContent.Rendered;
import se.tryggsamverkan.reminder.MailContent.Summons;
import se.tryggsamverkan.support.Golden;

/**
 * Every kind of mail as a golden file (subject, plain text and HTML), rendered from the templates with fixed facts,
 * and the escaping of what users typed. No clock: the "now" of each mail is given.
 */
class MailTemplatesTest {

  private static final ZoneId STOCKHOLM = ZoneId.of("Europe/Stockholm");
  private final MailContent mails = new MailContent(Documents.standalone());
  private final Recipient anna = new Recipient("anna.svensson", "Anna Svensson", "anna@kungalv.example");

  private TaskFacts task(String name, String assignee) {
    return new TaskFacts("task-1", name, "kungalv", "Kungälv",
        ZonedDateTime.of(2027, 3, 15, 17, 0, 0, 0, STOCKHOLM), assignee, List.of("municipal-coordinator"),
        "agreement-1");
  }

  private static void golden(String name, Rendered mail) {
    Golden.assertMatches("mail/" + name + ".txt", "Ämne: " + mail.subject() + "\n\n" + mail.text());
    Golden.assertMatches("mail/" + name + ".html", mail.html());
  }

  @Test
  void aReminderToTheRoleSevenDaysAhead() {
    Rendered mail = mails.reminder(MailKind.reminder(7), task("Lägesbild: kommunen", null),
        ZonedDateTime.of(2027, 3, 8, 7, 0, 0, 0, STOCKHOLM), "https://trygg.example.org/tasklist/#/?task=task-1")
        .to(anna);
    assertThat(mail.subject()).isEqualTo("[trygg-samverkan] Kungälv: Lägesbild: kommunen – 7 dagar kvar (senast "
        + "2027-03-15)");
    golden("paminnelse", mail);
  }

  @Test
  void aGroupsReminderIsRenderedOnceAndGreetsEachMemberByName() {
    MailContent.Letter letter = mails.reminder(MailKind.reminder(7), task("Lägesbild: kommunen", null),
        ZonedDateTime.of(2027, 3, 8, 7, 0, 0, 0, STOCKHOLM), "https://trygg.example.org/tasklist/#/?task=task-1");
    Rendered toAnna = letter.to(anna);
    Rendered toBo = letter.to(new Recipient("bo.ek", "Bo Ek", "bo@kungalv.example"));
    assertThat(toBo.subject()).isEqualTo(toAnna.subject());
    assertThat(toBo.text()).isEqualTo(toAnna.text().replace("Hej Anna Svensson!", "Hej Bo Ek!"));
    assertThat(toBo.html()).isEqualTo(toAnna.html().replace("Hej Anna Svensson!", "Hej Bo Ek!"));
    assertThat(toAnna.html()).containsOnlyOnce("<div id=\"innehall\">").containsOnlyOnce("Lägesbild: kommunen</td>");
  }

  @Test
  void aReminderOnTheDayAndOneDayAheadToWhoeverTookTheTask() {
    assertThat(mails.reminder(MailKind.reminder(0), task("Orsaksanalys", "anna.svensson"),
        ZonedDateTime.of(2027, 3, 15, 7, 0, 0, 0, STOCKHOLM), "l").to(anna).subject())
        .isEqualTo("[trygg-samverkan] Kungälv: Orsaksanalys – ska vara klar i dag (2027-03-15)");
    Rendered oneDay = mails.reminder(MailKind.reminder(1), task("Orsaksanalys", "anna.svensson"),
        ZonedDateTime.of(2027, 3, 14, 7, 0, 0, 0, STOCKHOLM), "l").to(anna);
    assertThat(oneDay.subject()).endsWith("– 1 dag kvar (senast 2027-03-15)");
    assertThat(oneDay.text()).contains("Det här är en påminnelse om din uppgift.");
  }

  @Test
  void anEscalationCountsTheDaysLate() {
    Rendered mail = mails.reminder(MailKind.escalation(2), task("Åtgärdsplan", "anna.svensson"),
        ZonedDateTime.of(2027, 3, 29, 7, 0, 0, 0, STOCKHOLM), "https://trygg.example.org/tasklist/#/?task=task-1")
        .to(anna);
    assertThat(mail.subject()).isEqualTo("[trygg-samverkan] Försenad: Kungälv: Åtgärdsplan – 14 dagar sen (skulle "
        + "vara klar 2027-03-15)");
    golden("forsenad-uppgift", mail);
  }

  @Test
  void anActivityTurnedLate() {
    golden("forsenad-aktivitet", mails.activityDelayed("Kungälv", "Trygghetsvandring i Ytterby centrum",
        LocalDate.of(2027, 5, 31), "Kommunen (anna.svensson)", "https://trygg.example.org/tasklist/").to(anna));
  }

  @Test
  void aSummonsItsChangeAndItsCancellation() {
    LocalDate day = LocalDate.of(2027, 6, 10);
    LocalTime time = LocalTime.of(13, 0);
    Rendered summons = mails.summons(Summons.NEW, "Styrgruppens möte", "Kungälv", day, time,
        "Stadshuset, sal Fontin", "Kommunen", "Halvårsuppföljning av aktiviteter och medborgarlöften för 2027.").to(anna);
    assertThat(summons.subject()).isEqualTo("[trygg-samverkan] Kallelse: Styrgruppens möte 2027-06-10 kl. 13:00 – "
        + "Kungälv");
    assertThat(summons.text()).contains("Välkommen till styrgruppens möte.");
    golden("kallelse", summons);
    Rendered changed = mails.summons(Summons.CHANGED, "Styrgruppens möte", "Kungälv", day, time,
        "Polisstationen", "Kommunen", "Halvårsuppföljning.").to(anna);
    assertThat(changed.subject()).startsWith("[trygg-samverkan] Ändrad kallelse: Styrgruppens möte 2027-06-10");
    golden("andrad-kallelse", changed);
    Rendered cancelled = mails.summons(Summons.CANCELLED, "Styrgruppens möte", "Kungälv", day, time,
        "Polisstationen", "Kommunen", "Halvårsuppföljning.").to(anna);
    assertThat(cancelled.subject()).startsWith("[trygg-samverkan] Inställt: Styrgruppens möte 2027-06-10");
    assertThat(cancelled.text()).contains("Mötet är inställt.");
  }

  @Test
  void whatUsersTypedIsEscapedInHtmlAndKeptAsTypedInText() {
    String hostile = "Lägesbild <script>alert('x')</script> & <b>fet</b> \"citat\"";
    Rendered mail = mails.reminder(MailKind.reminder(7), task(hostile, null),
        ZonedDateTime.of(2027, 3, 8, 7, 0, 0, 0, STOCKHOLM), "https://t.example.org/?a=1&b=\"2\"")
        .to(new Recipient("x", "<img src=x onerror=alert(1)>", "x@example.org"));
    assertThat(mail.html()).contains("&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt; &amp; &lt;b&gt;fet&lt;/b&gt; "
        + "&quot;citat&quot;", "Hej &lt;img src=x onerror=alert(1)&gt;!", "href=\"https://t.example.org/?a=1&amp;b=&quot;2&quot;\"")
        .doesNotContain("<script>", "<b>fet", "<img");
    assertThat(mail.text()).contains(hostile).contains("Hej <img src=x onerror=alert(1)>!");
  }

  @Test
  void aLineBreakInANameCannotAddAHeader() {
    Rendered mail = mails.reminder(MailKind.reminder(7), task("Lägesbild\r\nBcc: evil@example.org", null),
        ZonedDateTime.of(2027, 3, 8, 7, 0, 0, 0, STOCKHOLM), "l").to(anna);
    assertThat(mail.subject()).doesNotContain("\n", "\r").contains("Lägesbild Bcc: evil@example.org");
  }
}
