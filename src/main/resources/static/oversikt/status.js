/* The API's codes for phases, task states, verdicts, decisions and activity statuses, as the overview shows them. */

// the phases in the order a yearly cycle passes them (CyclePhase), for sorting
export const PHASES = ['WAITING', 'SITUATION_PICTURE', 'PRIORITISATION', 'CAUSE_ANALYSIS', 'ACTION_PLAN',
  'PREPARATION', 'STEERING_DECISION', 'SIGNING', 'IMPLEMENTATION', 'YEARLY_REPORT', 'COMPLETED'];

export const TASK_STATES = {
  OVERDUE: { label: 'Försenad', css: 'overdue' },
  DUE_SOON: { label: 'Snart förfallen', css: 'due-soon' }
};

export const VERDICTS = {
  ON_TRACK: 'on-track',
  AT_RISK: 'at-risk',
  KEPT: 'kept',
  NOT_KEPT: 'not-kept'
};

export const DECISIONS = {
  APPROVE: 'Godkände planen',
  RETURN: 'Återremitterade planen'
};

export const STATUS_CSS = {
  NOT_STARTED: 'not-started',
  ONGOING: 'ongoing',
  ONGOING_WITH_DEVIATION: 'ongoing-deviation',
  COMPLETED: 'completed',
  COMPLETED_WITH_DEVIATION: 'completed-deviation',
  DELAYED: 'delayed',
  STOPPED: 'stopped'
};

/** "Lägesbild (2027)", or a dash without a cycle. */
export function phaseText(phase) {
  return phase ? phase.phaseName + ' (' + phase.year + ')' : '–';
}

/** Earlier years first, and within a year the phases in the cycle's order; no cycle before any. */
export function phaseOrder(phase) {
  return phase ? phase.year * 100 + PHASES.indexOf(phase.phase) : -1;
}
