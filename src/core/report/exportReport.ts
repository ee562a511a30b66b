import { daysInMonth, isPartialMonth } from '../metrics/months';
import { isHttpUrl, markdownLinkTarget } from '../links';
import { oneLine } from '../owners/printable';
import { componentLabel, delegationWords, trendWords } from './reportText';
import {
  FLAG_WORDS,
  lastDay,
  num,
  pct,
  TeamFigures,
  TeamReportView,
  windowLabel,
} from './teamReport';
import { FIGURES_ARE_NOT, SIGNAL_WORDS } from './wording';
import { componentPracticePhrases, HISTORY_NOT_WORTH } from './inPracticeWords';

/** The author rows an export may show: in team-only mode the lead's alone, whatever figures it was given. */
function authorsShown<T extends { login: string }>(
  r: Pick<TeamReportView, 'teamOnly' | 'team'>,
  authors: readonly T[],
): readonly T[] {
  return r.teamOnly
    ? authors.filter(a => a.login.toLowerCase() === r.team.lead.toLowerCase())
    : authors;
}

/** The file name an export is offered under: the team and the window's last day, as the report shows it. */
export function exportFileName(
  r: Pick<TeamReportView, 'team' | 'window'>,
  format: 'markdown' | 'csv',
): string {
  return `team-report-${r.team.id.replace(/[^A-Za-z0-9_-]/g, '_')}-${lastDay(r.window)}.${format === 'markdown' ? 'md' : 'csv'}`;
}

/**
 * Repository text made inert in Markdown, and still readable when pasted into a chat as it is:
 * one line; `[ ]` escaped so no link or image can open (`(`, `)` and `!` then mean nothing), `< >`
 * so no HTML or autolink, `` ` * _ ~ `` so no code or emphasis, `|` so a table keeps its columns,
 * `&` only where it would start an entity, and a leading `# - + = >` or `1.` so a value never
 * starts a heading, list or quote. Dashes, dots and parentheses elsewhere stay as they are.
 */
