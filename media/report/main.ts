// The team report webview. Renders a TeamReportView posted by the extension with DOM APIs only
// (textContent, never innerHTML), so no value from the repository can become markup.
import type { TeamReportView } from '../../src/core/report/teamReport';
import { FLAG_WORDS, NO_DATA_WORDS, pct, windowLabel } from '../../src/core/report/teamReport';
import { FIGURES_ARE_NOT, SIGNAL_WORDS } from '../../src/core/report/wording';

declare function acquireVsCodeApi(): { postMessage(message: unknown): void };
const vscode = acquireVsCodeApi();
const SVG = 'http://www.w3.org/2000/svg';
const TOP_AUTHORS = 25;

function el<K extends keyof HTMLElementTagNameMap>(tag: K, attrs: Record<string, string> = {}, ...children: (Node | string)[]): HTMLElementTagNameMap[K] {
  const e = document.createElement(tag);
  for (const [k, v] of Object.entries(attrs)) e.setAttribute(k, v);
  for (const c of children) e.append(c);
  return e;
}

function svg(tag: string, attrs: Record<string, string | number>, ...children: Node[]): SVGElement {
  const e = document.createElementNS(SVG, tag);
  for (const [k, v] of Object.entries(attrs)) e.setAttribute(k, String(v));
  for (const c of children) e.append(c);
  return e;
}

function header(r: TeamReportView): HTMLElement {
  const flag = r.figures?.flag ?? 'insufficient-data';
  const when = r.hasData ? `pull requests merged ${windowLabel(r.window)}` : 'no pull-request data yet';
  return el('header', {},
    el('h1', {}, `${r.team.name}`),
    el('p', { class: 'sub' }, `Lead ${r.team.lead} · ${when}${r.fetchedAt ? ` · data fetched ${r.fetchedAt.replace('T', ' ').slice(0, 16)} UTC` : ''}`),
    r.hasData ? el('p', { class: `flag flag-${flag}`, role: 'status' }, FLAG_WORDS[flag]) : el('p', { class: 'flag flag-none', role: 'status' }, 'Not measured yet'),
    signals(r),
    el('div', { class: 'actions' },
      button('Export Markdown', () => vscode.postMessage({ type: 'export', format: 'markdown' })),
      button('Export CSV', () => vscode.postMessage({ type: 'export', format: 'csv' }))));
}

/** Every signal that holds, each with what it means and what the lead can do. */
function signals(r: TeamReportView): HTMLElement {
  const list = r.figures?.signals ?? [];
  return el('ul', { class: 'signals', 'aria-label': 'Signals' }, ...list.map(s => el('li', { class: `signal signal-${s}` },
    el('strong', {}, SIGNAL_WORDS[s].label), `: ${SIGNAL_WORDS[s].meaning} `, el('span', { class: 'sub' }, SIGNAL_WORDS[s].action))));
}

function button(label: string, onClick: () => void): HTMLButtonElement {
  const b = el('button', { type: 'button' }, label);
  b.addEventListener('click', onClick);
  return b;
}

function summary(r: TeamReportView): HTMLElement {
  const f = r.figures;
  if (!r.hasData) return el('section', { class: 'empty' }, el('p', {}, NO_DATA_WORDS), button('Refresh Pull Request Data', () => vscode.postMessage({ type: 'refresh' })));
  if (!f) return el('section', {}, el('p', {}, 'No pull requests of this team were merged in the window.'));
  const stat = (value: string, label: string) => el('div', { class: 'stat' }, el('div', { class: 'value' }, value), el('div', { class: 'label' }, label));
  return el('section', { class: 'stats', 'aria-label': 'Summary' },
    stat(pct(f.leadShare), "lead's share of lines"),
    stat(pct(f.leadPullRequestShare), "lead's share of pull requests"),
    stat(pct(f.leadReviewedShare), "others' pull requests the lead reviewed"),
    stat(pct(f.leadSoleApprovalShare), "others' pull requests the lead alone approved (bottleneck)"),
    stat(`${f.leadOwnedComponents} of ${f.components}`, 'components the lead owns'),
    stat(String(f.pullRequests), 'pull requests'),
    stat(String(f.lines), 'changed lines'));
}

