import { Component, OwnersDiagnostic, OwnersModel, Span } from './model';

// Patterns built from single character classes only (no nested quantifiers): linear to test.
const TEAM_SLUG = /^[A-Za-z0-9][A-Za-z0-9_.-]{0,99}$/;
// Older GitHub accounts have logins with a trailing or double hyphen (`@tobias-` in esphome's CODEOWNERS).
const HANDLE_LOGIN = /^[A-Za-z0-9][A-Za-z0-9-]{0,38}$/;
const EMAIL =
  /^[A-Za-z0-9.!$%&'*+/=?^_`{|}~-]{1,64}@[A-Za-z0-9-]{1,63}(?:\.[A-Za-z0-9-]{1,63}){1,8}$/;

/** A team slug as OWNERS.yaml writes it under `github`: `org/team` (GitLab's nested groups: `org/group/team`). */
export function isTeamSlug(value: string): boolean {
  const parts = value.split('/');
  return (
    parts.length >= 2 &&
    parts.length <= 20 &&
    HANDLE_LOGIN.test(parts[0]) &&
    parts.slice(1).every(p => TEAM_SLUG.test(p))
  );
}

/** What CODEOWNERS accepts as an owner: `@user`, `@org/team` or an email address. */
export function isCodeownersHandle(value: string): boolean {
  if (value.startsWith('@')) {
    const name = value.slice(1);
    return name.includes('/') ? isTeamSlug(name) : HANDLE_LOGIN.test(name);
  }
  return EMAIL.test(value);
}

/** Shows a value in a message with its newlines and control characters visible. */
export function quoteValue(value: string): string {
  return JSON.stringify(value.length > 80 ? `${value.slice(0, 80)}…` : value);
}

/** One owner written on a CODEOWNERS line, with where it comes from. */
export interface CodeownersValue {
  value: string;
  what: string;
  span: Span;
}

/** The owners `exportCodeowners` writes for a component: its `codeowners` list, or the team's slug and the owner. */
export function codeownersValuesOf(model: OwnersModel, component: Component): CodeownersValue[] {
  if (component.codeowners && component.codeowners.length > 0) {
    return component.codeowners.map((value, i) => ({
      value,
      what: `\`codeowners\` entry of "${component.id}"`,
      span: component.codeownersSpans?.[i] ?? component.span,
    }));
  }
  const team = model.teams.get(component.team);
  return [
    ...(team?.github !== undefined
      ? [
          {
            value: `@${team.github}`,
            what: `\`github\` of team "${team.id}"`,
            span: team.githubSpan ?? team.span,
          },
        ]
      : []),
    ...(component.owner
      ? [
          {
            value: `@${component.owner}`,
            what: `Owner of "${component.id}"`,
            span: component.ownerSpan ?? component.span,
          },
        ]
      : []),
  ];
}

/**
 * Every value that would reach CODEOWNERS and is not a GitHub handle (`@user`, `@org/team`,
 * email): such a value could add rules or comments to the generated file, so each is an error
 * (`invalid-codeowner`) and `codeowners` refuses to export. Team slugs are checked even when
 * no component uses them.
 */
export function codeownersProblems(model: OwnersModel): OwnersDiagnostic[] {
  const out: OwnersDiagnostic[] = [];
  const seen = new Set<Span>();
  const problem = (v: CodeownersValue, expected: string) => {
    if (seen.has(v.span)) return;
    seen.add(v.span);
    out.push({
      severity: 'error',
      code: 'invalid-codeowner',
      message: `${v.what} is ${quoteValue(v.value)}, which CODEOWNERS cannot take: use ${expected}.`,
      span: v.span,
    });
  };
  for (const team of model.teams.values()) {
    if (team.github !== undefined && !isTeamSlug(team.github))
      problem(
        {
          value: team.github,
          what: `\`github\` of team "${team.id}"`,
          span: team.githubSpan ?? team.span,
        },
        'a GitHub team slug such as acme/payments',
      );
  }
  for (const component of model.components.values()) {
    for (const v of codeownersValuesOf(model, component)) {
      if (!isCodeownersHandle(v.value))
        problem(v, 'a GitHub handle (@user or @org/team) or an email address');
    }
  }
  return out;
}
