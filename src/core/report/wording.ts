import { DEFAULT_METRICS } from '../owners/model';
import { SIGNAL_ORDER, TeamSignal } from '../metrics/types';

/** The one sentence every view and export carries on what the figures are not. */
export const FIGURES_ARE_NOT =
  'These figures describe merged pull requests, not people: they are not a performance rating, ' +
  'and reviews by comment, pairing outside Co-authored-by trailers and work in other repositories are invisible to them.';

/** The thresholds a signal's meaning names; absent ones are the defaults (docs/figures.md). */
export interface SignalThresholds {
  leadShare?: number;
  watch?: number;
  bottleneck?: number;
  leadOwnership?: number;
}

export interface SignalWords {
  label: string;
  meaning: string;
  action: string;
}

/** 0.5 → "half", 0.6 → "60%": a threshold as a reader says it. */
function share(t: number): string {
  return t === 0.5 ? 'half' : `${Math.round(t * 1000) / 10}%`;
}

/**
 * One signal as a short label, what it means (with the thresholds it is measured against) and
 * what a lead can do about it, in plain, respectful words: the signals describe pull requests and
 * OWNERS.yaml, never a judgement of the person. The ids (`absent`, ...) stay in JSON and the CLI.
 */
export function signalWords(signal: TeamSignal, t: SignalThresholds = {}): SignalWords {
  const lead = t.leadShare ?? DEFAULT_METRICS.leadShareThreshold;
  const watch = t.watch ?? DEFAULT_METRICS.watchThreshold;
  switch (signal) {
    case 'insufficient-data':
      return {
        label: 'not enough data',
        meaning: 'Too few merged pull requests in the window to judge.',
        action: 'Read the other figures as a hint only, or widen the window.',
      };
    case 'doing-the-work':
      return {
        label: 'doing the work',
        meaning: `The lead took part in ${share(lead)} or more of the team's changed lines.`,
        action:
          'Pick one piece of work the lead still does and hand it to someone on the team, with support.',
      };
    case 'watch':
      return {
        label: 'watch',
        meaning: `The lead took part in a large share of the team's changed lines: ${share(watch)} or more, under ${share(lead)}.`,
        action:
          "Worth a look before it grows: which of the lead's changes could a team member have made?",
      };
    case 'absent':
      return {
        label: 'not involved in pull requests',
        meaning:
          "The lead authored none of the team's merged pull requests in this window and reviewed none. " +
          'This says nothing of work outside pull requests (planning, people, other repositories).',
        action: 'Check with the team whether they get the reviews and decisions they need.',
      };
    case 'bottleneck':
      return {
        label: 'bottleneck',
        // "Most" is true of the default 60%; another threshold is named.
        meaning:
          t.bottleneck === undefined || t.bottleneck === DEFAULT_METRICS.bottleneckThreshold
            ? 'Most pull requests by others were approved by the lead and nobody else.'
            : `The lead was the only approver of ${share(t.bottleneck)} or more of the pull requests by others.`,
        action:
          'Name a second approver (in CODEOWNERS) for some components so work does not wait for one person.',
      };
    case 'holds-ownership':
      return {
        label: 'holds ownership',
        meaning: `The lead owns ${share(t.leadOwnership ?? DEFAULT_METRICS.leadOwnershipThreshold)} or more of the team's components, so few decisions can be made without them.`,
        action:
          'Hand a component to the person who already works on it most ("could go to"), with the Hand Off command.',
      };
    case 'lead-inactive':
      return {
        label: 'lead not seen lately',
        meaning:
          "The lead authored and reviewed none of the repository's merged pull requests in the last days of the window. " +
          "This is what the history shows, not where the lead's time goes (leave, planning, other repositories).",
        action:
          'Check whether the team has someone to turn to for reviews and decisions, and whether the lead role needs a stand-in.',
      };
    case 'lead-unmapped':
      return {
        label: 'lead not found in the history',
        meaning:
          "No commit author of the repository maps to the lead's login, so the figures cannot tell the lead's changes apart.",
        action:
          'Add the addresses the lead commits with under people.LOGIN.emails in OWNERS.yaml (ownership-lens people --from git suggests them).',
      };
    case 'reviews-unknown':
      return {
        label: 'reviews unknown',
        meaning:
          'No change in the window carries a Reviewed-by, Approved-by or Acked-by trailer, so the history does not say who reviewed what.',
        action: 'Read the review figures as unknown, not as zero; the GitHub source has them.',
      };
  }
}

/** Every signal's words at the default thresholds (the team report and its exports). */
export const SIGNAL_WORDS: Record<TeamSignal, SignalWords> = Object.fromEntries(
  SIGNAL_ORDER.map(s => [s, signalWords(s)]),
) as Record<TeamSignal, SignalWords>;
