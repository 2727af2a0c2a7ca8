package se.tryggsamverkan.reminder;

import static org.assertj.core.api.Assertions.assertThat;
import static se.tryggsamverkan.cycle.engine.YearlyCycleProcess.*;

import com.fasterxml.jackson.databind.JsonNode;
import com.icegreen.greenmail.configuration.GreenMailConfiguration;
import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.GreenMailUtil;
import com.icegreen.greenmail.util.ServerSetupTest;
import jakarta.mail.Message;
import jakarta.mail.internet.MimeMessage;
import java.util.Arrays;
import java.util.List;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.identity.User;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.TestPropertySource;
import se.tryggsamverkan.identity.Role;
import se.tryggsamverkan.support.Clock;
import se.tryggsamverkan.support.CycleDriver;
import se.tryggsamverkan.support.Http;
import se.tryggsamverkan.support.PostgresProcessTest;
import se.tryggsamverkan.support.SweepDriver;
import se.tryggsamverkan.support.TestMunicipality;

/**
 * Reminders and escalations through a real SMTP server (GreenMail), on PostgreSQL, with the engine's clock moved.
 * Each test has its own municipality and counts only the mails to its people.
 */
@PostgresProcessTest
@TestPropertySource(properties = {"trygg.mail.transport=smtp", "spring.mail.host=localhost",
    "spring.mail.port=3025", "trygg.mail.tasklist-url=https://trygg.example.org/camunda/app/tasklist/default/"})
class ReminderMailTest {

  @RegisterExtension
  static GreenMailExtension smtp = new GreenMailExtension(ServerSetupTest.SMTP)
      .withConfiguration(GreenMailConfiguration.aConfig().withDisabledAuthentication());

  @Autowired ProcessEngine engine;
  @Autowired IdentityService identity;
  @Autowired JdbcClient jdbc;
  @LocalServerPort int port;

  TestMunicipality kb;
  CycleDriver driver;
  SweepDriver sweeps;
  ProcessInstance cycle;

  /** Agreement for 2027: its situation pictures are due 15 March 2026. */
  @BeforeEach
  void situationPicturesDueOnTheFifteenthOfMarch() {
    Clock.setTo("2026-01-02T09:00");
    kb = TestMunicipality.create(identity, "Kungsbacka");
    driver = new CycleDriver(engine, kb);
    sweeps = new SweepDriver(engine);
    cycle = driver.cycleAtTheSituationPictures("rem-" + kb.tenantId(), 2027);
  }

  @AfterEach
  void resetClock() {
    Clock.reset();
  }

  private List<MimeMessage> mailsTo(String userId) {
    return Arrays.stream(smtp.getReceivedMessages()).filter(m -> {
      try {
        return Arrays.stream(m.getRecipients(Message.RecipientType.TO))
            .anyMatch(a -> a.toString().equals(userId + "@example.org"));
      } catch (Exception e) {
        throw new IllegalStateException(e);
      }
    }).toList();
  }

  private List<String> subjectsTo(String userId) {
    return mailsTo(userId).stream().map(m -> {
      try {
        return m.getSubject();
      } catch (Exception e) {
        throw new IllegalStateException(e);
      }
    }).toList();
  }

