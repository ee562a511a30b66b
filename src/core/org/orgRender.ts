import type { OrgReport, OrgTeam } from './orgFigures';

/** A share as text; null (reviews unknown) reads 'unknown'; anything but a finite number (a tampered file) shows as '?', never as itself. */
const pct = (x: number | null) =>
  x === null
    ? 'unknown'
    : typeof x === 'number' && Number.isFinite(x)
      ? `${(x * 100).toFixed(1)}%`
      : '?';
/** A count as text, the same way. */
const n = (x: number) => (typeof x === 'number' && Number.isFinite(x) ? String(x) : '?');

/** Markdown for people: every repository value escaped (logins and team ids are untrusted text). */
export function orgReportMarkdown(r: OrgReport): string {
  const md = (s: string) =>
    String(s)
      .replace(/[\\`*_{}[\]()#+\-.!|<>~&]/g, c => `\\${c}`)
      .replace(/\r?\n/g, ' ');
  const out = [
    `# ${md(r.org)}: how much of each team's code its lead still writes`,
    '',
    `${r.repositories.length} repositories with an OWNERS.yaml, ${n(r.pullRequests)} merged pull requests (bots left out), ` +
      `${md(r.window.since)} to ${md(r.window.until)} (exclusive); ${n(r.apiRequests)} GitHub API requests.`,
    '',
    '## Teams',
    '',
    '| team | lead | repositories | PRs | lines | lead share | lead PRs | reviewed | flag |',
    '|---|---|---:|---:|---:|---:|---:|---:|---|',
    ...r.teams.map(
      t =>
        `| ${md(t.team)} | ${t.leads.map(md).join(', ') || '-'} | ${t.repositories.length} | ${n(t.pullRequests)} | ${n(t.lines)} | ${pct(t.leadShare)} | ${pct(t.leadPullRequestShare)} | ${pct(t.leadReviewedShare)} | ${md(t.flag)} |`,
    ),
    '',
    '## Leads',
    '',
    '| lead | teams | PRs | lines | lead share |',
    '|---|---|---:|---:|---:|',
    ...r.leads.map(
      l =>
        `| ${md(l.lead)} | ${l.teams.map(md).join(', ')} | ${n(l.pullRequests)} | ${n(l.lines)} | ${pct(l.leadShare)} |`,
    ),
    '',
  ];
  for (const t of r.teams) {
    out.push(
      `### ${md(t.team)}`,
      '',
      ...t.repositories.map(
        x =>
          `- ${md(x.repo)}: ${n(x.pullRequests)} PRs, ${n(x.lines)} lines, lead ${md(x.lead || '-')} ${pct(x.leadShare)}`,
      ),
      `- top authors: ${
        t.authors
          .slice(0, 5)
          .map(a => `${md(a.login)} ${pct(a.share)}`)
          .join(', ') || 'none'
      }`,
      '',
    );
  }
  return out.join('\n');
}

const esc = (s: string) =>
  String(s).replace(
    /[&<>"']/g,
    c => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!,
  );

/** Bars of each author's share with the lead highlighted, as in the team report; CSS only, no script. */
function authorBars(t: OrgTeam): string {
  const leads = new Set(t.leads.map(l => l.toLowerCase()));
  return t.authors
    .slice(0, 8)
    .map(a => {
      const lead = leads.has(a.login.toLowerCase());
      return (
        `<div class="bar${lead ? ' lead' : ''}"><span class="who">${esc(a.login)}${lead ? ' (lead)' : ''}</span>` +
        `<span class="track"><span class="fill" style="width:${Number.isFinite(a.share) ? Math.min(100, Math.max(0, a.share * 100)).toFixed(1) : '0'}%"></span></span><span class="num">${pct(a.share)}</span></div>`
      );
    })
    .join('');
}

/**
 * One self-contained HTML page: inline styles only, no script, no remote content (a CSP says so
 * too), every repository value escaped.
 */
export function orgReportHtml(r: OrgReport): string {
  const teams = r.teams
    .map(
      t => `<section class="team flag-${esc(t.flag)}">
<h3>${esc(t.team)} <small>lead ${esc(t.leads.join(', ') || '-')} · ${esc(t.flag)}</small></h3>
<p>${n(t.pullRequests)} pull requests, ${n(t.lines)} lines over ${t.repositories.length} repositories; the lead wrote ${pct(t.leadShare)} of the lines and reviewed ${pct(t.leadReviewedShare)} of the others' pull requests.</p>
${authorBars(t)}
<table><tr><th>repository</th><th>lead</th><th>PRs</th><th>lines</th><th>lead share</th></tr>
${t.repositories.map(x => `<tr><td>${esc(x.repo)}</td><td>${esc(x.lead || '-')}</td><td>${n(x.pullRequests)}</td><td>${n(x.lines)}</td><td>${pct(x.leadShare)}</td></tr>`).join('\n')}
</table></section>`,
    )
    .join('\n');
  const leads = r.leads
    .map(
      l =>
        `<tr><td>${esc(l.lead)}</td><td>${esc(l.teams.join(', '))}</td><td>${n(l.pullRequests)}</td><td>${n(l.lines)}</td><td>${pct(l.leadShare)}</td><td>${esc(l.flags.join(', '))}</td></tr>`,
    )
    .join('\n');
  return `<!DOCTYPE html>
<html lang="en"><head><meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'; form-action 'none'; base-uri 'none'">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${esc(r.org)}: lead authorship ${esc(r.window.since)} to ${esc(r.window.until)}</title>
<style>
body{font:14px/1.45 system-ui,sans-serif;margin:2rem auto;max-width:60rem;padding:0 1rem;color:#1f2328;background:#fff}
@media (prefers-color-scheme:dark){body{color:#e6edf3;background:#0d1117}.track{background:#30363d!important}}
table{border-collapse:collapse;margin:.5rem 0}td,th{padding:.2rem .6rem;border-bottom:1px solid #8884;text-align:left}
.bar{display:flex;align-items:center;gap:.5rem;margin:.15rem 0}.who{width:12rem;overflow:hidden;text-overflow:ellipsis}
.track{flex:1;height:.8rem;background:#eaeef2;border-radius:3px}.fill{display:block;height:100%;background:#6e7781;border-radius:3px}
.lead .fill{background:#cf222e}.num{width:4rem;text-align:right}section.team{border-top:1px solid #8884;padding-top:.5rem}
</style></head><body>
<h1>${esc(r.org)}: how much of each team's code its lead still writes</h1>
<p>${r.repositories.length} repositories with an OWNERS.yaml · ${n(r.pullRequests)} merged pull requests (bots left out) · ${esc(r.window.since)} to ${esc(r.window.until)} (exclusive) · ${n(r.apiRequests)} GitHub API requests · generated ${esc(r.generatedAt)}</p>
<h2>Leads</h2>
<table><tr><th>lead</th><th>teams</th><th>PRs</th><th>lines</th><th>lead share</th><th>flags</th></tr>
${leads}
</table>
<h2>Teams</h2>
${teams}
</body></html>
`;
}
