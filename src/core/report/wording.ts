import type { TeamSignal } from '../metrics/types';

/** The one sentence every view and export carries on what the figures are not. */
export const FIGURES_ARE_NOT = 'These figures describe merged pull requests, not people: they are not a performance rating, '
  + 'and reviews by comment, pairing outside Co-authored-by trailers and work in other repositories are invisible to them.';

/** Each signal as a short label and what a lead can do about it, in plain, respectful words. */
export const SIGNAL_WORDS: Record<TeamSignal, { label: string; meaning: string; action: string }> = {
  'insufficient-data': {
    label: 'not enough data',
    meaning: 'Too few merged pull requests in the window to judge.',
    action: 'Read the other figures as a hint only, or widen the window.',
  },
  'doing-the-work': {
    label: 'doing the work',
    meaning: 'The lead took part in most of the team\'s changed lines.',
    action: 'Pick one piece of work the lead still does and hand it to someone on the team, with support.',
  },
  watch: {
    label: 'watch',
    meaning: 'The lead took part in a large share of the team\'s changed lines.',
    action: 'Worth a look before it grows: which of the lead\'s changes could a team member have made?',
  },
  absent: {
    label: 'absent',
    meaning: 'The lead neither took part in nor reviewed the team\'s pull requests in this window.',
    action: 'Check with the team whether they get the reviews and decisions they need.',
  },
  bottleneck: {
    label: 'bottleneck',
    meaning: 'Most pull requests by others were approved by the lead and nobody else.',
    action: 'Name a second approver (in CODEOWNERS) for some components so work does not wait for one person.',
  },
  'holds-ownership': {
    label: 'holds ownership',
    meaning: 'The lead owns many of the team\'s components, so few decisions can be made without them.',
    action: 'Hand a component to the person who already works on it most ("could go to"), with the Hand Off command.',
  },
};
