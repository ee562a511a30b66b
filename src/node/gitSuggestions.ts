import { runGit } from './git/safeGit';
import { compilePatterns } from '../core/match/compile';
import { ImportDraft } from '../core/ownersImport/draft';
import { ownerKind } from '../core/owners/codeownersFile';

/** A GitHub login from a commit e-mail: only GitHub's no-reply addresses say it for sure. */
export function loginFromEmail(email: string): string | undefined {
  return /^(?:\d+\+)?([A-Za-z0-9-]+)@users\.noreply\.github\.com$/i.exec(email)?.[1];
}

/**
 * `--suggest-from-git`: for rules that name no individual and teams without a lead, the person
 * with the most commits to those paths in the last year, as a guess (`x-guessed` says so). Only
 * authors whose login is certain (GitHub no-reply e-mail, or an e-mail under `people`) are used.
 */
export async function suggestFromGit(
  draft: ImportDraft,
  root: string,
  log: (s: string) => void,
): Promise<void> {
  let out: string;
  try {
    // Through safeGit: log.showSignature, gpg.program and diff drivers of the repository are overridden.
    const result = await runGit(root, [
      'log',
      '--since=1.year',
      '--no-merges',
      '--no-show-signature',
      '--no-ext-diff',
      '--no-textconv',
      '--format=%x00%ae',
      '--name-only',
      '-n',
      '5000',
    ]);
    if (result.code !== 0) throw new Error(result.stderr);
    out = result.stdout.toString('utf8');
  } catch {
    log('warning: --suggest-from-git: no git history here; nothing suggested.\n');
    return;
  }
  const byEmail = new Map(
    draft.people.flatMap(p => p.emails.map(e => [e.toLowerCase(), p.login] as const)),
  );
  const matcher = compilePatterns(draft.rules.map(r => r.pattern));
  const perRule = draft.rules.map(() => new Map<string, number>());
  let unknownAuthors = 0;
  for (const commit of out.split('\0').slice(1)) {
    const [email, ...files] = commit.split('\n').filter(Boolean);
    const login = loginFromEmail(email) ?? byEmail.get(email.toLowerCase());
    if (!login) {
      unknownAuthors++;
      continue;
    }
    const rules = new Set(files.map(f => matcher.winner(f)).filter(i => i >= 0));
    for (const i of rules) perRule[i].set(login, (perRule[i].get(login) ?? 0) + 1);
  }
  const top = (counts: Map<string, number>) =>
    [...counts].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]))[0];
  const teamCounts = new Map<string, Map<string, number>>();
  draft.rules.forEach((rule, i) => {
    for (const [login, n] of perRule[i]) {
      const team = rule.team ?? rule.owners.find(o => ownerKind(o) === 'team')?.toLowerCase();
      if (team)
        teamCounts.set(
          team,
          (teamCounts.get(team) ?? new Map()).set(
            login,
            (teamCounts.get(team)?.get(login) ?? 0) + n,
          ),
        );
    }
    const hasPerson = rule.owner || rule.owners.some(o => ownerKind(o) === 'user');
    const best = top(perRule[i]);
    if (!hasPerson && best)
      rule.owner = {
        login: best[0],
        guessed: `most commits to ${rule.pattern} in the last year (${best[1]}, git history)`,
      };
  });
  for (const team of draft.teams) {
    const best = teamCounts.get(team.id) ? top(teamCounts.get(team.id)!) : undefined;
    if (!team.lead && best)
      team.lead = {
        login: best[0],
        guessed: `most commits to the team's paths in the last year (${best[1]}, git history)`,
      };
  }
  draft.suggestedLeads = new Map(
    [...teamCounts]
      .filter(([t]) => t.startsWith('@'))
      .map(([t, counts]) => {
        const [login, n] = top(counts);
        return [
          t,
          {
            login,
            guessed: `most commits to the team's paths in the last year (${n}, git history)`,
          },
        ];
      }),
  );
  if (unknownAuthors > 0)
    log(
      `note: --suggest-from-git: ${unknownAuthors} commit(s) by authors whose GitHub login is not known (add their e-mails under \`people\`) were not used.\n`,
    );
}
