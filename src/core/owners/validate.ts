import { checkPattern, compilePatterns } from '../match/compile';
import { isPlainHttpUrl } from '../links';
import { codeownersProblems, quoteValue } from './codeownersValues';
import {
  Component,
  isGitHubLogin,
  OwnersDiagnostic,
  OwnersModel,
  Span,
  teamMembers,
} from './model';
import type { ParsedOwners } from './parse';
import { UNREADABLE_CODES } from './diagnosticCodes';
import { singleCodeownerProblems } from './singleCodeowner';
import { checkOutcomeValues } from '../outcomes/validateOutcomes';

const DATE = /^\d{4}-(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])$/;

/**
 * Every problem of OWNERS.yaml (docs/owners-yaml.md), sorted by position: the parser's structural
 * problems plus references, logins, patterns, links and dates. With the repository's file list
 * it also finds patterns that match no file and patterns that can never win.
 */
export function validateOwners(
  parsed: ParsedOwners,
  repoFiles?: readonly string[],
): OwnersDiagnostic[] {
  const out = [...parsed.diagnostics];
  const report = (
    severity: OwnersDiagnostic['severity'],
    code: string,
    message: string,
    span: Span,
  ) => out.push({ severity, code, message, span });
  const { model } = parsed;
  const hasErrors = out.some(d => d.severity === 'error' && UNREADABLE_CODES.has(d.code));
  if (!hasErrors) {
    checkPeopleAndTeams(model, report);
    for (const component of model.components.values()) checkComponent(model, component, report);
    checkPatterns(model, report);
    checkMetrics(model, report, parsed);
    checkGuesses(model, report);
    out.push(...singleCodeownerProblems(model));
    out.push(
      ...codeownersProblems(model).filter(
        d =>
          !(
            d.message.startsWith('Owner of') &&
            out.some(o => o.code === 'invalid-login' && o.span === d.span)
          ),
      ),
    );
    if (repoFiles) checkAgainstRepository(model, repoFiles, report);
    checkOutcomeValues(model, report, repoFiles);
  }
  return out.sort((a, b) => a.span.offset - b.span.offset || a.code.localeCompare(b.code));
}

type Report = (
  severity: OwnersDiagnostic['severity'],
  code: string,
  message: string,
  span: Span,
) => void;

const LOGIN_RULE = 'letters, digits and single inner hyphens, up to 39 characters';

/**
 * One login the file uses (`role` says where: `member of team "web"`): an error when it is not a
 * GitHub login, an information when `people` lists anyone and not this login (case-insensitively).
 */
function checkLogin(
  model: OwnersModel,
  login: string,
  role: string,
  span: Span,
  report: Report,
): void {
  if (!isGitHubLogin(login)) {
    report(
      'error',
      'invalid-login',
      `${quoteValue(login)} (${role}) is not a valid GitHub login: ${LOGIN_RULE}.`,
      span,
    );
  } else if (model.people.size > 0 && !model.people.has(login.toLowerCase())) {
    report('info', 'unknown-person', `"${login}" (${role}) is not listed under \`people\`.`, span);
  }
}

function checkPeopleAndTeams(model: OwnersModel, report: Report): void {
  for (const person of model.people.values()) {
    if (!isGitHubLogin(person.login))
      report(
        'error',
        'invalid-login',
        `${quoteValue(person.login)} (a key of \`people\`) is not a valid GitHub login: ${LOGIN_RULE}.`,
        person.span,
      );
  }
  for (const team of model.teams.values()) {
    if (!team.lead)
      report(
        'error',
        'missing-lead',
        `Team "${team.id}" has no lead: name the person accountable for the team.`,
        team.span,
      );
    else
      checkLogin(model, team.lead, `lead of team "${team.id}"`, team.leadSpan ?? team.span, report);
    team.members.forEach((member, i) =>
      checkLogin(
        model,
        member,
        `member of team "${team.id}"`,
        team.memberSpans?.[i] ?? team.span,
        report,
      ),
    );
  }
}

