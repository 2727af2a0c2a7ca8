package se.tryggsamverkan.bench;

import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.List;
import java.util.function.IntSupplier;
import org.junit.jupiter.api.Test;
import se.tryggsamverkan.documents.Documents;
import se.tryggsamverkan.reminder.MailContent;
import se.tryggsamverkan.reminder.MailKind;
import se.tryggsamverkan.reminder.Recipient;
import se.tryggsamverkan.reminder.TaskFacts;

/**
 * What a mail costs to render from its templates (subject, plain text and HTML), per kind, after warming up. Not
 * part of the test suite (surefire runs {@code *Test} classes only); run it alone:
 * {@code mvn test -Dtest=MailRenderingBenchmark -Dbenchmark.mails=20000}. Prints microseconds per mail for each of
 * five rounds; read the later rounds (the JIT has compiled the templates' code by then). "Group of three" is a
 * reminder to a group's three members: the content rendered once, the greeting three times.
 */
class MailRenderingBenchmark {

  @Test
  void microsecondsPerMail() {
    int mails = Integer.getInteger("benchmark.mails", 20_000);
    MailContent content = new MailContent(Documents.standalone());
    ZoneId zone = ZoneId.of("Europe/Stockholm");
    TaskFacts task = new TaskFacts("task-1", "Lägesbild: kommunen", "kungalv", "Kungälv",
        ZonedDateTime.of(2027, 3, 15, 17, 0, 0, 0, zone), null, List.of("municipal-coordinator"), "agreement-1");
    Recipient to = new Recipient("anna.svensson", "Anna Svensson", "anna@kungalv.example");
    ZonedDateTime now = ZonedDateTime.of(2027, 3, 8, 7, 0, 0, 0, zone);
    for (int round = 1; round <= 5; round++) {
      System.out.printf("round %d: reminder %.1f µs (group of three %.1f µs), summons %.1f µs, activity late %.1f µs "
              + "per mail%n", round,
          perMail(mails, () -> content.reminder(MailKind.reminder(7), task, now, "https://t/").to(to).html().length()),
          perMail(mails / 3, () -> {
            MailContent.Letter letter = content.reminder(MailKind.reminder(7), task, now, "https://t/");
            return letter.to(to).html().length() + letter.to(to).html().length() + letter.to(to).html().length();
          }) / 3,
          perMail(mails, () -> content.summons(MailContent.Summons.NEW, "Styrgruppens möte", "Kungälv",
              LocalDate.of(2027, 6, 10), LocalTime.of(13, 0), "Stadshuset", "Kommunen", "Halvårsuppföljning.")
              .to(to).html().length()),
          perMail(mails, () -> content.activityDelayed("Kungälv", "Trygghetsvandring", LocalDate.of(2027, 5, 31),
              "Kommunen", "https://t/").to(to).html().length()));
    }
  }

  private static double perMail(int mails, IntSupplier render) {
    long sink = 0;
    long start = System.nanoTime();
    for (int i = 0; i < mails; i++) {
      sink += render.getAsInt();
    }
    double micros = (System.nanoTime() - start) / 1_000.0 / mails;
    if (sink == 0) {
      throw new IllegalStateException("nothing rendered");
    }
    return micros;
  }
}