function authorBars(r: TeamReportView): HTMLElement {
  const section = el('section', { 'aria-labelledby': 'authors-h' }, el('h2', { id: 'authors-h' }, 'Who writes the code'));
  const f = r.figures;
  if (!f || f.authors.length === 0) return section;
  let metric: 'lines' | 'pullRequests' = 'lines';
  let showAll = false;
  const list = el('ol', { class: 'bars' });
  const toggle = el('div', { class: 'toggle', role: 'group', 'aria-label': 'Measure' });
  const more = button('', () => { showAll = !showAll; draw(); });
  const draw = () => {
    const total = metric === 'lines' ? f.lines : f.pullRequests;
    const sorted = [...f.authors].sort((a, b) => b[metric] - a[metric]);
    const shown = showAll ? sorted : sorted.slice(0, TOP_AUTHORS);
    const lead = sorted.find(a => a.login.toLowerCase() === r.team.lead.toLowerCase());
    if (lead && !shown.includes(lead)) shown.push(lead);
    list.replaceChildren(...shown.map(a => {
      const share = total ? a[metric] / total : 0;
      const isLead = a.login.toLowerCase() === r.team.lead.toLowerCase();
      const bar = el('span', { class: 'bar' });
      bar.style.width = `${(share * 100).toFixed(2)}%`;
      return el('li', { class: isLead ? 'lead' : '', 'aria-label': `${a.login}${isLead ? ' (lead)' : ''}: ${a[metric]} ${metric === 'lines' ? 'lines' : 'pull requests'}, ${pct(share)}` },
        el('span', { class: 'who' }, a.login + (isLead ? ' (lead)' : '')), el('span', { class: 'track' }, bar), el('span', { class: 'num' }, `${pct(share)} · ${a[metric]}`));
    }));
    for (const b of toggle.querySelectorAll('button')) b.setAttribute('aria-pressed', String(b.dataset.metric === metric));
    more.textContent = showAll ? 'Show top 25' : `Show all ${sorted.length} authors`;
    more.hidden = sorted.length <= TOP_AUTHORS;
  };
  for (const [m, label] of [['lines', 'Lines'], ['pullRequests', 'Pull requests']] as const) {
    const b = button(label, () => { metric = m; draw(); });
    b.dataset.metric = m;
    toggle.append(b);
  }
  draw();
  section.append(toggle, list, more);
  return section;
}

function monthlyChart(r: TeamReportView): HTMLElement {
  const section = el('section', { 'aria-labelledby': 'trend-h' }, el('h2', { id: 'trend-h' }, "Lead's share by month"));
  if (r.monthly.length === 0) return section;
  // R leaves room for half of the last month's label ("26-11"), which is centred on its point.
  const W = 640, H = 220, L = 40, B = 28, T = 10, R = 24;
  const x = (i: number) => L + (r.monthly.length === 1 ? 0 : (i * (W - L - R)) / (r.monthly.length - 1));
  const y = (share: number) => T + (1 - share) * (H - T - B);
  const parts: Node[] = [];
  for (const s of [0, 0.25, 0.5, 0.75, 1]) {
    parts.push(svg('line', { x1: L, x2: W - R, y1: y(s), y2: y(s), class: 'grid' }), svg('text', { x: L - 6, y: y(s) + 4, 'text-anchor': 'end', class: 'axis' }));
    (parts[parts.length - 1] as SVGElement).textContent = pct(s);
  }
  for (const [share, cls, label] of [[r.thresholds.leadShare, 'threshold-doing', 'doing the work'], [r.thresholds.watch, 'threshold-watch', 'watch']] as const) {
    const t = svg('text', { x: W - R, y: y(share) - 4, 'text-anchor': 'end', class: `axis ${cls}` });
    t.textContent = `${label} ${pct(share)}`;
    parts.push(svg('line', { x1: L, x2: W - R, y1: y(share), y2: y(share), class: cls }), t);
  }
  const withData = r.monthly.map((m, i) => ({ m, i })).filter(p => p.m.lines > 0);
  parts.push(svg('polyline', { points: withData.map(p => `${x(p.i)},${y(p.m.leadShare)}`).join(' '), class: 'series' }));
  for (const { m, i } of withData) {
    const title = svg('title', {});
    title.textContent = `${m.month}: ${pct(m.leadShare)} of ${m.lines} lines, ${m.pullRequests} pull requests`;
    parts.push(svg('circle', { cx: x(i), cy: y(m.leadShare), r: 4, class: 'point', tabindex: 0 }, title));
  }
  r.monthly.forEach((m, i) => {
    const t = svg('text', { x: x(i), y: H - 8, 'text-anchor': 'middle', class: 'axis' });
    t.textContent = m.month.slice(2);
    parts.push(t);
  });
  const summaryText = `Lead's share by month, ${r.trend === 'unknown' ? 'too few months to see a trend' : r.trend}: ` +
    withData.map(p => `${p.m.month} ${pct(p.m.leadShare)}`).join(', ');
  section.append(svg('svg', { viewBox: `0 0 ${W} ${H}`, role: 'img', 'aria-label': summaryText, class: 'chart' }, ...parts),
    el('p', { class: `trend trend-${r.trend}` }, r.trend === 'unknown' ? 'Too few months with data to see a trend.' : `The lead's share is ${r.trend}.`));
  return section;
}