function checkComponent(model: OwnersModel, c: Component, report: Report): void {
  const team = model.teams.get(c.team);
  if (c.team && !team) {
    const known = [...model.teams.keys()].slice(0, 8).join(', ');
    report(
      'error',
      'unknown-team',
      `Component "${c.id}" belongs to team "${c.team}", which is not defined under \`teams\`${known ? ` (defined: ${known})` : ''}.`,
      c.teamSpan ?? c.span,
    );
  }
  if (c.owner) {
    checkLogin(model, c.owner, `owner of component "${c.id}"`, c.ownerSpan ?? c.span, report);
    if (team && isGitHubLogin(c.owner) && !teamMembers(team).has(c.owner.toLowerCase())) {
      report(
        'warning',
        'owner-not-in-team',
        `Owner "${c.owner}" of "${c.id}" is not a member of team "${team.id}".`,
        c.ownerSpan ?? c.span,
      );
    }
  }
  c.outcomes.forEach((outcome, i) => {
    if (!model.outcomes.has(outcome))
      report(
        'error',
        'unknown-outcome',
        `Component "${c.id}" is accountable for outcome "${outcome}", which is not defined under \`outcomes\`.`,
        c.outcomeSpans?.[i] ?? c.span,
      );
  });
  c.handoffs.forEach((h, i) => {
    if (!DATE.test(h.date))
      report(
        'error',
        'invalid-date',
        `Handoff ${i + 1} of "${c.id}" has date "${h.date}"; use YYYY-MM-DD.`,
        c.handoffDateSpans?.[i] ?? c.span,
      );
    if (h.from)
      checkLogin(
        model,
        h.from,
        `\`from\` of handoff ${i + 1} of component "${c.id}"`,
        c.handoffFromSpans?.[i] ?? c.span,
        report,
      );
    if (h.to)
      checkLogin(
        model,
        h.to,
        `\`to\` of handoff ${i + 1} of component "${c.id}"`,
        c.handoffToSpans?.[i] ?? c.span,
        report,
      );
  });
  const last = c.handoffs[c.handoffs.length - 1];
  if (last && c.owner && last.to && last.to.toLowerCase() !== c.owner.toLowerCase()) {
    report(
      'warning',
      'stale-handoff',
      `The last handoff of "${c.id}" went to "${last.to}", but the owner is "${c.owner}".`,
      c.ownerSpan ?? c.span,
    );
  }
}

function checkPatterns(model: OwnersModel, report: Report): void {
  const lastIndexOf = new Map<string, number>();
  for (const p of model.patterns) lastIndexOf.set(p.pattern, p.index);
  for (const p of model.patterns) {
    const problem = checkPattern(p.pattern);
    if (problem.kind === 'invalid')
      report(
        'error',
        'invalid-pattern',
        `Pattern "${p.pattern}" is not valid CODEOWNERS syntax. ${problem.reason}`,
        p.span,
      );
    else if (lastIndexOf.get(p.pattern)! > p.index)
      report(
        'warning',
        'duplicate-pattern',
        `Pattern "${p.pattern}" appears again later in the file, so this one never wins.`,
        p.span,
      );
  }
  for (const outcome of model.outcomes.values()) {
    if (outcome.link !== undefined && !/^https?:\/\/[^\s]+$/i.test(outcome.link)) {
      report(
        'error',
        'invalid-link',
        `Outcome "${outcome.id}" links to "${outcome.link}"; only http(s) URLs are allowed.`,
        outcome.linkSpan ?? outcome.span,
      );
    } else if (outcome.link !== undefined && !isPlainHttpUrl(outcome.link)) {
      report(
        'warning',
        'unusual-link',
        `Outcome "${outcome.id}" links to "${outcome.link}", which is not a plain http(s) URL (it has a character such as ( ) [ ] ! < > ' " or a space, a user:password@, a lone %, or no host). Hovers show it percent-encoded so it stays one link; percent-encode those characters in the file.`,
        outcome.linkSpan ?? outcome.span,
      );
    }
  }
}

