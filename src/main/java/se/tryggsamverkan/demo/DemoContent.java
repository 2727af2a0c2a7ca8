package se.tryggsamverkan.demo;

import java.util.List;

/**
 * What the demo's coordinators "typed": taken from the municipalities' public documents (Kungsbacka's
 * citizen promises 2021–2022 and 2023–2026, Kävlinge's agreement 2023–2026), so that someone who knows the
 * field recognises the work.
 */
record DemoContent(String policePicture, String municipalPicture, String unsafePlaces, String jointPicture,
    List<String[]> problems, String causes, String actionPlan, String promises, String steeringReturn,
    String lessons) {

  static final DemoContent KUNGSBACKA = new DemoContent(
      "Trafikbrott är ett av de vanligaste brotten i Kungsbacka, bland annat smitning från trafikolycka och "
          + "parkeringsskada. Polisen ser en växande narkotikaproblematik: fler positiva drogtester bland "
          + "skolelever, försäljningen är utbredd och handeln på internet ökar. Stora beslag av heroin och kokain.",
      "I trygghetsenkäten upplever 60 procent av de svarande att det finns otrygga platser i kommunen. "
          + "Klagomål på buskörning och oljud från ungdomar som kör A-traktorer, mopedbilar och mopeder vid "
          + "skolor och skolgårdar. Avloppsvattenmätningarna visar ett stort flöde av cannabis, kokain, "
          + "amfetamin och Tramadol.",
      "Resecentrum, tunnlar (främst tunneln vid Resecentrum) och Badhusparken.",
      "Parterna är överens om tre fokusområden: trygghet i offentlig miljö, trygghet i trafiken och "
          + "narkotikaprevention. Medborgarna efterfrågar mer närvaro av polis, bättre belysning, färre "
          + "buskage och fler vuxna i det offentliga rummet.",
      List.of(
          new String[] {"Otrygghet i offentlig miljö",
              "Resecentrum, tunnlarna och Badhusparken upplevs som otrygga, främst på kvällstid."},
          new String[] {"Buskörning och höga hastigheter vid skolor",
              "Ungdomar med A-traktorer, mopedbilar och mopeder kör vårdslöst kring högstadieskolor."},
          new String[] {"Narkotika bland unga",
              "Fler positiva drogtester bland skolelever och lättillgänglig narkotika."}),
      "Gängbildning och ungdomar på platserna samt bristande belysning och skymmande buskage. "
          + "Låg vuxennärvaro under kvällar och helger.",
      "Trygghet i offentlig miljö: nattvandringsutbildning och samverkansmöten med nattvandringsombuden "
          + "(kommunen och polisen), trygghetsskapande belysning och beskärning av buskage (kommunen), "
          + "närvaro på platser som medborgarna pekat ut (polisen).\n"
          + "Trygghet i trafik: information om trafiksäkerhet för unga, åtgärdsplaner för de högstadieskolor "
          + "där problemen är störst, trafikkontroller där klagomål kommit in.\n"
          + "Narkotikaprevention: ANDTS-samordnare som stöd för skolorna, föräldraföreläsningar genom "
          + "Föräldrar Emellan, föräldrabrev tre gånger per år.",
      "Polisen genomför minst en trafikkontroll per vecka där trafikklagomål från medborgare har kommit in.\n"
          + "Kommunen och polisen arrangerar minst en nattvandringsutbildning och minst två samverkansmöten per "
          + "år med nattvandringsombuden.\n"
          + "Kommunen och polisen erbjuder en föräldraföreläsning om narkotika om året.\n"
          + "Ett föräldrabrev skickas tre gånger per år: vid terminsstart i augusti och januari samt vid "
          + "skolavslutningen.",
      "Löftet om trafikkontroller behöver ange var kontrollerna ska göras och hur de följs upp.",
      "Trafikkontrollerna hölls nästan varje vecka. Nattvandringen behöver fler vuxna under vårterminen. "
          + "Föräldrabrevet nådde många: fortsätt via V-klass och nyhetsbrevet.");

  static final DemoContent KAVLINGE = new DemoContent(
      "Trafiksituationen, främst hastighetsöverträdelser och buskörning med moped, är ett återkommande problem. "
          + "Narkotikahantering i offentlig miljö försvåras genom närvaro och riktade kontroller.",
      "Den digitala trygghetsvandringen visar att nedskräpning, trafikbrott och skadegörelse bidrar mest till "
          + "Kävlingebornas otrygghet. Unga i riskzon fångas upp genom SIG.",
      "Platser som markerats i den digitala trygghetsvandringen, bland annat kring stationsområdet.",
      "Parterna arbetar inom tre huvudområden: trygghet i offentlig miljö, barn och unga i riskzoner samt "
          + "stöd att lämna kriminell livsstil och våld i nära relation.",
      List.of(
          new String[] {"Trafikbrott och buskörning med moped",
              "Hastighetsöverträdelser och buskörning som medborgarna återkommande pekar ut."},
          new String[] {"Barn och unga i riskfyllda miljöer",
              "Unga som visar riskfaktorer och behöver samlat stöd från skola, socialtjänst och polis."}),
      "Brister i den fysiska miljön och få vuxna i det offentliga rummet; för unga: svaga skyddsfaktorer "
          + "och tidig alkohol- och drogdebut.",
      "Trygghet i offentlig miljö: årlig digital trygghetsmätning, medborgardialoger och fysiska "
          + "trygghetsvandringar; samverkan med fastighetsägare.\n"
          + "Barn och unga i riskzoner: utveckla samverkan inom SIG, implementera ANDTS-policyn i skolan, "
          + "trygghetsdagarna för elever i årskurs sju.\n"
          + "Stöd att lämna kriminell livsstil och våld i nära relation: gemensamma rutiner för avhoppare, "
          + "kunskapshöjande insatser om våld i nära relation.",
      "Polisen och kommunen genomför trygghetsdagarna för alla elever i årskurs sju.\n"
          + "Polisen och kommunen genomför minst en fysisk trygghetsvandring per år.",
      "Löftena saknar mått för våld i nära relation: komplettera med hur anmälningsbenägenheten följs upp.",
      "Trygghetsdagarna fungerade väl; föräldrarnas informationsträff bör hållas på kvällstid.");
}