/** The team's output (pull requests, lines, active authors) by month, drawn with the lead's share. */
function outputChart(r: TeamReportView): HTMLElement {
  const section = el('section', { 'aria-labelledby': 'output-h' }, el('h2', { id: 'output-h' }, "The team's output by month, and the lead's share"));
  if (r.monthly.length === 0 || !r.hasData) return section;
  const W = 640, H = 200, L = 40, B = 28, T = 10, R = 40;
  const maxLines = Math.max(1, ...r.monthly.map(m => m.lines));
  const step = (W - L - R) / r.monthly.length;
  const parts: Node[] = [];
  r.monthly.forEach((m, i) => {
    const h = (m.lines / maxLines) * (H - T - B);
    const title = svg('title', {});
    title.textContent = `${m.month}: ${m.pullRequests} pull requests, ${m.lines} lines, ${m.authors} active authors; lead ${m.lines ? pct(m.leadShare) : '–'}`;
    parts.push(svg('rect', { x: L + i * step + step * 0.15, y: H - B - h, width: step * 0.7, height: h, class: 'output-bar', tabindex: 0 }, title));
    const t = svg('text', { x: L + i * step + step / 2, y: H - 8, 'text-anchor': 'middle', class: 'axis' });
    t.textContent = m.month.slice(2);
    parts.push(t);
  });
  const withData = r.monthly.map((m, i) => ({ m, i })).filter(p => p.m.lines > 0);
  const y = (share: number) => T + (1 - share) * (H - T - B);
  parts.push(svg('polyline', { points: withData.map(p => `${L + p.i * step + step / 2},${y(p.m.leadShare)}`).join(' '), class: 'series' }));
  for (const s of [0, 0.5, 1]) {
    const t = svg('text', { x: W - R + 4, y: y(s) + 4, class: 'axis' });
    t.textContent = pct(s);
    parts.push(t);
  }
  const first = withData[0]?.m, last = withData[withData.length - 1]?.m;
  const words = first && last && first !== last
    ? `From ${first.month} to ${last.month}: ${first.pullRequests} → ${last.pullRequests} pull requests a month, ${first.authors} → ${last.authors} active authors, the lead's share ${pct(first.leadShare)} → ${pct(last.leadShare)}.`
    : 'Too few months with data to compare.';
  const rows = r.monthly.map(m => el('tr', {}, el('td', {}, m.month), el('td', {}, String(m.pullRequests)), el('td', {}, String(m.lines)), el('td', {}, String(m.authors)), el('td', {}, m.lines ? pct(m.leadShare) : '–')));
  section.append(svg('svg', { viewBox: `0 0 ${W} ${H}`, role: 'img', 'aria-label': `Bars: lines per month; line: the lead's share. ${words}`, class: 'chart' }, ...parts),
    el('p', { class: 'output-words' }, words),
    el('details', {}, el('summary', {}, 'Month by month'), el('table', { class: 'months' },
      el('thead', {}, el('tr', {}, ...['Month', 'Pull requests', 'Lines', 'Active authors', "Lead's share"].map(h => el('th', {}, h)))), el('tbody', {}, ...rows))));
  return section;
}

/** Lead-owned and lead-carried components with who could take them, and a button into the handoff. */
function delegation(r: TeamReportView): HTMLElement {
  const section = el('section', { 'aria-labelledby': 'deleg-h' }, el('h2', { id: 'deleg-h' }, 'Delegation'));
  if (r.delegation.length === 0) {
    section.append(el('p', {}, 'The lead neither owns nor carries any of the team\'s components.'));
    return section;
  }
  const rows = r.delegation.map(d => el('tr', { class: `deleg-${d.kind}` },
    el('td', {}, d.name), el('td', {}, d.kind === 'owned' ? 'owned by the lead' : `owned by ${d.owner}, carried by the lead`),
    el('td', {}, `${d.leadLines} of ${d.lines} lines`),
    el('td', {}, ...(d.candidate ? [`could go to ${d.candidate} `, ...(d.kind === 'owned' ? [button(`Hand off to ${d.candidate}…`, () => vscode.postMessage({ type: 'handoff', component: d.component, to: d.candidate }))] : [])] : ['no candidate yet']))));
  section.append(el('table', {}, el('thead', {}, el('tr', {}, ...['Component', '', "Lead's lines", 'Could go to'].map(h => el('th', {}, h)))), el('tbody', {}, ...rows)));
  return section;
}

