// The team report webview. Renders a TeamReportView posted by the extension with DOM APIs only
// (textContent, never innerHTML), so no value from the repository can become markup.
import { componentLabel, delegationWords } from '../../src/core/report/reportText';
import type { TeamReportView } from '../../src/core/report/teamReport';
import { FLAG_WORDS, NO_DATA_WORDS, num, pct, windowLabel } from '../../src/core/report/teamReport';
import { FIGURES_ARE_NOT, SIGNAL_WORDS } from '../../src/core/report/wording';
import { componentPracticePhrases, HISTORY_NOT_WORTH } from '../../src/core/report/inPracticeWords';
import { outputChart, shareChart } from './charts';
import { outcomeSection } from './outcomeCharts';
import { button, el, forgetSized, table } from './dom';
import { daysInMonth, isPartialMonth } from '../../src/core/metrics/months';

declare function acquireVsCodeApi(): { postMessage(message: unknown): void };
const vscode = acquireVsCodeApi();
const TOP_AUTHORS = 25;

function header(r: TeamReportView): HTMLElement {
  const flag = r.figures?.flag ?? 'insufficient-data';
  const when = r.hasData
    ? `pull requests merged ${windowLabel(r.window)}`
    : 'no pull-request data yet';
  return el(
    'header',
    {},
    el('h1', {}, `${r.team.name}`),
    el(
      'p',
      { class: 'sub' },
      `Lead ${r.team.lead} · ${when}${r.fetchedAt ? ` · data fetched ${r.fetchedAt.replace('T', ' ').slice(0, 16)} UTC` : ''}`,
    ),
    r.hasData
      ? el('p', { class: `flag flag-${flag}`, role: 'status' }, FLAG_WORDS[flag])
      : el('p', { class: 'flag flag-none', role: 'status' }, 'Not measured yet'),
    // The reading for the team's size and the direction over whole months, with the one next step.
    ...(r.assessment ? [el('p', { class: 'headline' }, r.assessment.headline)] : []),
    signals(r),
    el(
      'div',
      { class: 'actions' },
      button('Export Markdown', () => vscode.postMessage({ type: 'export', format: 'markdown' })),
      button('Export CSV', () => vscode.postMessage({ type: 'export', format: 'csv' })),
    ),
  );
}

/** Every signal that holds, each with what it means and what the lead can do. */
function signals(r: TeamReportView): HTMLElement {
  const list = r.figures?.signals ?? [];
  return el(
    'ul',
    { class: 'signals', 'aria-label': 'Signals' },
    ...list.map(s => {
      // A signal the team's size makes unavoidable says why, instead of asking the lead to act on it.
      const expected = r.assessment?.readings.find(
        x => x.signal === s && x.standing === 'expected',
      );
      return expected
        ? el(
            'li',
            { class: `signal signal-${s} expected` },
            el('strong', {}, SIGNAL_WORDS[s].label),
            `, expected here: ${expected.why ?? ''}. `,
            el('span', { class: 'sub' }, SIGNAL_WORDS[s].meaning),
          )
        : el(
            'li',
            { class: `signal signal-${s}` },
            el('strong', {}, SIGNAL_WORDS[s].label),
            `: ${SIGNAL_WORDS[s].meaning} `,
            el('span', { class: 'sub' }, SIGNAL_WORDS[s].action),
          );
    }),
  );
}

function summary(r: TeamReportView): HTMLElement {
  const f = r.figures;
  if (!r.hasData)
    return el(
      'section',
      { class: 'empty' },
      el('p', {}, NO_DATA_WORDS),
      button('Refresh Pull Request Data', () => vscode.postMessage({ type: 'refresh' })),
    );
  if (!f)
    return el(
      'section',
      {},
      el('p', {}, 'No pull requests of this team were merged in the window.'),
    );
  const stat = (value: string, label: string) =>
    el(
      'div',
      { class: 'stat' },
      el('div', { class: 'value' }, value),
      el('div', { class: 'label' }, label),
    );
  return el(
    'section',
    { class: 'stats', 'aria-label': 'Summary' },
    stat(pct(f.leadShare), "lead's share of lines"),
    stat(pct(f.leadPullRequestShare), "lead's share of pull requests"),
    stat(pct(f.leadReviewedShare), "others' pull requests the lead reviewed"),
    stat(
      pct(f.leadSoleApprovalShare),
      "others' pull requests the lead alone approved (bottleneck)",
    ),
    stat(`${f.leadOwnedComponents} of ${f.components}`, 'components the lead owns'),
    stat(num(f.pullRequests), 'pull requests'),
    stat(num(f.lines), 'changed lines'),
  );
}