  /** The decoded text of the first part of this type in a (possibly nested) multipart mail. */
  private static String part(jakarta.mail.Part mail, String type) throws Exception {
    if (mail.isMimeType(type)) {
      Object content = mail.getContent();
      return content instanceof java.io.InputStream in
          ? new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8) : content.toString();
    }
    if (mail.getContent() instanceof jakarta.mail.Multipart multipart) {
      for (int i = 0; i < multipart.getCount(); i++) {
        String found = part(multipart.getBodyPart(i), type);
        if (found != null) {
          return found;
        }
      }
    }
    return null;
  }

  /** On 20 November the cycle reaches the preparation, which sets the steering group's decision meeting. */
  private void prepareTheDecisionMeeting(String date, String time, String place) {
    Clock.setTo("2026-11-20T10:00");
    driver.completeSituationPictures(cycle);
    driver.completeMerge(cycle, "Buskörning");
    driver.completeCauseAnalyses(cycle);
    driver.complete(cycle, TASK_ACTION_PLAN, driver.actionPlan(cycle, "Trafikkontroller"));
    driver.complete(cycle, TASK_PREPARE_STEERING_GROUP, java.util.Map.of("preparationSummary", "Förslag",
        "steeringMeetingDate", date, "steeringMeetingTime", time, "steeringMeetingPlace", place));
  }

  /** The Content-Type of the calendar file in a mail (its iTIP method for the mail client). */
  private static String calendarType(jakarta.mail.Part mail) throws Exception {
    if (mail.isMimeType("text/calendar")) {
      return mail.getContentType();
    }
    if (mail.getContent() instanceof jakarta.mail.Multipart multipart) {
      for (int i = 0; i < multipart.getCount(); i++) {
        String found = calendarType(multipart.getBodyPart(i));
        if (found != null) {
          return found;
        }
      }
    }
    return null;
  }

  /** The calendar file's content lines as written before folding (RFC 5545 §3.1: a line break and a space go). */
  static String unfolded(String ics) {
    return ics.replace("\r\n ", "");
  }

  private String police() {
    return kb.user(Role.POLICE_COORDINATOR);
  }

  @Test
  void eachOffsetSendsItsReminderOnceToTheRoleInTheMunicipality() {
    Clock.setTo("2026-03-08T06:59");
    sweeps.sweep();
    assertThat(mailsTo(police())).as("not yet: the 7-day reminder goes out at 07:00").isEmpty();

    Clock.setTo("2026-03-08T07:00");
    sweeps.sweep();
    sweeps.sweep();
    assertThat(subjectsTo(police())).containsExactly(
        "[trygg-samverkan] Kungsbacka: Polisens lägesbild – 7 dagar kvar (senast 2026-03-15)");
    assertThat(subjectsTo(kb.user(Role.MUNICIPAL_COORDINATOR))).containsExactly(
        "[trygg-samverkan] Kungsbacka: Kommunens lägesbild – 7 dagar kvar (senast 2026-03-15)");

    Clock.setTo("2026-03-14T08:00");
    sweeps.sweep();
    Clock.setTo("2026-03-15T07:30");
    sweeps.sweep();
    sweeps.sweep();
    assertThat(subjectsTo(police())).containsExactly(
        "[trygg-samverkan] Kungsbacka: Polisens lägesbild – 7 dagar kvar (senast 2026-03-15)",
        "[trygg-samverkan] Kungsbacka: Polisens lägesbild – 1 dag kvar (senast 2026-03-15)",
        "[trygg-samverkan] Kungsbacka: Polisens lägesbild – ska vara klar i dag (2026-03-15)");
    assertThat(mailsTo(kb.user(Role.ACTIVITY_OWNER))).isEmpty();
  }

  @Test
  void aTaskCreatedLateGetsOnlyTheReminderOfItsWindow() {
    Clock.setTo("2026-03-13T09:00");
    sweeps.sweep();

    assertThat(subjectsTo(police())).containsExactly(
        "[trygg-samverkan] Kungsbacka: Polisens lägesbild – 7 dagar kvar (senast 2026-03-15)");
    Clock.setTo("2026-03-14T09:00");
    sweeps.sweep();
    assertThat(subjectsTo(police())).hasSize(2).last().asString().contains("1 dag kvar");
  }

  @Test
  void anUnassignedTaskGoesToEveryMemberOfItsGroupsInItsOwnMunicipalityOnly() throws Exception {
    TestMunicipality other = TestMunicipality.create(identity, "Kävlinge");
    User second = identity.newUser(kb.tenantId() + ".second-police");
    second.setEmail(second.getId() + "@example.org");
    second.setFirstName("Andra");
    second.setLastName("Kommunpolisen");
    identity.saveUser(second);
    identity.createMembership(second.getId(), Role.POLICE_COORDINATOR.groupId());
    identity.createTenantUserMembership(kb.tenantId(), second.getId());

    Clock.setTo("2026-03-08T08:00");
    sweeps.sweep();

    assertThat(mailsTo(police())).hasSize(1);
    assertThat(mailsTo(second.getId())).hasSize(1);
    assertThat(mailsTo(other.user(Role.POLICE_COORDINATOR))).as("another municipality's police").isEmpty();
    assertThat(GreenMailUtil.getBody(mailsTo(second.getId()).get(0))).contains("Hej Andra Kommunpolisen");
  }

  @Test
  void whenSomeoneTakesTheTaskTheNextReminderGoesToThemAlone() {
    Clock.setTo("2026-03-08T08:00");
    sweeps.sweep();
    Task picture = driver.task(cycle, TASK_MUNICIPAL_SITUATION_PICTURE);
    engine.getTaskService().claim(picture.getId(), kb.user(Role.ACTIVITY_OWNER));

    Clock.setTo("2026-03-14T08:00");
    sweeps.sweep();

    assertThat(subjectsTo(kb.user(Role.MUNICIPAL_COORDINATOR))).hasSize(1).first().asString().contains("7 dagar");
    assertThat(subjectsTo(kb.user(Role.ACTIVITY_OWNER))).singleElement().asString()
        .contains("Kommunens lägesbild – 1 dag kvar");
  }

  @Test
  void aDueDateMovedInTasklistIsHonouredByTheNextReminder() {
    Task picture = driver.task(cycle, TASK_POLICE_SITUATION_PICTURE);
    picture.setDueDate(Clock.endOf("2026-03-31"));
    engine.getTaskService().saveTask(picture);

    Clock.setTo("2026-03-08T08:00");
    sweeps.sweep();
    assertThat(mailsTo(police())).as("the old date's window").isEmpty();
    Clock.setTo("2026-03-24T08:00");
    sweeps.sweep();
    assertThat(subjectsTo(police()).stream().filter(s -> s.contains("Polisens lägesbild"))).containsExactly(
        "[trygg-samverkan] Kungsbacka: Polisens lägesbild – 7 dagar kvar (senast 2026-03-31)");
  }

  @Test
  void aCompletedTaskGetsNoMoreRemindersAndAMailPlannedBeforeItIsCancelled() {
    Clock.setTo("2026-03-08T08:00");
    ProcessInstance sweep = engine.getRuntimeService().startProcessInstanceByKey("reminderSweep");
    driver.complete(cycle, TASK_POLICE_SITUATION_PICTURE, java.util.Map.of(SITUATION_PICTURE.name(), "Klar"));
    sweeps.runJobs(sweep.getId());
    Clock.setTo("2026-03-14T08:00");
    sweeps.sweep();

    assertThat(mailsTo(police())).isEmpty();
    assertThat(jdbc.sql("select status from mail_outbox where recipient = :r").param("r", police())
        .query(String.class).list()).containsExactly("CANCELLED");
  }

  @Test
  void anOverdueTaskIsEscalatedWeeklyToBothCoordinatorsAndTheChairingSteeringMember() {
    Clock.setTo("2026-03-17T08:00");
    sweeps.sweep();
    // March: the municipality chairs (first chair MUNICIPALITY)
    for (Role role : List.of(Role.POLICE_COORDINATOR, Role.MUNICIPAL_COORDINATOR, Role.MUNICIPAL_STEERING)) {
      assertThat(subjectsTo(kb.user(role))).as(role.name()).contains(
          "[trygg-samverkan] Försenad: Kungsbacka: Polisens lägesbild – 2 dagar sen (skulle vara klar 2026-03-15)");
    }
    assertThat(mailsTo(kb.user(Role.POLICE_STEERING))).isEmpty();

    Clock.setTo("2026-03-20T08:00");
    sweeps.sweep();
    assertThat(mailsTo(kb.user(Role.MUNICIPAL_STEERING))).as("once a week").hasSize(2);
    Clock.setTo("2026-03-23T08:00");
    sweeps.sweep();
    assertThat(mailsTo(kb.user(Role.MUNICIPAL_STEERING))).as("second week").hasSize(4);
  }

  @Test
  void inTheSecondHalfYearThePoliceSteeringMemberIsTold() {
    Clock.setTo("2026-07-02T08:00");
    sweeps.sweep();

    assertThat(subjectsTo(kb.user(Role.POLICE_STEERING))).isNotEmpty()
        .allSatisfy(s -> assertThat(s).startsWith("[trygg-samverkan] Försenad:"));
    assertThat(mailsTo(kb.user(Role.MUNICIPAL_STEERING))).isEmpty();
  }

  @Test
  void withTheMailServerDownRemindersAreRetriedAndDeliveredOnceWhenItIsBack() {
    Clock.setTo("2026-03-08T08:00");
    smtp.stop();
    List<Exception> failures;
    ProcessInstance sweep = engine.getRuntimeService().startProcessInstanceByKey("reminderSweep");
    try {
      failures = sweeps.runJobs(sweep.getId());
    } finally {
      smtp.start();
    }
    assertThat(failures).isNotEmpty();
    assertThat(jdbc.sql("select status, last_error from mail_outbox where recipient = :r").param("r", police())
        .query((rs, n) -> rs.getString(1) + ": " + rs.getString(2)).single()).startsWith("FAILED: ");

    List<Exception> second = sweeps.runJobs(sweep.getId());
    sweeps.sweep();

    assertThat(second).as("the retry after the server is back").isEmpty();
    assertThat(mailsTo(police())).hasSize(1);
    assertThat(jdbc.sql("select status from mail_outbox where recipient = :r").param("r", police())
        .query(String.class).single()).isEqualTo("SENT");
  }

  @Test
  void whenRetriesRunOutTheFailureIsAnIncident() {
    Clock.setTo("2026-03-08T08:00");
    smtp.stop();
    try {
      ProcessInstance sweep = engine.getRuntimeService().startProcessInstanceByKey("reminderSweep");
      var management = engine.getManagementService();
      for (int attempt = 0; attempt < 10
          && management.createJobQuery().processInstanceId(sweep.getId()).noRetriesLeft().count() == 0; attempt++) {
        for (Job job : management.createJobQuery().processInstanceId(sweep.getId()).withRetriesLeft().list()) {
          management.setJobRetries(job.getId(), 1);
          try {
            management.executeJob(job.getId());
          } catch (Exception expected) {
            // the mail server is down
          }
        }
      }
      assertThat(engine.getRuntimeService().createIncidentQuery().processInstanceId(sweep.getId()).list())
          .isNotEmpty().allSatisfy(i -> assertThat(i.getIncidentMessage()).contains("could not be sent"));
    } finally {
      smtp.start();
    }
  }

  @Test
  void aUserWithoutAnAddressIsRecordedAndShownNotACrash() {
    User police = identity.createUserQuery().userId(police()).singleResult();
    police.setEmail(null);
    identity.saveUser(police);
    Clock.setTo("2026-03-08T08:00");

    assertThat(sweeps.sweep()).isEmpty();
    assertThat(jdbc.sql("select status || ': ' || last_error from mail_outbox where recipient = :r")
        .param("r", police()).query(String.class).single())
        .isEqualTo("NO_ADDRESS: Användaren " + police() + " har ingen e-postadress");
    assertThat(mailsTo(kb.user(Role.MUNICIPAL_COORDINATOR))).hasSize(1);
  }

  @Test
  void hostileTextInATaskNameArrivesEscaped() throws Exception {
    Task picture = driver.task(cycle, TASK_POLICE_SITUATION_PICTURE);
    picture.setName("Lägesbild <script>alert('x')</script> & <b>fet</b>\r\nBcc: evil@example.org");
    engine.getTaskService().saveTask(picture);
    Clock.setTo("2026-03-08T08:00");
    sweeps.sweep();

    MimeMessage mail = mailsTo(police()).get(0);
    assertThat(mail.getSubject()).doesNotContain("\n").contains("Bcc: evil@example.org");
    assertThat(mail.getRecipients(Message.RecipientType.BCC)).isNull();
    for (MimeMessage received : smtp.getReceivedMessages()) {
      assertThat(GreenMailUtil.getAddressList(received.getAllRecipients())).doesNotContain("evil@example.org");
    }
    assertThat(part(mail, "text/html")).contains("&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt; &amp; &lt;b&gt;fet&lt;/b&gt;")
        .doesNotContain("<script>").contains("https://trygg.example.org/camunda/app/tasklist/default/#/?task="
            + picture.getId());
  }

  @Test
  void theMunicipalitysCoordinatorsSeeTheRecordOfEveryMailAndNobodyElseDoes() {
    TestMunicipality other = TestMunicipality.create(identity, "Kävlinge");
    User police = identity.createUserQuery().userId(police()).singleResult();
    police.setEmail(null);
    identity.saveUser(police);
    Clock.setTo("2026-03-08T08:00");
    sweeps.sweep();
    Http http = new Http(port);
    String path = "/api/tenants/" + kb.tenantId() + "/mails";

    JsonNode mails = http.json(path, kb.user(Role.MUNICIPAL_COORDINATOR), "test");
    assertThat(mails).extracting(m -> m.path("recipient").asText() + " " + m.path("status").asText() + " "
        + m.path("kind").asText()).containsExactlyInAnyOrder(
        kb.user(Role.MUNICIPAL_COORDINATOR) + " SENT REMINDER_7", police() + " NO_ADDRESS REMINDER_7");
    assertThat(http.get(path, kb.user(Role.ACTIVITY_OWNER), "test").statusCode()).isEqualTo(403);
    assertThat(http.get(path, other.user(Role.MUNICIPAL_COORDINATOR), "test").statusCode()).isEqualTo(403);
    assertThat(http.get(path, null, null).statusCode()).isEqualTo(401);
  }

  @Test
  void theSteeringGroupIsSummonedToItsMeetingWithACalendarFileNamingTheChair() throws Exception {
    prepareTheDecisionMeeting("2026-12-15", "13:30", "Kommunhuset, sal A; plan 2");
    sweeps.sweep();
    sweeps.sweep();

    for (Role role : List.of(Role.MUNICIPAL_STEERING, Role.POLICE_STEERING, Role.MUNICIPAL_COORDINATOR,
        Role.POLICE_COORDINATOR)) {
      List<MimeMessage> invitations = mailsTo(kb.user(role)).stream().filter(m -> subject(m).contains("Kallelse"))
          .toList();
      assertThat(invitations).as(role.name()).hasSize(1);
      assertThat(subject(invitations.get(0))).isEqualTo(
          "[trygg-samverkan] Kallelse: Styrgruppens möte 2026-12-15 kl. 13:30 – Kungsbacka");
      String ics = unfolded(part(invitations.get(0), "text/calendar"));
      assertThat(ics).contains("BEGIN:VEVENT", "DTSTART;TZID=Europe/Stockholm:20261215T133000",
          "DTEND;TZID=Europe/Stockholm:20261215T153000", "LOCATION:Kommunhuset\\, sal A\\; plan 2",
          "DESCRIPTION:Ordförande: Polisen. Beslut om åtgärdsplan och förslag till medborgarlöften för 2027.");
    }
  }

  @Test
  void aMeetingSetAgainBeforeItIsHeldMovesUnderItsUidAndIsCancelledWhenItsCycleIsDeleted() throws Exception {
    prepareTheDecisionMeeting("2026-12-15", "13:30", "Kommunhuset");
    sweeps.sweep();
    // returned in Tasklist before the meeting; prepared anew with another day and room: the same meeting, moved
    driver.decide(cycle, TASK_POLICE_STEERING_DECISION, "RETURN", "Ange skolorna");
    driver.decide(cycle, TASK_MUNICIPAL_STEERING_DECISION, "APPROVE", null);
    Clock.setTo("2026-11-27T10:00");
    driver.complete(cycle, TASK_ACTION_PLAN, driver.actionPlan(cycle, "Trafikkontroller vid Åsaskolan"));
    driver.complete(cycle, TASK_PREPARE_STEERING_GROUP, java.util.Map.of("preparationSummary", "Förslag 2",
        "steeringMeetingDate", "2026-12-17", "steeringMeetingTime", "09:00",
        "steeringMeetingPlace", "Polisstationen, sal 3"));
    sweeps.sweep();
    // the cycle is deleted in Cockpit (its listeners skipped): the next sweep cancels the meeting still to come
    engine.getRuntimeService().deleteProcessInstance(cycle.getId(), "Startad för fel år", true);
    Clock.setTo("2026-11-28T08:00");
    sweeps.sweep();
    sweeps.sweep();

    for (Role role : List.of(Role.POLICE_STEERING, Role.MUNICIPAL_COORDINATOR)) {
      List<MimeMessage> mails = mailsTo(kb.user(role)).stream().filter(m -> subject(m).contains("Styrgruppens möte"))
          .toList();
      assertThat(mails).extracting(ReminderMailTest::subject).as(role.name()).containsExactly(
          "[trygg-samverkan] Kallelse: Styrgruppens möte 2026-12-15 kl. 13:30 – Kungsbacka",
          "[trygg-samverkan] Ändrad kallelse: Styrgruppens möte 2026-12-17 kl. 09:00 – Kungsbacka",
          "[trygg-samverkan] Inställt: Styrgruppens möte 2026-12-17 kl. 09:00 – Kungsbacka");
      List<String> calendars = new java.util.ArrayList<>();
      for (MimeMessage mail : mails) {
        calendars.add(unfolded(part(mail, "text/calendar")));
      }
      String uid = calendars.get(0).lines().filter(l -> l.startsWith("UID:")).findFirst().orElseThrow();
      assertThat(calendars).allSatisfy(ics -> assertThat(ics).contains(uid));
      assertThat(calendars.get(0)).contains("METHOD:REQUEST", "SEQUENCE:0", "DTSTART;TZID=Europe/Stockholm:20261215T133000");
      assertThat(calendars.get(1)).contains("METHOD:REQUEST", "SEQUENCE:1", "DTSTART;TZID=Europe/Stockholm:20261217T090000",
          "LOCATION:Polisstationen\\, sal 3");
      assertThat(calendars.get(2)).contains("METHOD:CANCEL", "SEQUENCE:2", "STATUS:CANCELLED");
      assertThat(part(mails.get(2), "text/plain")).contains("Mötet är inställt.");
      assertThat(calendarType(mails.get(1))).contains("method=REQUEST");
      assertThat(calendarType(mails.get(2))).contains("method=CANCEL");
    }
  }

  @Test
  void theCoordinatorsAreSummonedToEachMonthlyCouncilMeetingTwoWeeksAheadOnce() throws Exception {
    Clock.setTo("2026-01-02T09:00");
    var start = kb.agreementStart("2026-01-01", "2026-12-31", "MUNICIPALITY");
    start.put("councilDayOfMonth", "10");
    start.put("councilTime", "9:30");
    start.put("councilPlace", "Stadshuset, rum Särö");
    driver.startAgreement("council-" + kb.tenantId(), start);

    Clock.setTo("2026-08-25T08:00");
    sweeps.sweep();
    assertThat(mailsTo(police()).stream().filter(m -> subject(m).contains("Kallelse"))).as("16 days ahead").isEmpty();
    Clock.setTo("2026-08-27T08:00");
    sweeps.sweep();
    Clock.setTo("2026-09-01T08:00");
    sweeps.sweep();

    for (Role role : List.of(Role.POLICE_COORDINATOR, Role.MUNICIPAL_COORDINATOR)) {
      List<MimeMessage> invitations = mailsTo(kb.user(role)).stream()
          .filter(m -> subject(m).contains("Kallelse")).toList();
      assertThat(invitations).as(role.name()).hasSize(1);
      assertThat(subject(invitations.get(0))).isEqualTo(
          "[trygg-samverkan] Kallelse: Lokala brottsförebyggande rådets möte 2026-09-10 kl. 09:30 – Kungsbacka");
      assertThat(unfolded(part(invitations.get(0), "text/calendar"))).contains("DTSTART;TZID=Europe/Stockholm:20260910T093000",
          "LOCATION:Stadshuset\\, rum Särö", "DESCRIPTION:Ordförande: Polisen.");
    }
    assertThat(mailsTo(kb.user(Role.POLICE_STEERING)).stream().filter(m -> subject(m).contains("rådets")))
        .isEmpty();
  }

  @Test
  void aCouncilDayThatIsNoDayOfTheMonthIsRefusedAtTheStart() {
    var start = kb.agreementStart("2026-01-01", "2026-12-31", "MUNICIPALITY");
    start.put("councilDayOfMonth", "31");
    start.put("councilPlace", "Stadshuset");

    org.assertj.core.api.Assertions.assertThatThrownBy(() -> driver.startAgreement("bad-council", start))
        .hasMessageContaining("Rådets mötesdag ska vara 1–28 i månaden, inte 31");
  }

  @Test
  void theSteeringGroupIsSummonedToItsHalfYearFollowUpToo() throws Exception {
    Clock.setTo("2026-11-20T10:00");
    driver.runDueTimers(cycle);
    driver.driveToSteeringDecision(cycle);
    driver.decide(cycle, TASK_POLICE_STEERING_DECISION, "APPROVE", null);
    driver.decide(cycle, TASK_MUNICIPAL_STEERING_DECISION, "APPROVE", null);
    driver.complete(cycle, TASK_SIGN_AND_PUBLISH, java.util.Map.of("signedOn", "2026-12-20",
        "publishedAt", "kommunens webbplats"));
    Clock.setTo("2027-05-02T10:00");
    driver.complete(cycle, TASK_SCHEDULE_FOLLOW_UP_MEETING, java.util.Map.of("steeringMeetingDate", "2027-06-10",
        "steeringMeetingTime", "10:00", "steeringMeetingPlace", "Polisstationen"));
    sweeps.sweep();

    // the decision meeting in December was summoned when it was prepared; the half-year meeting now
    List<MimeMessage> summons = mailsTo(kb.user(Role.POLICE_STEERING)).stream()
        .filter(m -> subject(m).contains("Kallelse")).toList();
    assertThat(summons).hasSize(2);
    List<String> calendars = new java.util.ArrayList<>();
    for (MimeMessage m : summons) {
      calendars.add(unfolded(part(m, "text/calendar")));
    }
    assertThat(calendars).anySatisfy(ics -> assertThat(ics).contains("DTSTART;TZID=Europe/Stockholm:20261215"));
    assertThat(calendars.stream().filter(ics -> ics.contains("20270610")).findFirst().orElseThrow()).contains(
        "DTSTART;TZID=Europe/Stockholm:20270610T100000",
        "DESCRIPTION:Ordförande: Kommunen. Halvårsuppföljning av aktiviteter och medborgarlöften för 2027.");
  }

  private static String subject(MimeMessage mail) {
    try {
      return mail.getSubject();
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }
}
