package se.tryggsamverkan.agreement;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import org.junit.jupiter.api.Test;

class ChairRotationTest {

  private final ChairRotation kungsbacka = new ChairRotation(LocalDate.of(2021, 1, 1), Party.MUNICIPALITY);

  @Test
  void theMunicipalityChairsJanuaryToJuneAndThePoliceJulyToDecember() {
    assertThat(kungsbacka.chairOn(LocalDate.of(2021, 1, 1))).isEqualTo(Party.MUNICIPALITY);
    assertThat(kungsbacka.chairOn(LocalDate.of(2021, 6, 30))).isEqualTo(Party.MUNICIPALITY);
    assertThat(kungsbacka.chairOn(LocalDate.of(2021, 7, 1))).isEqualTo(Party.POLICE);
    assertThat(kungsbacka.chairOn(LocalDate.of(2021, 12, 31))).isEqualTo(Party.POLICE);
    assertThat(kungsbacka.chairOn(LocalDate.of(2022, 1, 1))).isEqualTo(Party.MUNICIPALITY);
    assertThat(kungsbacka.chairOn(LocalDate.of(2022, 7, 1))).isEqualTo(Party.POLICE);
  }

  @Test
  void anAgreementStartingInJulyGivesItsFirstChairTheAutumn() {
    ChairRotation rotation = new ChairRotation(LocalDate.of(2023, 7, 1), Party.MUNICIPALITY);

    assertThat(rotation.chairOn(LocalDate.of(2023, 9, 1))).isEqualTo(Party.MUNICIPALITY);
    assertThat(rotation.chairOn(LocalDate.of(2024, 3, 1))).isEqualTo(Party.POLICE);
    assertThat(rotation.chairOn(LocalDate.of(2024, 7, 1))).isEqualTo(Party.MUNICIPALITY);
  }
}
