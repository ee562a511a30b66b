// Derives the demo's pull-request data (demo/pull-requests.json, committed) from the real two-year
// history of kubernetes-sigs/cluster-api in test/fixtures/history: the real PR sizes, bots, merge
// cadence and huge PRs of the last 12 months, mapped onto the demo workspace's components, with
// authors following a story per team (see TEAMS): Payments' output grows while its lead's share falls
// (and she still owns one of its two components), Storefront's lead is absent, Platform's lead does
// the work, approves almost every change alone (a bottleneck) and owns Deployment. Dates are stored as days before the newest PR so
// the demo always shows "the last months" whenever it runs.
// Usage: node out/scripts/demo/makeDemoData.js [test/fixtures/history/cluster-api.prs.tsv]
import * as fs from 'fs';
import * as path from 'path';

interface Team {
  id: string;
  lead: string;
  members: string[];
  /** Relative weight of the team among the pull requests, `monthsAgo` 11..0. */ share: (
    monthsAgo: number,
  ) => number;
  files: string[];
  /** Probability that the lead authors a PR, `monthsAgo` 11..0. */ leadAuthors: (
    monthsAgo: number,
  ) => number;
  /** Probability that the lead reviews someone else's PR. */ leadReviews: number;
}

const TEAMS: Team[] = [
  {
    id: 'payments',
    lead: 'alice',
    members: ['bob', 'carol'],
    share: m => 0.2 + 0.4 * (1 - m / 11), // output grows
    files: [
      'services/checkout/src/index.ts',
      'services/checkout/src/cart.ts',
      'services/checkout/src/tax.ts',
      'services/payments/src/charge.ts',
      'services/payments/src/refund.ts',
      'services/payments/src/payments.proto',
    ],
    leadAuthors: m => 0.08 + 0.84 * (m / 11),
    leadReviews: 0.75,
  }, // handing over: from doing the work to reviewing
  {
    id: 'storefront',
    lead: 'maya',
    members: ['farid', 'gus'],
    share: () => 0.35,
    files: [
      'web/storefront/src/App.tsx',
      'web/storefront/src/Cart.tsx',
      'web/storefront/src/styles.css',
      'services/search/src/query.ts',
      'services/search/src/rank.ts',
    ],
    leadAuthors: () => 0,
    leadReviews: 0,
  }, // the lead who disappeared
  {
    id: 'platform',
    lead: 'dan',
    members: ['erin'],
    share: () => 0.25,
    files: [
      'packages/shared/logger.ts',
      'packages/shared/money.ts',
      'packages/shared/http.ts',
      'deploy/helm/values.yaml',
      'deploy/helm/templates/deployment.yaml',
    ],
    leadAuthors: () => 0.62,
    leadReviews: 0.95,
  }, // still doing the work, and every change waits for him
];

function rng(seed: number) {
  let s = seed >>> 0;
  return () => {
    s = (Math.imul(s ^ (s >>> 15), 0x2c1b3c6d) + 0x9e3779b9) >>> 0;
    s ^= s >>> 13;
    return (s >>> 0) / 4294967296;
  };
}

function main() {
  const tsv =
    process.argv[2] ??
    path.resolve(__dirname, '../../../test/fixtures/history/cluster-api.prs.tsv');
  const rows = fs
    .readFileSync(tsv, 'utf8')
    .trim()
    .split('\n')
    .slice(1)
    .map(l => l.split('\t'));
  const newest = Math.max(...rows.map(r => Date.parse(r[5])));
  const DAY = 86_400_000;
  const random = rng(20261124);
  const pullRequests = [];
  for (const r of rows) {
    const daysAgo = Math.floor((newest - Date.parse(r[5])) / DAY);
    if (daysAgo >= 365) continue;
    const [number, author] = [Number(r[0]), r[1]];
    let additions = Number(r[8]) || 0,
      deletions = Number(r[9]) || 0;
    const fileCount = Math.max(1, Math.min(Number(r[10]) || 1, 4));
    const bot = author.endsWith('[bot]');
    const monthsAgo = Math.min(11, Math.floor(daysAgo / 30.5));
    const team = pickTeam(random(), monthsAgo);
    const login = bot
      ? author
      : random() < team.leadAuthors(monthsAgo)
        ? team.lead
        : team.members[Math.floor(random() * team.members.length)];
    const files: { path: string; additions: number; deletions: number }[] = [];
    if (bot || additions + deletions > 600) {
      // Dependency bumps and the real history's giant PRs land mostly in a lock file (ignored by default).
      const lockShare = bot ? 0.9 : 0.95;
      files.push({
        path: 'package-lock.json',
        additions: Math.round(additions * lockShare),
        deletions: Math.round(deletions * lockShare),
      });
      additions -= files[0].additions;
      deletions -= files[0].deletions;
    }
    const chosen = [...team.files].sort(() => random() - 0.5).slice(0, fileCount);
    chosen.forEach((p, i) => {
      const last = i === chosen.length - 1;
      const a = last ? additions : Math.floor(additions / (chosen.length - i));
      const d = last ? deletions : Math.floor(deletions / (chosen.length - i));
      additions -= a;
      deletions -= d;
      files.push({ path: p, additions: a, deletions: d });
    });
    const reviews = [];
    if (!bot) {
      const peers = [team.lead, ...team.members].filter(p => p !== login && p !== team.lead);
      if (peers.length && random() < 0.8)
        reviews.push({
          author: peers[Math.floor(random() * peers.length)],
          state: random() < 0.8 ? 'APPROVED' : 'COMMENTED',
        });
      if (login !== team.lead && random() < team.leadReviews)
        reviews.push({
          author: team.lead,
          state: random() < 0.15 ? 'CHANGES_REQUESTED' : 'APPROVED',
        });
    }
    pullRequests.push({
      number,
      author: login,
      authorType: bot ? 'Bot' : 'User',
      daysAgo,
      title: demoTitle(r[15] ?? ''),
      files,
      reviews,
    });
  }
  const out = path.resolve(__dirname, '../../../demo/pull-requests.json');
  const doc = {
    source:
      'Derived from kubernetes-sigs/cluster-api merged PRs (sizes, dates, bots) of the 12 months before 2026-08-21; authors and paths remapped by scripts/demo/makeDemoData.ts',
    repo: 'acme/shop',
    pullRequests,
  };
  fs.writeFileSync(out, JSON.stringify(doc) + '\n');
  console.log(`${pullRequests.length} pull requests -> ${path.relative(process.cwd(), out)}`);
}

function pickTeam(x: number, monthsAgo: number): Team {
  const total = TEAMS.reduce((s, t) => s + t.share(monthsAgo), 0);
  let acc = 0;
  for (const t of TEAMS) {
    acc += t.share(monthsAgo) / total;
    if (x < acc) return t;
  }
  return TEAMS[TEAMS.length - 1];
}

/** The real title without cluster-api's emoji prefix and PR number suffix. */
function demoTitle(title: string): string {
  return title
    .replace(/^(?::\w+:|[^\w\s[(]+)\s*/u, '')
    .replace(/\s*\(#\d+\)$/, '')
    .slice(0, 120);
}

main();
