package se.tryggsamverkan.cycle;

/** Why one prioritised problem occurs, as the coordinators analysed it together. */
public record CauseAnalysis(String agreementId, int cycleYear, String problem, String causes,
    String knowledgeSources) {
}
