package se.tryggsamverkan.demo;

import java.util.List;
import se.tryggsamverkan.identity.Role;

/**
 * What the demo's coordinators "typed": taken from the municipalities' public documents (Kungsbacka's citizen
 * promises 2021–2022 and 2023–2026, Kävlinge's agreement 2023–2026), so that someone who knows the field
 * recognises the work.
 */
record DemoContent(String policePicture, List<Entry> policeEntries, String municipalPicture,
    List<Entry> municipalEntries, List<PlaceRow> places, String jointPicture, List<String> focusAreas,
    List<Problem> problems, String causes, List<ActivityRow> activities, List<PromiseRow> promises,
    String steeringReturn, ActivityRow revision, String lessons) {

  record Entry(String source, String description, Integer figure, String unit) {
  }

  record PlaceRow(String name, String kind, String description) {
  }

  record Problem(String title, String focusArea, String description) {
  }

  /** An activity and how its owner follows it up. */
  record ActivityRow(String focusArea, String description, String expectedEffect, String party, Role owner,
      String indicators, String interval, FollowUp followUp) {
  }

  /**
   * What the owner reports: {@code progress} at the follow-ups before the end, {@code outcome} at the last one.
   *
   * @param end "MM-DD" in the cycle's year, or "+MM-DD" in the year after (an activity that runs on)
   * @param promise the number of the promise this activity carries out (its follow-ups record when), or 0
   */
  record FollowUp(String end, int promise, String progressStatus, String progress, String finalStatus,
      String outcome) {
  }

  record PromiseRow(String text, String party, String target) {
  }

  /** Kungsbacka's activity whose owner does not report in time: the demo's one "Försenad" activity. */
  static final String LATE_ACTIVITY = "Föräldraföreläsning om narkotika genom Föräldrar Emellan";

  static final DemoContent KUNGSBACKA = new DemoContent(
      "Trafikbrott är ett av de vanligaste brotten i Kungsbacka. Polisen ser en växande narkotikaproblematik "
          + "bland unga och stora beslag av heroin och kokain.",
      List.of(new Entry("CRIME_STATISTICS", "Trafikbrott hör till de vanligaste brotten, bland annat smitning "
              + "från trafikolycka och parkeringsskada", null, null),
          new Entry("POLICE_PICTURE", "Fler positiva drogtester bland skolelever; försäljningen är utbredd och "
              + "handeln på internet ökar", null, null)),
      "Många upplever otrygghet på vissa platser. Klagomål på buskörning och oljud från ungdomar med "
          + "A-traktorer, mopedbilar och mopeder vid skolor.",
      List.of(new Entry("SAFETY_SURVEY", "Svarande som upplever att det finns otrygga platser i kommunen", 60,
              "procent"),
          new Entry("CITIZEN_DIALOGUE", "Medborgarna vill se mer närvaro av polis, mer belysning och kameror, "
              + "mindre buskage och fler vuxna i det offentliga rummet", null, null),
          new Entry("MUNICIPAL_PICTURE", "Avloppsvattenmätningarna visar ett stort flöde av cannabis, kokain, "
              + "amfetamin och Tramadol", null, null)),
      List.of(new PlaceRow("Resecentrum", "UNSAFE_PLACE", "Gängbildning och ungdomar"),
          new PlaceRow("Tunneln vid Resecentrum", "UNSAFE_PLACE", "Bristande belysning"),
          new PlaceRow("Badhusparken", "UNSAFE_PLACE", "Gängbildning och ungdomar")),
      "Parterna är överens om tre fokusområden: trygghet i offentlig miljö, trygghet i trafiken och "
          + "narkotikaprevention.",
      List.of("Trygghet i offentlig miljö", "Trygghet i trafik", "Narkotikaprevention"),
      List.of(new Problem("Otrygghet i offentlig miljö", "Trygghet i offentlig miljö",
              "Resecentrum, tunnlarna och Badhusparken upplevs som otrygga, främst på kvällstid."),
          new Problem("Buskörning och höga hastigheter vid skolor", "Trygghet i trafik",
              "Ungdomar med A-traktorer, mopedbilar och mopeder kör vårdslöst kring högstadieskolor."),
          new Problem("Narkotika bland unga", "Narkotikaprevention",
              "Fler positiva drogtester bland skolelever och lättillgänglig narkotika.")),
      "Gängbildning och ungdomar på platserna samt bristande belysning och skymmande buskage. "
          + "Låg vuxennärvaro under kvällar och helger.",
      List.of(new ActivityRow("Trygghet i offentlig miljö", "Nattvandringsutbildning och samverkansmöten med "
              + "nattvandringsombuden", "Fler vuxna ute på kvällar och helger", "BOTH", Role.MUNICIPAL_COORDINATOR,
              "Antal utbildade nattvandrare och antal samverkansmöten", "HALF_YEARLY",
              new FollowUp("12-31", 2, "ONGOING_WITH_DEVIATION",
                  "Två utbildningar för nya nattvandrare är hållna. Under vårterminen var färre "
                      + "vuxna ute än planerat.",
                  "COMPLETED_WITH_DEVIATION",
                  "Nattvandrarna har varit ute varje helg under terminerna, men vårterminen hade "
                      + "färre vuxna än planerat.")),
          new ActivityRow("Trygghet i offentlig miljö", "Trygghetsskapande belysning och beskärning av buskage",
              "Bättre överblick och minskad otrygghet på utpekade platser", "MUNICIPALITY", Role.ACTIVITY_OWNER,
              "Antal åtgärdade platser; andel otrygga i trygghetsmätningen", "QUARTERLY",
              new FollowUp("+06-30", 0, "ONGOING",
                  "Belysningen i tunneln vid Resecentrum är bytt; beskärningen i Badhusparken "
                      + "pågår.",
                  "ONGOING",
                  "Åtta platser är åtgärdade. Resten görs under våren.")),
          new ActivityRow("Trygghet i trafik", "Trafikkontroller där trafikklagomål från medborgare har kommit in",
              "Färre hastighetsöverträdelser och mindre buskörning", "POLICE", Role.POLICE_COORDINATOR,
              "Antal kontroller per vecka; antal klagomål", "MONTHLY",
              new FollowUp("12-31", 1, "ONGOING",
                  "Kontrollerna görs där klagomålen har kommit in, främst kring högstadieskolorna.",
                  "COMPLETED",
                  "Kontroller har hållits varje vecka och klagomålen på buskörning har minskat.")),
          new ActivityRow("Narkotikaprevention", LATE_ACTIVITY,
              "Föräldrar känner igen tecken på narkotikabruk", "BOTH", Role.ACTIVITY_OWNER, "Antal deltagare",
              "YEARLY",
              new FollowUp("10-31", 3, "ONGOING",
                  "Föreläsningen är bokad med Föräldrar Emellan.",
                  "COMPLETED",
                  "Föreläsningen hölls med omkring 80 föräldrar på plats."))),
      List.of(new PromiseRow("Polisen genomför trafikkontroller där trafikklagomål från medborgare har kommit in.",
              "POLICE", "minst 1 per vecka"),
          new PromiseRow("Kommunen och polisen arrangerar nattvandringsutbildning och samverkansmöten med "
              + "nattvandringsombuden.", "BOTH", "minst 2 per år"),
          new PromiseRow("Kommunen och polisen erbjuder en föräldraföreläsning om narkotika.", "BOTH",
              "minst 1 per år"),
          new PromiseRow("Ett föräldrabrev skickas i augusti, i januari och vid skolavslutningen.", "BOTH",
              "minst 3 per år"),
          new PromiseRow("Kommunen fortsätter arbetet med trygghetsskapande belysning.", "MUNICIPALITY", "")),
      "Löftet om trafikkontroller behöver ange var kontrollerna ska göras och hur de följs upp.",
      new ActivityRow("Trygghet i trafik", "Åtgärdsplaner för de högstadieskolor där buskörningen är störst",
          "Lugnare trafik kring skolorna", "BOTH", Role.MUNICIPAL_COORDINATOR, "Antal skolor med åtgärdsplan",
          "HALF_YEARLY",
              new FollowUp("12-31", 0, "ONGOING",
                  "Två skolor har börjat på sina åtgärdsplaner.",
                  "COMPLETED",
                  "Tre skolor har nu en åtgärdsplan.")),
      "Trafikkontrollerna hölls nästan varje vecka. Nattvandringen behöver fler vuxna under vårterminen. "
          + "Föräldrabrevet nådde många: fortsätt via V-klass och nyhetsbrevet.");

  static final DemoContent KAVLINGE = new DemoContent(
      "Trafiksituationen, främst hastighetsöverträdelser och buskörning med moped, är ett återkommande problem.",
      List.of(new Entry("POLICE_PICTURE", "Narkotikahantering i offentlig miljö försvåras genom närvaro och "
          + "riktade kontroller", null, null)),
      "Den digitala trygghetsvandringen visar att nedskräpning, trafikbrott och skadegörelse bidrar mest till "
          + "Kävlingebornas otrygghet.",
      List.of(new Entry("SAFETY_WALK", "Platser markerade som otrygga i den digitala trygghetsvandringen", 143,
          "markeringar")),
      List.of(new PlaceRow("Stationsområdet", "UNSAFE_PLACE", "Nedskräpning och skadegörelse")),
      "Parterna arbetar inom tre huvudområden enligt samverkansöverenskommelsen 2023–2026.",
      List.of("Trygghet i offentlig miljö", "Barn & unga i riskzoner",
          "Stöd att lämna kriminell livsstil/Våld i nära relation"),
      List.of(new Problem("Trafikbrott och buskörning med moped", "Trygghet i offentlig miljö",
              "Hastighetsöverträdelser och buskörning som medborgarna återkommande pekar ut."),
          new Problem("Barn och unga i riskfyllda miljöer", "Barn & unga i riskzoner",
              "Unga som visar riskfaktorer och behöver samlat stöd från skola, socialtjänst och polis.")),
      "Brister i den fysiska miljön och få vuxna i det offentliga rummet; för unga: svaga skyddsfaktorer "
          + "och tidig alkohol- och drogdebut.",
      List.of(new ActivityRow("Trygghet i offentlig miljö", "Digital trygghetsmätning, medborgardialoger och "
              + "fysiska trygghetsvandringar", "Ökad tillit och förtroende för kommunen och polisen", "BOTH",
              Role.MUNICIPAL_COORDINATOR, "Antal svar och vandringar; andel trygga i trygghetsmätningen",
              "HALF_YEARLY",
              new FollowUp("12-31", 2, "ONGOING",
                  "Trygghetsmätningen är öppen och två medborgardialoger är hållna.",
                  "COMPLETED",
                  "Den digitala vandringen gav 143 markeringar; fysiska vandringar hölls i Furulund "
                      + "och i centrum.")),
          new ActivityRow("Barn & unga i riskzoner", "Utveckla samverkan inom SIG (sociala insatsgrupper)",
              "Unga i riskzon får samlat stöd tidigt", "BOTH", Role.ACTIVITY_OWNER,
              "Antal unga med åtgärdsplan inom SIG", "MONTHLY",
              new FollowUp("+06-30", 0, "ONGOING",
                  "SIG träffas varannan vecka; rutinen för samtycke är klar.",
                  "ONGOING",
                  "Samverkan fungerar och fortsätter nästa år.")),
          new ActivityRow("Barn & unga i riskzoner", "Trygghetsdagarna för elever i årskurs sju",
              "Förtroende för uniformspersonal och medvetenhet om gränsdragningar", "BOTH", Role.ACTIVITY_OWNER,
              "Andel elever som deltagit; elevernas utvärdering", "YEARLY",
              new FollowUp("12-31", 1, "ONGOING",
                  "Planeringen med skolorna pågår.",
                  "COMPLETED",
                  "Alla elever i årskurs sju deltog och gav dagarna högt betyg.")),
          new ActivityRow("Stöd att lämna kriminell livsstil/Våld i nära relation", "Gemensamma rutiner för "
              + "avhoppare och kontaktpersoner hos polis och kommun", "Snabb kontakt när någon vill lämna",
              "BOTH", Role.POLICE_COORDINATOR, "Rutin antagen; antal ärenden", "HALF_YEARLY",
              new FollowUp("12-31", 0, "ONGOING",
                  "Ett utkast till rutin är skickat till socialtjänsten.",
                  "COMPLETED_WITH_DEVIATION",
                  "Rutinen är antagen, men kontaktpersonerna utses först nästa år."))),
      List.of(new PromiseRow("Polisen och kommunen genomför trygghetsdagarna för alla elever i årskurs sju.",
              "BOTH", "minst 1 per år"),
          new PromiseRow("Polisen och kommunen genomför fysiska trygghetsvandringar.", "BOTH", "minst 1 per år")),
      "Löftena saknar mått för våld i nära relation: komplettera med hur anmälningsbenägenheten följs upp.",
      new ActivityRow("Stöd att lämna kriminell livsstil/Våld i nära relation", "Följa upp "
          + "anmälningsbenägenheten för våld i nära relation", "Fler våldsutsatta anmäler", "POLICE",
          Role.POLICE_COORDINATOR, "Antal anmälningar jämfört med föregående år", "HALF_YEARLY",
              new FollowUp("12-31", 0, "ONGOING",
                  "Polisen sammanställer anmälningarna per kvartal.",
                  "COMPLETED",
                  "Anmälningarna ökade jämfört med året innan, vilket tolkas som högre "
                      + "anmälningsbenägenhet.")),
      "Trygghetsdagarna fungerade väl; föräldrarnas informationsträff bör hållas på kvällstid.");
}

