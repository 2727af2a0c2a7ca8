package se.tryggsamverkan.demo;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import se.tryggsamverkan.identity.Role;

/**
 * What the demo is made of, read from {@value #RESOURCE}: its municipalities with one user per role, the managers who
 * only read, and what the coordinators "typed", taken from the municipalities' public documents (Kungsbacka's
 * citizen promises 2021–2022 and 2023–2026, Kävlinge's agreement 2023–2026), so that someone who knows the field
 * recognises the work. The texts live in a file rather than in code, so that they can be read, corrected and
 * compared with their sources as text; the engine is driven with them in {@code demo.engine}.
 *
 * @param password every demo user's password (unless the engine's password policy is on)
 * @param firstChair the party that chairs the steering group in each agreement's first half-year
 * @param councilDayOfMonth the local council meets on this day of every month (in Kungsbacka: the operational
 *     group of both coordinators), at {@code councilTime}
 * @param followUpMeetingTime when the half-year follow-up meeting starts
 */
public record DemoContent(String password, String firstChair, int councilDayOfMonth, String councilTime,
    String followUpMeetingTime, String knowledgeSources, String preparationSummary, String publishedAt,
    List<Municipality> municipalities, List<Manager> managers) {

  /** On the class path; UTF-8. */
  public static final String RESOURCE = "demo/innehall.json";

  /**
   * Reads the content strictly: a property the records do not know, or one they expect but the file lacks, is an
   * error, so that a typo in the file cannot quietly empty a text.
   */
  public static DemoContent read() {
    JsonMapper json = JsonMapper.builder()
        .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
        .enable(DeserializationFeature.FAIL_ON_MISSING_CREATOR_PROPERTIES)
        .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
        .build();
    try (InputStream in = DemoContent.class.getClassLoader().getResourceAsStream(RESOURCE)) {
      if (in == null) {
        throw new IllegalStateException("The demo's content " + RESOURCE + " is not on the class path");
      }
      try (Reader text = new InputStreamReader(in, StandardCharsets.UTF_8)) {
        return json.readValue(text, DemoContent.class);
      }
    } catch (IOException e) {
      throw new UncheckedIOException("The demo's content " + RESOURCE + " cannot be read", e);
    }
  }

  public Municipality municipality(String tenantId) {
    return municipalities.stream().filter(m -> m.tenantId().equals(tenantId)).findFirst()
        .orElseThrow(() -> new IllegalArgumentException("The demo has no municipality " + tenantId));
  }

  /**
   * A demo municipality: its tenant, its people, where its meetings are held and what its coordinators type.
   *
   * @param meetingPlace where the council, the steering group and the half-year follow-up meet
   * @param agreementYears how many years each of its agreements runs, as its real one does (Kungsbacka's 2021–2022
   *     ran two, Kävlinge's 2023–2026 runs four)
   */
  public record Municipality(String tenantId, String name, String policeArea, String meetingPlace,
      int agreementYears, List<DemoUser> users, CycleContent cycle) {

    /** The municipality's user in this role. */
    public String userFor(Role role) {
      return users.stream().filter(u -> u.role() == role).findFirst().orElseThrow().id();
    }
  }

  public record DemoUser(String id, String firstName, String lastName, Role role) {
    public String email() {
      return id + "@example.org";
    }
  }

  /** Reads, and completes nothing: one for Kungsbacka, one for a region that covers both municipalities. */
  public record Manager(String id, String firstName, String lastName, List<String> covers) {
    public String email() {
      return id + "@example.org";
    }
  }

  /**
   * What a municipality's coordinators, steering group and owners answer in every yearly cycle.
   *
   * @param revision the activity added when the steering group has returned the plan ({@code steeringReturn})
   * @param lateActivity the description of the activity whose owner does not report in time, the demo's one
   *     "Försenad" activity, or null
   * @param halfYearPlanChanges null when the half-year follow-up changes nothing
   */
  public record CycleContent(String policePicture, List<Entry> policeEntries, String municipalPicture,
      List<Entry> municipalEntries, List<PlaceRow> places, String jointPicture, List<String> focusAreas,
      List<Problem> problems, String causes, List<ActivityRow> activities, List<PromiseRow> promises,
      String steeringReturn, ActivityRow revision, String lateActivity, String halfYearConclusions,
      String halfYearPlanChanges, String yearlyReportSummary, String lessons) {
  }

  /** A row of a situation picture; {@code figure} and {@code unit} are null for a row without a number. */
  public record Entry(String source, String description, Integer figure, String unit) {
  }

  public record PlaceRow(String name, String kind, String description, Double latitude, Double longitude) {
  }

  public record Problem(String title, String focusArea, String description) {
  }

  /** An activity and how its owner follows it up. */
  public record ActivityRow(String focusArea, String description, String expectedEffect, String party, Role owner,
      String indicators, String interval, FollowUp followUp) {
  }

  /**
   * What the owner reports: {@code progress} at the follow-ups before the end, {@code outcome} at the last one.
   *
   * @param end "MM-DD" in the cycle's year, or "+MM-DD" in the year after (an activity that runs on)
   * @param promise the number of the promise this activity carries out (its follow-ups record when), or 0
   */
  public record FollowUp(String end, int promise, String progressStatus, String progress, String finalStatus,
      String outcome) {
  }

  public record PromiseRow(String text, String party, String target) {
  }
}
