import type { MonthFigures, TeamFigures, TeamSignal } from '../metrics/types';
import { SIGNAL_WORDS } from './wording';

// A reading of a team's signals that accounts for its size and for the trend over whole months.
// Beside the contract's `signals` and `flag`, never instead of them: the ids and figures of
// `report --json` stay as they are; this says which of them a lead should act on.

/** How far above an equal share (1 / team size) the lead's share may be and still read as one. */
export const EQUAL_SHARE_MARGIN = 0.05;

/** Whether a signal asks the lead to act, or is what a team of this size cannot avoid. */
export type Standing = 'concern' | 'expected' | 'info';

export interface SignalReading {
  signal: TeamSignal;
  standing: Standing;
  /** Why it is expected, in words ("with one other person, nobody else can approve"). */
  why?: string;
}

export type Direction = 'falling' | 'rising' | 'steady' | 'unknown';

export interface RecentTrend {
  direction: Direction;
  /** The last whole months with lines (at most 3), oldest first: what the direction is read from. */
  months: { month: string; leadShare: number }[];
}

export interface Assessment {
  /** The lead and the members. */
  teamSize: number;
  /** 1 / teamSize: the share each person would write if all wrote alike. */
  equalShare: number;
  readings: SignalReading[];
  /** The signals that still ask for action, in the contract's order. */
  concerns: TeamSignal[];
  trend: RecentTrend;
  /** One line for the top of a view: the state, its direction, and the next step. */
  headline: string;
}

/** A month the window does not cover whole is left out of every comparison (it would read as a fall). */
export function isWholeMonth(
  m: Pick<MonthFigures, 'month'> & { days?: number },
  window?: { since: string; until: string },
): boolean {
  const [y, mo] = m.month.split('-').map(Number);
  const full = new Date(Date.UTC(y, mo, 0)).getUTCDate();
  if (m.days !== undefined) return m.days >= full;
  if (!window) return true;
  const first = `${m.month}-01`;
  const next = new Date(Date.UTC(y, mo, 1)).toISOString().slice(0, 10);
  return window.since <= first && window.until >= next;
}

/**
 * The direction of the lead's share over the last three whole months with lines: falling or rising
 * when every month moves the same way by at least a point in all, steady when they stay within
 * five points, unknown with fewer than three such months or when they zigzag.
 */
export function recentTrend(
  monthly: readonly (MonthFigures & { days?: number })[],
  window?: { since: string; until: string },
): RecentTrend {
  const months = monthly
    .filter(m => m.lines > 0 && isWholeMonth(m, window))
    .slice(-3)
    .map(m => ({ month: m.month, leadShare: m.leadShare }));
  if (months.length < 3) return { direction: 'unknown', months };
  const s = months.map(m => m.leadShare);
  const down = s[0] > s[1] && s[1] > s[2] && s[0] - s[2] >= 0.01;
  const up = s[0] < s[1] && s[1] < s[2] && s[2] - s[0] >= 0.01;
  if (down) return { direction: 'falling', months };
  if (up) return { direction: 'rising', months };
  return { direction: Math.max(...s) - Math.min(...s) <= 0.05 ? 'steady' : 'unknown', months };
}

const pct = (x: number) => `${Math.round(x * 100)}%`;

/**
 * Reads `figures.signals` for a team of `teamSize` people (lead included):
 * - `bottleneck` is expected when the lead has at most one other person: nobody else can approve;
 * - `holds-ownership` is expected when the lead owns no more than their part of the components
 *   (components / people, rounded up), as a lead of 2 owning 1 of 2 components does;
 * - `doing-the-work` and `watch` are expected when the lead's share is an equal share
 *   (1 / teamSize, within EQUAL_SHARE_MARGIN): in a team of two, 50% is everyone doing their half;
 * - `absent` stays a concern, `insufficient-data` is information.
 */
export function assessTeam(
  figures: TeamFigures,
  teamSize: number,
  monthly: readonly (MonthFigures & { days?: number })[] = [],
  window?: { since: string; until: string },
): Assessment {
  const size = Math.max(1, teamSize);
  const equalShare = 1 / size;
  const others = size - 1;
  const readings: SignalReading[] = figures.signals.map(signal => {
    switch (signal) {
      case 'insufficient-data':
      // The git source cannot see reviews: that describes the data, and there is nothing to do about it.
      case 'reviews-unknown':
        return { signal, standing: 'info' };
      case 'bottleneck':
        return others <= 1
          ? {
              signal,
              standing: 'expected',
              why:
                others === 0
                  ? 'the lead works alone: nobody else can approve'
                  : 'with one other person in the team, nobody else can approve their pull requests',
            }
          : { signal, standing: 'concern' };
      case 'holds-ownership': {
        const part = Math.ceil(figures.components / size);
        return figures.leadOwnedComponents <= part
          ? {
              signal,
              standing: 'expected',
              why: `the lead owns ${figures.leadOwnedComponents} of ${figures.components} components, their part in a team of ${size}`,
            }
          : { signal, standing: 'concern' };
      }
      case 'doing-the-work':
      case 'watch':
        return figures.leadShare <= equalShare + EQUAL_SHARE_MARGIN
          ? {
              signal,
              standing: 'expected',
              why: `${pct(figures.leadShare)} is about an equal share in a team of ${size}, ${pct(equalShare)} each`,
            }
          : { signal, standing: 'concern' };
      default:
        return { signal, standing: 'concern' };
    }
  });
  const concerns = readings.filter(r => r.standing === 'concern').map(r => r.signal);
  const trend = recentTrend(monthly, window);
  return {
    teamSize: size,
    equalShare,
    readings,
    concerns,
    trend,
    headline: headline(figures, size, readings, concerns, trend),
  };
}

