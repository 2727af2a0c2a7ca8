package se.tryggsamverkan.plan;

import java.math.BigDecimal;

/**
 * One source's contribution to a party's situation picture, with a figure where there is one. A row offered from the
 * official statistics (issue 17) remembers its KPI id, the year the figure is for and the day it was fetched, also
 * when the coordinator corrected its figure; a row typed by hand has none of them.
 */
public record SituationEntry(SituationSource source, String description, BigDecimal figure, String unit, String kpiId,
    Integer period, java.time.LocalDate retrievedOn) {

  public SituationEntry(SituationSource source, String description, BigDecimal figure, String unit) {
    this(source, description, figure, unit, null, null, null);
  }
}
