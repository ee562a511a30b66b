import { noReplyLogin } from '../core/history/identity';
import { assignBranches, firstParentLine, readGraph, resolveRef } from '../node/git/changeLog';
import { CliArgs, CliIO, stringOption, UsageError } from './io';
import { loadOwners, requireReadable } from './loadOwners';
import { ownersLookupFromRoot } from './reportFromGit';

/**
 * `people --from git`: the `people:` entries the history can suggest, so that commit authors map to
 * logins: each login of OWNERS.yaml with the addresses of the commits on branches merged as
 * `Merge pull request #N from LOGIN/…` and its GitHub no-reply addresses.
 */
export async function run(args: CliArgs, io: CliIO): Promise<number> {
  if (stringOption(args, 'from') !== 'git')
    throw new UsageError('people needs --from git (the history is where the addresses are)');
  const loaded = loadOwners(args, ownersLookupFromRoot(args, io));
  requireReadable(loaded, io, 'suggestions');
  const { root } = loaded;
  const model = loaded.parsed.model;
  // Every login OWNERS.yaml names, spelled as first written.
  const logins = new Map<string, string>();
  const add = (l: string) => {
    if (l && !logins.has(l.toLowerCase())) logins.set(l.toLowerCase(), l);
  };
  for (const p of model.people.values()) add(p.login);
  for (const t of model.teams.values()) {
    add(t.lead);
    t.members.forEach(add);
  }
  for (const c of model.components.values()) add(c.owner);

  let suggestions: Map<string, Set<string>>;
  try {
    const tip = await resolveRef(root, stringOption(args, 'branch') ?? 'HEAD');
    const [line, graph] = await Promise.all([
      firstParentLine(root, tip),
      readGraph(root, [tip], []),
    ]);
    suggestions = new Map();
    const suggest = (login: string, email: string) => {
      const key = login.toLowerCase();
      const e = email.trim().toLowerCase();
      if (!logins.has(key) || !e) return;
      let set = suggestions.get(key);
      if (!set) suggestions.set(key, (set = new Set()));
      set.add(e);
    };
    assignBranches(line, graph, (merge, members) => {
      const from = /^Merge pull request #\d+ from ([^/\s]+)\//.exec(
        graph.get(merge.hash)?.subject ?? '',
      )?.[1];
      if (from) for (const h of members) suggest(from, graph.get(h)!.author.email);
    });
    for (const g of graph.values()) {
      const login = noReplyLogin(g.author.email);
      if (login) suggest(login, g.author.email);
    }
  } catch (e) {
    io.err(`ownership-lens: ${(e as Error).message}\n`);
    return 1;
  }
  const entries = [...logins]
    .filter(([key]) => suggestions.has(key))
    .map(([key, login]) => ({ login, emails: [...suggestions.get(key)!].sort() }));
  if (args.options.has('json')) {
    io.out(`${JSON.stringify(entries, null, 2)}\n`);
  } else if (entries.length === 0) {
    io.out('# no address in the history could be tied to a login of OWNERS.yaml\n');
  } else {
    const quote = (s: string) => JSON.stringify(s);
    const key = (s: string) => (/^[A-Za-z0-9][A-Za-z0-9_-]*$/.test(s) ? s : quote(s));
    io.out(
      [
        'people:',
        ...entries.flatMap(e => [
          `  ${key(e.login)}:`,
          `    emails: [${e.emails.map(quote).join(', ')}]`,
        ]),
        '',
      ].join('\n'),
    );
  }
  return 0;
}
