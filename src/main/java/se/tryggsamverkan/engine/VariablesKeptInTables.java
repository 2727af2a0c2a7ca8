package se.tryggsamverkan.engine;

import java.util.Set;

/**
 * Process variables whose every value the product's own tables already keep with who and when (a follow-up's
 * status, comment and promise occurrences in {@code activity_report} and {@code promise_occurrence}), or that are
 * compiled from those tables for a form: the engine keeps them while they are running, but writes no history for
 * them (ADR 12). Names are engine-wide: a name listed here has no history in any process.
 */
public interface VariablesKeptInTables {

  Set<String> names();
}