function authorBars(r: TeamReportView): HTMLElement {
  const section = el(
    'section',
    { 'aria-labelledby': 'authors-h' },
    el('h2', { id: 'authors-h' }, 'Who writes the code'),
  );
  const f = r.figures;
  if (!f || f.authors.length === 0) return section;
  let metric: 'lines' | 'pullRequests' = 'lines';
  let showAll = false;
  const list = el('ol', { class: 'bars' });
  const toggle = el('div', { class: 'toggle', role: 'group', 'aria-label': 'Measure' });
  const more = button('', () => {
    showAll = !showAll;
    draw();
  });
  const draw = () => {
    const total = metric === 'lines' ? f.lines : f.pullRequests;
    const sorted = [...f.authors].sort((a, b) => b[metric] - a[metric]);
    const shown = showAll ? sorted : sorted.slice(0, TOP_AUTHORS);
    const lead = sorted.find(a => a.login.toLowerCase() === r.team.lead.toLowerCase());
    if (lead && !shown.includes(lead)) shown.push(lead);
    list.replaceChildren(
      ...shown.map(a => {
        const share = total ? a[metric] / total : 0;
        const isLead = a.login.toLowerCase() === r.team.lead.toLowerCase();
        const bar = el('span', { class: 'bar' });
        bar.style.width = `${(share * 100).toFixed(2)}%`;
        return el(
          'li',
          {
            class: isLead ? 'lead' : '',
            'aria-label': `${a.login}${isLead ? ' (lead)' : ''}: ${num(a[metric])} ${metric === 'lines' ? 'lines' : 'pull requests'}, ${pct(share)}`,
          },
          el('span', { class: 'who' }, a.login + (isLead ? ' (lead)' : '')),
          el('span', { class: 'track' }, bar),
          el('span', { class: 'num' }, `${pct(share)} · ${num(a[metric])}`),
        );
      }),
    );
    for (const b of toggle.querySelectorAll('button'))
      b.setAttribute('aria-pressed', String(b.dataset.metric === metric));
    more.textContent = showAll ? 'Show top 25' : `Show all ${sorted.length} authors`;
    more.hidden = sorted.length <= TOP_AUTHORS;
  };
  for (const [m, label] of [
    ['lines', 'Lines'],
    ['pullRequests', 'Pull requests'],
  ] as const) {
    const b = button(label, () => {
      metric = m;
      draw();
    });
    b.dataset.metric = m;
    toggle.append(b);
  }
  draw();
  section.append(toggle, list, more);
  return section;
}

function monthlyChart(r: TeamReportView): HTMLElement {
  const section = el(
    'section',
    { 'aria-labelledby': 'trend-h' },
    el('h2', { id: 'trend-h' }, "Lead's share by month"),
  );
  if (r.monthly.length > 0) section.append(...shareChart(r));
  return section;
}

/** The team's output by month (bars: lines) with the lead's share of it (line), and the month-by-month table. */
function output(r: TeamReportView): HTMLElement {
  const section = el(
    'section',
    { 'aria-labelledby': 'output-h' },
    el('h2', { id: 'output-h' }, "The team's output by month, and the lead's share"),
  );
  if (r.monthly.length === 0 || !r.hasData) return section;
  const rows = r.monthly.map(m => [
    m.month,
    isPartialMonth(m) ? `${m.days} of ${daysInMonth(m.month)} (partial)` : String(m.days),
    num(m.pullRequests),
    num(m.lines),
    num(m.authors),
    m.lines ? pct(m.leadShare) : '–',
  ]);
  section.append(
    ...outputChart(r),
    el(
      'details',
      {},
      el('summary', {}, 'Month by month'),
      table(
        ['Month', 'Days', 'Pull requests', 'Lines', 'Active authors', "Lead's share"],
        rows,
        'months',
      ),
    ),
  );
  return section;
}

