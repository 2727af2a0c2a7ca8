package se.tryggsamverkan.plan;

import java.math.BigDecimal;

/** One source's contribution to a party's situation picture, with a figure where there is one. */
public record SituationEntry(SituationSource source, String description, BigDecimal figure, String unit) {
}
