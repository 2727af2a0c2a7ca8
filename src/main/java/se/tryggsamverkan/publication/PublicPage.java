package se.tryggsamverkan.publication;

import java.time.LocalDate;
import java.util.List;

/**
 * What the municipality's public page shows (issue 16), and nothing more: the agreement's parties and period, and
 * for one signed and published year its focus areas and promises with how each is kept. Only what the steering group
 * approved and the parties signed; no drafts, comments or people, only the signatories' roles.
 *
 * @param years every published year, for links to earlier (and the coming) years
 */
public record PublicPage(String tenantId, String municipality, String policeArea, LocalDate periodStart,
    LocalDate periodEnd, Year shown, List<Integer> years) {

  /**
   * @param updatedOn the latest day any of its promises was last updated (signed, or kept)
   */
  public record Year(int year, LocalDate signedOn, List<String> focusAreas, List<Promise> promises,
      LocalDate updatedOn) {
  }

  /**
   * @param target the measurable target in Swedish, or null when the promise has none
   * @param verdict {@code ON_TRACK}, {@code AT_RISK}, {@code KEPT}, {@code NOT_KEPT}; null without a target
   * @param timesKept how many times it was carried out so far
   * @param updatedOn the last day it was carried out, or the signing day
   */
  public record Promise(int number, String text, String party, String target, String verdict, String verdictName,
      String symbol, int timesKept, LocalDate updatedOn) {
  }
}