export function markdownText(s: string): string {
  return (
    oneLine(s)
      .replace(/[\\`*[\]<>|~]/g, '\\$&')
      // `_` inside a word (checkout_api) is no emphasis in GitHub's Markdown: left alone there
      .replace(/(?<![A-Za-z0-9])_|_(?![A-Za-z0-9])/g, '\\_')
      // `](` reads as a link's start to people and to naive filters even when the bracket is escaped
      .replace(/\\\]\(/g, '\\]\\(')
      .replace(/&(?=#?[A-Za-z0-9]+;)/g, '\\&')
      .replace(
        /^(\s*)([#+=>-]|\d+[.)])/,
        (_, space: string, lead: string) =>
          `${space}${lead.replace(/^(\d+)?(.)$/, (m, digits: string | undefined, mark: string) => `${digits ?? ''}\\${mark}`)}`,
      )
  );
}

/** Markdown for a 1:1 or a retrospective, to read or paste into a chat; every value from the repository is escaped. */
export function teamReportMarkdown(r: TeamReportView): string {
  const md = markdownText;
  const lines = [
    `# ${md(r.team.name)}: lead ${md(r.team.lead)}`,
    '',
    r.hasData
      ? `Pull requests merged from ${windowLabel(r.window)} (UTC).`
      : 'No pull-request data yet.',
    '',
  ];
  if (r.repositories?.length) {
    lines.push(
      `Summed over the pull requests of ${r.repositories.length} repositories:`,
      '',
      '| repository | pull requests | lines | lead share |',
      '|---|---:|---:|---:|',
    );
    for (const p of r.repositories)
      lines.push(
        `| ${md(p.repo)} | ${num(p.pullRequests)} | ${num(p.lines)} | ${p.lines ? pct(p.leadLines / p.lines) : '–'} |`,
      );
    lines.push('');
  }
  const f = r.figures;
  if (!r.hasData)
    lines.push(
      'Fetch it in VS Code with "Ownership: Refresh Pull Request Data", or run `ownership-lens report`.',
      '',
    );
  else if (!f) lines.push(`No pull requests for this team in the window.`, '');
  else {
    lines.push(
      `**${FLAG_WORDS[f.flag]}.** The lead wrote ${pct(f.leadShare)} of ${num(f.lines)} changed lines and ${num(f.leadPullRequests)} of ${num(f.pullRequests)} pull requests, ` +
        `${f.leadReviewedShare === null ? 'and the history says nothing of reviews (no review trailers): they are unknown, not zero' : `and reviewed ${pct(f.leadReviewedShare)} of the others' pull requests`}. Thresholds: doing the work at ${pct(r.thresholds.leadShare)}, watch at ${pct(r.thresholds.watch)}.`,
      '',
    );
    if (r.assessment) lines.push(r.assessment.headline, '');
    for (const sig of f.signals) {
      const expected = r.assessment?.readings.find(
        x => x.signal === sig && x.standing === 'expected',
      );
      lines.push(
        expected
          ? `- **${SIGNAL_WORDS[sig].label}**, expected here: ${expected.why}. ${SIGNAL_WORDS[sig].meaning}`
          : `- **${SIGNAL_WORDS[sig].label}**: ${SIGNAL_WORDS[sig].meaning} ${SIGNAL_WORDS[sig].action}`,
      );
    }
    if (f.signals.length) lines.push('');
    lines.push(
      `${f.leadSoleApprovalShare === null ? 'Bottleneck figure: unknown (no review trailers).' : `Bottleneck figure: the lead was the only approver of ${pct(f.leadSoleApprovalShare)} of the others' pull requests.`} The lead owns ${f.leadOwnedComponents} of ${f.components} components.`,
      '',
    );
    lines.push('| author | pull requests | lines | share |', '|---|---:|---:|---:|');
    for (const a of authorsShown(r, f.authors))
      lines.push(
        `| ${md(a.login)}${a.login.toLowerCase() === f.lead.toLowerCase() ? ' (lead)' : ''} | ${num(a.pullRequests)} | ${num(a.lines)} | ${pct(a.share)} |`,
      );
    lines.push('');
  }
  if (r.monthly.length) {
    lines.push(
      "## The team's output by month",
      '',
      '| month | days | pull requests | lines | active authors | lead share |',
      '|---|---:|---:|---:|---:|---:|',
    );
    for (const m of r.monthly)
      lines.push(
        `| ${m.month} | ${isPartialMonth(m) ? `${m.days} of ${daysInMonth(m.month)} (partial)` : m.days} | ${num(m.pullRequests)} | ${num(m.lines)} | ${num(m.authors)} | ${m.lines ? pct(m.leadShare) : '–'} |`,
      );
    lines.push('', trendWords(r), '');
  }
  if (r.delegation.length) {
    lines.push(
      '## Delegation',
      '',
      "| component | who owns it, who writes it | lead's lines | next step |",
      '|---|---|---:|---|',
    );
    for (const d of r.delegation) {
      const words = delegationWords(d);
      lines.push(
        `| ${md(d.name)} | ${md(words.ownership)} | ${num(d.leadLines)} of ${num(d.lines)} | ${md(words.next)} |`,
      );
    }
    lines.push('');
  }
  if (f && f.componentFigures.length) {
    lines.push(
      '## Ownership in practice',
      '',
      "| component | owner | owner's pull requests | reviewed by the owner | last active | what the history shows |",
      '|---|---|---:|---:|---|---|',
    );
    for (const c of f.componentFigures) {
      const name = r.components.find(x => x.id === c.component)?.name ?? c.component;
      const phrases = componentPracticePhrases(c, r.window.until, r.suggestions?.[c.component]);
      const cell = (n: number | null) => (n === null ? '–' : num(n));
      // Team-only mode: an owner other than the lead is named (OWNERS.yaml says so) but their figures are not.
      if (r.teamOnly && c.owner.toLowerCase() !== f.lead.toLowerCase()) {
        lines.push(`| ${md(name)} | ${md(c.owner)} | hidden in team-only mode | – | – | – |`);
        continue;
      }
      lines.push(
        `| ${md(name)} | ${md(c.owner)} | ${cell(c.ownerPullRequests)} of ${num(c.pullRequests)} | ${cell(c.ownerReviews)} | ${c.ownerLastActive ?? '–'} | ${phrases.length ? md(phrases.join('; ')) : '–'} |`,
      );
    }
    if (f.knowledge)
      lines.push(
        '',
        `The team's truck factor: ${num(f.knowledge.busFactor)} (${num(f.knowledge.knownFiles)} of ${num(f.knowledge.files)} files known by someone).`,
      );
    lines.push('', `_${HISTORY_NOT_WORTH}_`, '');
  }
  if (f) {
    lines.push('## The evidence', '', 'The pull requests with the most lines for this team:', '');
    for (const p of f.topPullRequests) {
      const label =
        p.number === null
          ? `${md((p.commit ?? '').slice(0, 10))} ${md(p.title)}`
          : `#${p.number} ${md(p.title)}`;
      lines.push(
        `- ${p.url && isHttpUrl(p.url) ? `[${label}](${markdownLinkTarget(p.url)})` : label}: ${num(p.lines)} lines${p.author ? ` by ${md(p.author)}` : ''}`,
      );
    }
    const x = f.excluded;
    lines.push(
      '',
      `Left out: ${num(x.botPullRequests)} pull requests by bots, ${num(x.ignoredAuthorPullRequests)} by ignored authors, ${num(x.ignoredPathLines)} lines of ignored files (lock files, ignorePaths) and ${num(x.generatedLines)} lines of generated files (.gitattributes).`,
      '',
    );
  }
  lines.push('## Components', '', '| component | owner | outcomes |', '|---|---|---|');
  for (const c of r.components) {
    const outcomes = c.outcomes
      .map(o => `${md(o.name)}${o.target ? ` (${md(o.target)})` : ''}`)
      .join(', ');
    lines.push(`| ${md(c.name)} | ${md(c.owner)} | ${outcomes || '–'} |`);
  }
  lines.push('', '## Handoffs in the window', '');
  if (r.handoffs.length === 0) lines.push('None.');
  for (const h of r.handoffs)
    lines.push(
      `- ${md(h.date)} ${md(componentLabel(h.componentName, h.component))}: ${md(h.from)} → ${md(h.to)}${h.notes ? `. ${md(h.notes)}` : ''}${h.decisions.length ? ` Open decisions: ${h.decisions.map(md).join('; ')}.` : ''}`,
    );
  lines.push('', `_${FIGURES_ARE_NOT}_`);
  if (r.teamOnly) lines.push('', '_Team-only mode: no individual but the lead is named._');
  return lines.join('\n') + '\n';
}

/** The CSV's columns: one table, a `section` column saying what each row is, so a spreadsheet can filter or pivot it. */
export const CSV_COLUMNS = [
  'section',
  'team',
  'item',
  'is_lead',
  'pull_requests',
  'lines',
  'share',
  'authors',
  'days',
  'detail',
  'window_since',
  'window_last_day',
  'note',
] as const;

/**
 * CSV of the report as one table (RFC 4180 quoting; cells starting with = + - @ are prefixed
 * against formula injection), a row per:
 * - `author`: `item` the login, `share` of the team's lines;
 * - `month`: `item` YYYY-MM, `share` the lead's share of that month's lines (empty without lines),
 *   `authors` the active authors, `days` the days of the month inside the window; `detail` says
 *   "partial month" when the window cuts it, so nobody reads it as a fall;
 * - `signal`: `item` the signal's id as in `report --json`, `share` the figure it compares with its
 *   threshold, `detail` its words;
 * - `flag`: the team's `flag` (docs/figures.md ("Lead authorship")).
 * Every row has every column, the window's first and last day (both included, as the report header
 * shows them) and the note on what the figures are not.
 */
export function teamReportCsv(r: TeamReportView): string {
  const cell = (v: string | number) => {
    let s = String(v);
    if (/^[=+\-@\t\r]/.test(s)) s = `'${s}`;
    return /[",\r\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
  };
  type Row = Partial<Record<(typeof CSV_COLUMNS)[number], string | number>>;
  const rows: Row[] = [];
  const f = r.figures;
  const isLead = (login: string) =>
    login.toLowerCase() === r.team.lead.toLowerCase() ? 'yes' : 'no';
  for (const a of authorsShown(r, f?.authors ?? []))
    rows.push({
      section: 'author',
      item: a.login,
      is_lead: isLead(a.login),
      pull_requests: a.pullRequests,
      lines: a.lines,
      share: a.share.toFixed(4),
    });
  for (const m of r.monthly) {
    const full = daysInMonth(m.month);
    // A month the window cuts is said to be partial, so nobody reads it as a fall.
    const days = m.days;
    rows.push({
      section: 'month',
      item: m.month,
      pull_requests: m.pullRequests,
      lines: m.lines,
      share: m.lines ? m.leadShare.toFixed(4) : '',
      authors: m.authors,
      days,
      detail: days < full ? `partial month: ${days} of ${full} days in the window` : '',
    });
  }
  if (f) {
    rows.push({
      section: 'flag',
      item: f.flag,
      share: f.leadShare.toFixed(4),
      detail: FLAG_WORDS[f.flag],
    });
    for (const sig of f.signals)
      rows.push({
        section: 'signal',
        item: sig,
        share: signalFigure(sig, f),
        detail: `${SIGNAL_WORDS[sig].label}: ${SIGNAL_WORDS[sig].meaning}`,
      });
  }
  const common: Row = {
    team: r.team.id,
    window_since: r.window.since,
    window_last_day: lastDay(r.window),
    note: FIGURES_ARE_NOT,
  };
  const lines = [
    CSV_COLUMNS.join(','),
    ...rows.map(row => CSV_COLUMNS.map(c => cell({ ...common, ...row }[c] ?? '')).join(',')),
  ];
  return lines.join('\r\n') + '\r\n';
}

/** The figure a signal compares with its threshold, as a fraction (empty for one that has none). */
function signalFigure(sig: TeamFigures['signals'][number], f: TeamFigures): string {
  switch (sig) {
    case 'doing-the-work':
    case 'watch':
      return f.leadShare.toFixed(4);
    case 'absent':
      return f.leadReviewedShare === null ? '' : f.leadReviewedShare.toFixed(4);
    case 'bottleneck':
      return f.leadSoleApprovalShare === null ? '' : f.leadSoleApprovalShare.toFixed(4);
    case 'holds-ownership':
      return f.components ? (f.leadOwnedComponents / f.components).toFixed(4) : '';
    default:
      return '';
  }
}
