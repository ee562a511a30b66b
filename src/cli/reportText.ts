import type { TeamOutcome } from '../core/figures/reportJson';
import type { LeadReport } from '../core/metrics/types';
import { statusLine } from '../core/outcomes/wording';
import { printable } from '../core/owners/printable';
import { HISTORY_NOT_WORTH } from '../core/report/inPracticeWords';
import { FIGURES_ARE_NOT, SIGNAL_WORDS } from '../core/report/wording';

/**
 * Ownership in practice, one line per component with something to say: the owner's part in its
 * pull requests, the signals, and the knowledge when the source has it. Worded about the system.
 */
export function inPracticeLines(t: LeadReport['teams'][number], until: string): string[] {
  const p = printable;
  const out: string[] = [];
  for (const c of t.componentFigures) {
    const parts: string[] = [];
    if (c.ownerPullRequests !== null) {
      parts.push(
        `owner ${p(c.owner)}: ${c.ownerPullRequests} of ${c.pullRequests} PRs${c.ownerReviews === null ? '' : `, ${c.ownerReviews} reviewed`}, last active ${c.ownerLastActive ?? 'not in the window'}`,
      );
    }
    if (c.signals.includes('nominal-owner')) parts.push('nominal-owner (owned on paper only)');
    if (c.signals.includes('owner-inactive')) {
      const days = c.ownerLastActive
        ? Math.round(
            (Date.parse(`${until}T00:00:00Z`) - Date.parse(`${c.ownerLastActive}T00:00:00Z`)) /
              86_400_000,
          )
        : undefined;
      parts.push(
        days === undefined
          ? 'owner-inactive (owner not seen in the window)'
          : `owner-inactive (owner not seen for ${days} days)`,
      );
    }
    if (c.knowledge) {
      const k = c.knowledge;
      parts.push(
        k.busFactor <= 1 && k.holders.length > 0
          ? `bus factor ${k.busFactor}: knowledge sits with ${p(k.holders[0].login)}`
          : `bus factor ${k.busFactor}`,
      );
    }
    if (c.backup) parts.push(`backup: ${p(c.backup)}`);
    if (parts.length > 0 && (c.signals.length > 0 || c.knowledge || c.pullRequests > 0))
      out.push(`  ${p(c.component)}: ${parts.join('; ')}`);
  }
  if (t.knowledge)
    out.push(
      `  team bus factor ${t.knowledge.busFactor} (${t.knowledge.knownFiles} of ${t.knowledge.files} files known)`,
    );
  return out;
}

/** What the text shows of each team's outcomes: the entries of `report --json`, and each outcome's unit. */
export interface OutcomesShown {
  byTeam: ReadonlyMap<string, readonly TeamOutcome[]>;
  unit(outcome: string): string | undefined;
}

/** A readable table: one row per team, then each team's top authors, signals, components and outcomes. */
export function formatReport(
  repo: string,
  report: LeadReport,
  apiRequests: number,
  source: 'github' | 'git' = 'github',
  outcomes?: OutcomesShown,
): string {
  const pct = (x: number | null) => (x === null ? 'unknown' : `${(x * 100).toFixed(1)}%`);
  const header = [
    'team',
    'lead',
    'PRs',
    'lines',
    'lead lines',
    'lead share',
    'lead PRs',
    'reviewed',
    'sole approver',
    'owns',
    'flag',
    'signals',
  ];
  // Team ids, logins and component ids come from OWNERS.yaml and GitHub: escaped, one line each.
  const p = printable;
  const rows = report.teams.map(t => [
    p(t.team),
    p(t.lead || '-'),
    String(t.pullRequests),
    String(t.lines),
    String(t.leadLines),
    pct(t.leadShare),
    pct(t.leadPullRequestShare),
    pct(t.leadReviewedShare),
    pct(t.leadSoleApprovalShare),
    `${t.leadOwnedComponents}/${t.components}`,
    t.flag,
    t.signals.join(', ') || '-',
  ]);
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map(r => r[i].length)));
  const line = (cells: string[]) =>
    cells
      .map((c, i) => (i >= 2 && i <= 9 ? c.padStart(widths[i]) : c.padEnd(widths[i])))
      .join('  ')
      .trimEnd();
  const out = [
    source === 'git'
      ? `${p(repo)}: ${report.pullRequests} changes on the first-parent line of the local history (bots left out) from ${report.window.since} to ${report.window.until} (exclusive)`
      : `${p(repo)}: ${report.pullRequests} merged pull requests (bots left out) from ${report.window.since} to ${report.window.until} (exclusive)`,
    '',
    line(header),
    line(widths.map(w => '-'.repeat(w))),
    ...rows.map(line),
    '',
  ];
  for (const t of report.teams) {
    if (t.authors.length)
      out.push(
        `${p(t.team)}: ${t.authors
          .slice(0, 5)
          .map(a => `${p(a.login)} ${pct(a.share)} (${a.lines} lines, ${a.pullRequests} PRs)`)
          .join(', ')}`,
      );
    for (const s of t.signals) out.push(`  ${s}: ${SIGNAL_WORDS[s].action}`);
    for (const c of t.componentFigures)
      if (c.delegateTo)
        out.push(`  ${p(c.component)} (owned by the lead) could go to ${p(c.delegateTo)}`);
    out.push(...inPracticeLines(t, report.window.until));
    // Value against target, met or not, as at the window's end (the same entries as the JSON's).
    for (const e of outcomes?.byTeam.get(t.team) ?? [])
      out.push(`  outcome ${p(e.outcome)}: ${p(statusLine(e, outcomes!.unit(e.outcome)))}`);
    const x = t.excluded;
    if (
      x.botPullRequests ||
      x.ignoredAuthorPullRequests ||
      x.ignoredPathLines ||
      x.generatedLines
    ) {
      out.push(
        `  left out: ${x.botPullRequests} bot PRs, ${x.ignoredAuthorPullRequests} PRs by ignored authors, ${x.ignoredPathLines} ignored and ${x.generatedLines} generated lines`,
      );
    }
  }
  if (report.knowledge)
    out.push(
      '',
      `repository bus factor ${report.knowledge.busFactor} (${report.knowledge.knownFiles} of ${report.knowledge.files} owned files known)`,
    );
  // Ownership in practice (owners' activity, knowledge) reads the history too: say what that is not.
  const practice =
    (report.knowledge !== null && report.knowledge !== undefined) ||
    report.teams.some(t => t.componentFigures.some(c => c.signals.length > 0 || c.knowledge));
  out.push(
    '',
    FIGURES_ARE_NOT,
    ...(practice ? [HISTORY_NOT_WORTH] : []),
    '',
    source === 'git'
      ? 'From the local git history: 0 GitHub API requests.'
      : `${apiRequests} GitHub API request(s).`,
    '',
  );
  return out.join('\n');
}