/**
 * Lead-owned components with who could take them (and a button into the handoff), and lead-carried
 * ones, which already have an owner: that owner should drive them, there is nobody to hand them to.
 */
function delegation(r: TeamReportView): HTMLElement {
  const section = el(
    'section',
    { 'aria-labelledby': 'deleg-h' },
    el('h2', { id: 'deleg-h' }, 'Delegation'),
  );
  if (r.delegation.length === 0) {
    section.append(el('p', {}, "The lead neither owns nor carries any of the team's components."));
    return section;
  }
  const rows = r.delegation.map(d => {
    const words = delegationWords(d);
    const next = el('td', { class: 'next' }, words.next);
    if (d.kind === 'owned' && d.candidate) {
      const to = d.candidate;
      next.append(
        ' ',
        button(`Hand off to ${to}…`, () =>
          vscode.postMessage({ type: 'handoff', component: d.component, to }),
        ),
      );
    }
    return [d.name, words.ownership, `${num(d.leadLines)} of ${num(d.lines)} lines`, next];
  });
  section.append(
    table(
      ['Component', 'Who owns it, who writes it', "Lead's lines", 'Next step'],
      rows,
      'delegation',
    ),
  );
  return section;
}

/**
 * Ownership in practice: each component's owner's part in its changes, what the history shows
 * (on paper only, not seen lately, knowledge in one place, the backup), and the team's truck factor.
 * Where knowledge sits in one place or the owner is on paper only, the backup is offered for a handoff.
 */
function inPractice(r: TeamReportView): HTMLElement | string {
  const f = r.figures;
  if (!f || f.componentFigures.length === 0) return '';
  const section = el(
    'section',
    { 'aria-labelledby': 'practice-h' },
    el('h2', { id: 'practice-h' }, 'Ownership in practice'),
  );
  const rows = f.componentFigures.map(c => {
    const name = r.components.find(x => x.id === c.component)?.name ?? c.component;
    const part =
      c.ownerPullRequests === null
        ? '–'
        : `${num(c.ownerPullRequests)} of ${num(c.pullRequests)} authored${c.ownerReviews === null ? '' : `, ${num(c.ownerReviews)} reviewed`}${c.ownerLastActive ? `, last ${c.ownerLastActive}` : ''}`;
    const s = r.suggestions?.[c.component];
    const shows = el('td', {}, componentPracticePhrases(c, r.window.until, s).join(' · ') || '–');
    // Knowledge in one place or an owner on paper only: the handoff (or rotation) with the best candidate chosen.
    if (s?.handoff?.kind === 'rotate') {
      const to = s.handoff.candidate.login;
      shows.append(
        ' ',
        button(`Hand off or rotate to ${to}…`, () =>
          vscode.postMessage({ type: 'handoff', component: c.component, to }),
        ),
      );
    }
    return [name, c.owner, part, shows];
  });
  section.append(
    table(
      ['Component', 'Owner', "Owner's part in its pull requests", 'What the history shows'],
      rows,
    ),
  );
  if (f.knowledge)
    section.append(
      el(
        'p',
        {},
        `The team's truck factor: ${num(f.knowledge.busFactor)} (${num(f.knowledge.knownFiles)} of ${num(f.knowledge.files)} files known by someone).`,
      ),
    );
  section.append(el('p', { class: 'sub' }, HISTORY_NOT_WORTH));
  return section;
}