/** `x-guessed` entries an import or a quick fix wrote: each stays an info until a person confirms it and deletes the entry. */
function checkGuesses(model: OwnersModel, report: Report): void {
  const say = (what: string, g: { field: string; reason: string; span: Span }, value: string) =>
    report(
      'info',
      'guessed',
      `The ${g.field} of ${what} ("${value}") was guessed${g.reason ? `: ${g.reason}` : ''}. Confirm or change it, then delete this \`x-guessed\` entry.`,
      g.span,
    );
  for (const t of model.teams.values())
    for (const g of t.guessed ?? []) say(`team "${t.id}"`, g, g.field === 'lead' ? t.lead : '?');
  for (const c of model.components.values())
    for (const g of c.guessed ?? [])
      say(
        `component "${c.id}"`,
        g,
        g.field === 'owner' ? c.owner : g.field === 'team' ? c.team : '?',
      );
}

function checkMetrics(model: OwnersModel, report: Report, parsed: ParsedOwners): void {
  const m = model.metrics;
  // Each problem at the key of the setting (the `metrics` key when the setting is a default).
  const at = (key: string) =>
    model.metricsSpans?.[key] ?? model.metricsSpans?.metrics ?? metricsSpan(parsed);
  for (const key of [
    'leadShareThreshold',
    'watchThreshold',
    'bottleneckThreshold',
    'leadOwnershipThreshold',
  ] as const) {
    if (m[key] < 0 || m[key] > 1)
      report(
        'error',
        'invalid-metric',
        `\`metrics.${key}\` is ${m[key]}; it is a share from 0 to 1.`,
        at(key),
      );
  }
  if (m.watchThreshold > m.leadShareThreshold)
    report(
      'warning',
      'invalid-metric',
      '`metrics.watchThreshold` is above `leadShareThreshold`, so no team can be flagged `watch`.',
      at('watchThreshold'),
    );
  if (!(m.windowDays >= 1) || !Number.isInteger(m.windowDays))
    report(
      'error',
      'invalid-metric',
      '`metrics.windowDays` must be a whole number of days, at least 1.',
      at('windowDays'),
    );
  if (!(m.inactiveDays >= 1) || !Number.isInteger(m.inactiveDays))
    report(
      'error',
      'invalid-metric',
      '`metrics.inactiveDays` must be a whole number of days, at least 1.',
      at('inactiveDays'),
    );
  if (!(m.minPullRequests >= 0) || !Number.isInteger(m.minPullRequests))
    report(
      'error',
      'invalid-metric',
      '`metrics.minPullRequests` must be a whole number, at least 0.',
      at('minPullRequests'),
    );
}

function metricsSpan(parsed: ParsedOwners): Span {
  const offset = Math.max(0, parsed.text.search(/^metrics\s*:/m));
  const before = parsed.text.slice(0, offset);
  const line = before.split('\n').length;
  return { offset, end: offset + 7, line, column: 1, endLine: line, endColumn: 8 };
}

/** Patterns matching no file, and patterns every one of whose files a later pattern wins. */
function checkAgainstRepository(
  model: OwnersModel,
  files: readonly string[],
  report: Report,
): void {
  const matcher = compilePatterns(model.patterns.map(p => p.pattern));
  const matched = new Uint32Array(model.patterns.length);
  const won = new Uint32Array(model.patterns.length);
  const shadowedBy = new Int32Array(model.patterns.length).fill(-1);
  for (const file of files) {
    const all = matcher.allMatches(file);
    if (all.length === 0) continue;
    const winner = all[all.length - 1];
    won[winner]++;
    for (const i of all) {
      matched[i]++;
      if (i !== winner && shadowedBy[i] < 0) shadowedBy[i] = winner;
    }
  }
  for (const p of model.patterns) {
    if (checkPattern(p.pattern).kind === 'invalid') continue;
    if (matched[p.index] === 0) {
      report(
        'warning',
        'pattern-matches-nothing',
        `Pattern "${p.pattern}" matches no file in the repository.`,
        p.span,
      );
    } else if (won[p.index] === 0) {
      const later = model.patterns[shadowedBy[p.index]];
      const by = later
        ? ` "${later.pattern}"${later.component ? ` (${later.component})` : ' (unowned)'}`
        : '';
      report(
        'warning',
        'pattern-shadowed',
        `Pattern "${p.pattern}" can never win: all ${matched[p.index]} files it matches are claimed by later patterns, e.g.${by}.`,
        p.span,
      );
    }
  }
}
