import type { OrgReport, RepoResult, RepoTeamCounts } from './orgFigures';

/**
 * A shard file handed to `org-report merge`, checked field by field before anything is merged
 * or rendered: a file is only JSON someone may have edited, and a string where a count belongs
 * was concatenated into the HTML report. Only what the merge uses is kept (the repositories;
 * teams and leads are computed again from them), every count a whole number >= 0, every share a
 * finite number from 0 to 1, every text a bounded string. Throws an Error naming the field.
 */
export function checkShard(value: unknown, name: string): OrgReport {
  const fail = (where: string, what: string): never => {
    throw new Error(`${name}: ${where} ${what}`);
  };
  const obj = (v: unknown, where: string): Record<string, unknown> =>
    v !== null && typeof v === 'object' && !Array.isArray(v)
      ? (v as Record<string, unknown>)
      : fail(where, 'is not an object');
  const arr = (v: unknown, where: string, max: number): unknown[] => {
    if (!Array.isArray(v)) return fail(where, 'is not a list');
    if (v.length > max) fail(where, `has more than ${max} entries`);
    return v;
  };
  const count = (v: unknown, where: string): number =>
    typeof v === 'number' && Number.isSafeInteger(v) && v >= 0
      ? v
      : fail(where, 'is not a whole number >= 0');
  const share = (v: unknown, where: string): number =>
    typeof v === 'number' && Number.isFinite(v) && v >= 0 && v <= 1
      ? v
      : fail(where, 'is not a number from 0 to 1');
  const text = (v: unknown, where: string, max = 500): string =>
    typeof v === 'string' && v.length <= max
      ? v
      : fail(where, `is not a text of at most ${max} characters`);
  const matching = (v: unknown, where: string, re: RegExp, what: string): string =>
    typeof v === 'string' && re.test(v) ? v : fail(where, `is not ${what}`);
  const DAY = /^\d{4}-\d{2}-\d{2}$/;

  const r = obj(value, 'the file');
  if (r.kind !== 'ownership-lens/org-report' || r.version !== 1)
    throw new Error(`${name}: not an org-report JSON file (version 1)`);
  const org = matching(r.org, 'org', /^[A-Za-z0-9_.-]{1,100}$/, 'an organisation login');
  const w = obj(r.window, 'window');
  const window = {
    since: matching(w.since, 'window.since', DAY, 'a YYYY-MM-DD date'),
    until: matching(w.until, 'window.until', DAY, 'a YYYY-MM-DD date'),
  };
  let shard: OrgReport['shard'] = null;
  if (r.shard !== null) {
    const s = obj(r.shard, 'shard');
    shard = { index: count(s.index, 'shard.index'), count: count(s.count, 'shard.count') };
    if (shard.index < 1 || shard.index > shard.count)
      fail('shard', 'is not K of N with 1 <= K <= N');
  }
  const total = shard?.count ?? 1;
  const shards = arr(r.shards, 'shards', 10_000).map((s, i) => {
    const n = count(s, `shards[${i}]`);
    return n >= 1 && n <= total ? n : fail(`shards[${i}]`, `is not a shard from 1 to ${total}`);
  });
  const repositories = arr(r.repositories, 'repositories', 1_000_000).map((x, i): RepoResult => {
    const at = `repositories[${i}]`;
    const repo = obj(x, at);
    const t = obj(repo.thresholds, `${at}.thresholds`);
    return {
      repo: matching(
        repo.repo,
        `${at}.repo`,
        /^[A-Za-z0-9][A-Za-z0-9-]{0,38}\/[A-Za-z0-9_.-]{1,100}$/,
        'OWNER/NAME',
      ),
      ownersPath: text(repo.ownersPath, `${at}.ownersPath`),
      pullRequests: count(repo.pullRequests, `${at}.pullRequests`),
      apiRequests: count(repo.apiRequests, `${at}.apiRequests`),
      cache: text(repo.cache, `${at}.cache`),
      thresholds: {
        minPullRequests: count(t.minPullRequests, `${at}.thresholds.minPullRequests`),
        leadShareThreshold: share(t.leadShareThreshold, `${at}.thresholds.leadShareThreshold`),
        watchThreshold: share(t.watchThreshold, `${at}.thresholds.watchThreshold`),
      },
      teams: arr(repo.teams, `${at}.teams`, 100_000).map((y, j): RepoTeamCounts => {
        const tat = `${at}.teams[${j}]`;
        const team = obj(y, tat);
        const counts = {
          team: text(team.team, `${tat}.team`, 200),
          lead: text(team.lead, `${tat}.lead`, 100),
          pullRequests: count(team.pullRequests, `${tat}.pullRequests`),
          lines: count(team.lines, `${tat}.lines`),
          leadPullRequests: count(team.leadPullRequests, `${tat}.leadPullRequests`),
          leadLines: count(team.leadLines, `${tat}.leadLines`),
          othersPullRequests: count(team.othersPullRequests, `${tat}.othersPullRequests`),
          othersReviewedByLead: count(team.othersReviewedByLead, `${tat}.othersReviewedByLead`),
          authors: arr(team.authors, `${tat}.authors`, 100_000).map((z, k) => {
            const a = obj(z, `${tat}.authors[${k}]`);
            return {
              login: text(a.login, `${tat}.authors[${k}].login`, 100),
              pullRequests: count(a.pullRequests, `${tat}.authors[${k}].pullRequests`),
              lines: count(a.lines, `${tat}.authors[${k}].lines`),
            };
          }),
        };
        if (
          counts.leadLines > counts.lines ||
          counts.leadPullRequests > counts.pullRequests ||
          counts.othersReviewedByLead > counts.othersPullRequests
        ) {
          fail(tat, "has the lead's counts above the team's");
        }
        return counts;
      }),
    };
  });
  return {
    kind: 'ownership-lens/org-report',
    version: 1,
    org,
    window,
    shard,
    shards,
    generatedAt: text(r.generatedAt, 'generatedAt', 40),
    apiRequests: count(r.apiRequests, 'apiRequests'),
    pullRequests: count(r.pullRequests, 'pullRequests'),
    repositories,
    // Computed again from the repositories by the merge; never read from the file.
    teams: [],
    leads: [],
  };
}