/** The pull requests behind the figures (links to GitHub, http(s) only) and what was left out. */
function evidence(r: TeamReportView): HTMLElement {
  const section = el(
    'section',
    { 'aria-labelledby': 'evid-h' },
    el('h2', { id: 'evid-h' }, 'The evidence'),
  );
  const f = r.figures;
  if (!f) return section;
  const items = f.topPullRequests.map(p => {
    const label =
      p.number === null ? `${(p.commit ?? '').slice(0, 10)} ${p.title}` : `#${p.number} ${p.title}`;
    const link =
      p.url && /^https?:\/\//i.test(p.url)
        ? el('a', { href: p.url }, label)
        : el('span', {}, label);
    return el('li', {}, link, ` · ${num(p.lines)} lines${p.author ? ` · ${p.author}` : ''}`);
  });
  const x = f.excluded;
  section.append(
    el(
      'p',
      { class: 'sub' },
      'The pull requests with the most lines for this team, to check the figures before a 1:1:',
    ),
    el('ol', { class: 'evidence' }, ...items),
    el(
      'p',
      { class: 'excluded' },
      `Left out: ${num(x.botPullRequests)} pull requests by bots, ${num(x.ignoredAuthorPullRequests)} by ignored authors, ` +
        `${num(x.ignoredPathLines)} lines of ignored files (lock files, ignorePaths) and ${num(x.generatedLines)} lines of generated files (.gitattributes).`,
    ),
  );
  return section;
}

function footer(r: TeamReportView): HTMLElement {
  return el(
    'footer',
    {},
    el('p', { class: 'not' }, FIGURES_ARE_NOT),
    ...(r.teamOnly
      ? [el('p', { class: 'sub' }, 'Team-only mode: no individual but the lead is named.')]
      : []),
  );
}

function components(r: TeamReportView): HTMLElement {
  const rows = r.components.map(c => [
    c.name,
    c.owner,
    el(
      'td',
      {},
      ...c.outcomes.flatMap((o, i) => {
        const label = `${o.name}${o.target ? ` (${o.target})` : ''}`;
        const node =
          o.link && /^https?:\/\//i.test(o.link)
            ? el('a', { href: o.link }, label)
            : el('span', {}, label);
        return i ? [', ', node] : [node];
      }),
    ),
  ]);
  return el(
    'section',
    { 'aria-labelledby': 'comp-h' },
    el('h2', { id: 'comp-h' }, 'Components and outcomes'),
    table(['Component', 'Owner', 'Outcomes'], rows),
  );
}

/** A team across repositories: each repository's part of the summed figures. */
function repositories(r: TeamReportView): HTMLElement | string {
  if (!r.repositories?.length) return '';
  const rows = r.repositories.map(p => [
    p.repo,
    num(p.pullRequests),
    num(p.lines),
    p.lines ? pct(p.leadLines / p.lines) : '–',
  ]);
  return el(
    'section',
    { 'aria-labelledby': 'repo-h' },
    el('h2', { id: 'repo-h' }, `Across ${r.repositories.length} repositories`),
    el(
      'p',
      { class: 'sub' },
      "Every figure above is a sum over the pull requests of all of them (never an average of shares); each repository's part:",
    ),
    table(['Repository', 'Pull requests', 'Lines', "Lead's share"], rows),
  );
}

function handoffs(r: TeamReportView): HTMLElement {
  const items = r.handoffs.map(h =>
    el(
      'li',
      {},
      el(
        'strong',
        {},
        `${h.date} ${componentLabel(h.componentName, h.component)}: ${h.from} → ${h.to}`,
      ),
      ...(h.notes ? [el('div', {}, h.notes)] : []),
      ...(h.decisions.length
        ? [el('div', { class: 'sub' }, `Open decisions: ${h.decisions.join('; ')}`)]
        : []),
    ),
  );
  return el(
    'section',
    { 'aria-labelledby': 'ho-h' },
    el('h2', { id: 'ho-h' }, 'Handoffs in the window'),
    items.length ? el('ul', { class: 'handoffs' }, ...items) : el('p', {}, 'None in this window.'),
  );
}

function render(r: TeamReportView): void {
  forgetSized();
  document
    .getElementById('root')!
    .replaceChildren(
      header(r),
      summary(r),
      repositories(r),
      output(r),
      outcomeSection(r),
      delegation(r),
      inPractice(r),
      authorBars(r),
      monthlyChart(r),
      evidence(r),
      components(r),
      handoffs(r),
      footer(r),
    );
}

window.addEventListener('message', (event: MessageEvent) => {
  const message = event.data as { type: string; report?: TeamReportView };
  if (message?.type === 'report' && message.report) render(message.report);
});
vscode.postMessage({ type: 'ready' });