function headline(
  f: TeamFigures,
  size: number,
  readings: SignalReading[],
  concerns: TeamSignal[],
  trend: RecentTrend,
): string {
  const moving =
    trend.direction === 'falling' || trend.direction === 'rising'
      ? `, ${trend.direction}: ${trend.months.map(m => pct(m.leadShare)).join(', ')} in the last ${trend.months.length} whole months`
      : trend.direction === 'steady'
        ? `, steady over the last ${trend.months.length} whole months`
        : '';
  if (readings.some(r => r.signal === 'insufficient-data'))
    return `${SIGNAL_WORDS['insufficient-data'].meaning} ${SIGNAL_WORDS['insufficient-data'].action}`;
  const share = `The lead wrote ${pct(f.leadShare)} of the team's lines${moving}.`;
  if (concerns.length === 0) {
    const expected = readings.filter(r => r.standing === 'expected');
    // What the data cannot say is said after the verdict, so that "nothing to act on" is read with it.
    const unknown = readings.some(r => r.signal === 'reviews-unknown')
      ? ` ${SIGNAL_WORDS['reviews-unknown'].meaning}`
      : '';
    return expected.length
      ? `${share} Nothing to act on for a team of ${size}: ${expected.map(r => `${SIGNAL_WORDS[r.signal].label} (${r.why})`).join('; ')}.${unknown}`
      : `${share} Nothing to act on.${unknown}`;
  }
  const top = concerns[0];
  // A share already falling over whole months is the next step under way: say so rather than repeat it.
  const underWay = (top === 'doing-the-work' || top === 'watch') && trend.direction === 'falling';
  const next = underWay
    ? 'Keep handing work over: the share is coming down.'
    : SIGNAL_WORDS[top].action;
  return `${capital(SIGNAL_WORDS[top].label)}. ${share} ${next}`;
}

function capital(s: string): string {
  return s.charAt(0).toUpperCase() + s.slice(1);
}

/** The next step for a signal in a few words, for a tree row at the default sidebar width (the tooltip has the sentence). */
export const SHORT_STEPS: Record<TeamSignal, string> = {
  'doing-the-work': 'hand work over',
  watch: 'spread the work',
  bottleneck: 'name a second approver',
  'holds-ownership': 'hand off a component',
  absent: 'check in with the team',
  'lead-inactive': 'find a stand-in',
  'lead-unmapped': "add the lead's emails",
  'reviews-unknown': 'read reviews as unknown',
  'insufficient-data': 'widen the window',
};

/** The direction of the lead's share on a row: ↓ falling, ↑ rising, → steady (the tooltip and the legend say it in words). */
export const DIRECTION_ARROWS: Record<Direction, string> = {
  falling: ' ↓',
  rising: ' ↑',
  steady: ' →',
  unknown: '',
};

/** Labels too long for a row at the default width, said shorter there (the tooltip has the full label). */
const SHORT_LABELS: Partial<Record<TeamSignal, string>> = {
  absent: 'lead not in PRs',
  'lead-unmapped': 'lead not in history',
  'lead-inactive': 'lead not seen',
};

/** A team at a glance: the signal to act on, the lead's share with its direction, and the one next step. */
export interface Glance {
  /** The signal the row names: the first concern, or undefined when nothing asks for action. */
  signal?: TeamSignal;
  /** "doing the work · 62%, falling": short enough for a row at the default sidebar width. */
  state: string;
  /** "hand Deployment to erin": the one next step, or "nothing to act on". */
  next: string;
}

/**
 * What a team row says without hovering. `handTo` is a component the lead owns and who could take
 * it ("could go to"): the next step names them when holding ownership is the concern.
 */
export function teamGlance(
  f: TeamFigures,
  a: Assessment,
  handTo?: { component: string; to: string },
): Glance {
  if (f.signals.includes('insufficient-data'))
    return {
      signal: 'insufficient-data',
      state: `${SIGNAL_WORDS['insufficient-data'].label} · ${f.pullRequests} PRs`,
      next: SHORT_STEPS['insufficient-data'],
    };
  const signal = a.concerns[0];
  const share = `${pct(f.leadShare)}${DIRECTION_ARROWS[a.trend.direction]}`;
  if (!signal) return { state: `ok · ${share}`, next: 'nothing to act on' };
  const underWay =
    (signal === 'doing-the-work' || signal === 'watch') && a.trend.direction === 'falling';
  const next = underWay
    ? 'keep handing work over'
    : (signal === 'holds-ownership' || signal === 'doing-the-work') && handTo
      ? `hand ${handTo.component} to ${handTo.to}`
      : SHORT_STEPS[signal];
  return {
    signal,
    state: `${SHORT_LABELS[signal] ?? SIGNAL_WORDS[signal].label} · ${share}`,
    next,
  };
}