/** The pull requests behind the figures (links to GitHub, http(s) only) and what was left out. */
function evidence(r: TeamReportView): HTMLElement {
  const section = el('section', { 'aria-labelledby': 'evid-h' }, el('h2', { id: 'evid-h' }, 'The evidence'));
  const f = r.figures;
  if (!f) return section;
  const items = f.topPullRequests.map(p => {
    const label = `#${p.number} ${p.title}`;
    const link = /^https?:\/\//i.test(p.url) ? el('a', { href: p.url }, label) : el('span', {}, label);
    return el('li', {}, link, ` · ${p.lines} lines${p.author ? ` · ${p.author}` : ''}`);
  });
  const x = f.excluded;
  section.append(el('p', { class: 'sub' }, 'The pull requests with the most lines for this team, to check the figures before a 1:1:'),
    el('ol', { class: 'evidence' }, ...items),
    el('p', { class: 'excluded' }, `Left out: ${x.botPullRequests} pull requests by bots, ${x.ignoredAuthorPullRequests} by ignored authors, ` +
      `${x.ignoredPathLines} lines of ignored files (lock files, ignorePaths) and ${x.generatedLines} lines of generated files (.gitattributes).`));
  return section;
}

function footer(r: TeamReportView): HTMLElement {
  return el('footer', {}, el('p', { class: 'not' }, FIGURES_ARE_NOT),
    ...(r.teamOnly ? [el('p', { class: 'sub' }, 'Team-only mode: no individual but the lead is named.')] : []));
}

function components(r: TeamReportView): HTMLElement {
  const rows = r.components.map(c => el('tr', {},
    el('td', {}, c.name), el('td', {}, c.owner),
    el('td', {}, ...c.outcomes.flatMap((o, i) => {
      const label = `${o.name}${o.target ? ` (${o.target})` : ''}`;
      const node = o.link && /^https?:\/\//i.test(o.link) ? el('a', { href: o.link }, label) : el('span', {}, label);
      return i ? [', ', node] : [node];
    }))));
  return el('section', { 'aria-labelledby': 'comp-h' }, el('h2', { id: 'comp-h' }, 'Components and outcomes'),
    el('table', {}, el('thead', {}, el('tr', {}, el('th', {}, 'Component'), el('th', {}, 'Owner'), el('th', {}, 'Outcomes'))), el('tbody', {}, ...rows)));
}

/** A team across repositories: each repository's part of the summed figures. */
function repositories(r: TeamReportView): HTMLElement | string {
  if (!r.repositories?.length) return '';
  const rows = r.repositories.map(p => el('tr', {},
    el('td', {}, p.repo), el('td', { class: 'num' }, String(p.pullRequests)), el('td', { class: 'num' }, p.lines.toLocaleString('en-US')),
    el('td', { class: 'num' }, p.lines ? pct(p.leadLines / p.lines) : '–')));
  return el('section', { 'aria-labelledby': 'repo-h' }, el('h2', { id: 'repo-h' }, `Across ${r.repositories.length} repositories`),
    el('p', { class: 'sub' }, 'Every figure above is a sum over the pull requests of all of them (never an average of shares); each repository\'s part:'),
    el('table', {}, el('thead', {}, el('tr', {}, el('th', {}, 'Repository'), el('th', {}, 'Pull requests'), el('th', {}, 'Lines'), el('th', {}, 'Lead\'s share'))), el('tbody', {}, ...rows)));
}

function handoffs(r: TeamReportView): HTMLElement {
  const items = r.handoffs.map(h => el('li', {}, el('strong', {}, `${h.date} ${h.component}: ${h.from} → ${h.to}`),
    ...(h.notes ? [el('div', {}, h.notes)] : []),
    ...(h.decisions.length ? [el('div', { class: 'sub' }, `Open decisions: ${h.decisions.join('; ')}`)] : [])));
  return el('section', { 'aria-labelledby': 'ho-h' }, el('h2', { id: 'ho-h' }, 'Handoffs in the window'),
    items.length ? el('ul', { class: 'handoffs' }, ...items) : el('p', {}, 'None in this window.'));
}

function render(r: TeamReportView): void {
  document.getElementById('root')!.replaceChildren(header(r), summary(r), repositories(r), outputChart(r), delegation(r), authorBars(r), monthlyChart(r), evidence(r), components(r), handoffs(r), footer(r));
}

window.addEventListener('message', (event: MessageEvent) => {
  const message = event.data as { type: string; report?: TeamReportView };
  if (message?.type === 'report' && message.report) render(message.report);
});
vscode.postMessage({ type: 'ready' });
