import * as assert from 'assert';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { execFileSync } from 'child_process';
import { clusterApiPullRequests, writeHistoryRepository } from '../../oracles/historyRepository';
import { CliIO, parseArgs } from '../../../src/cli/io';
import { run } from '../../../src/cli/report';
import type { TeamFigures } from '../../../src/core/metrics/types';
import { FakeGitHub, startFakeGitHub } from '../../fake-github/server';
import { CLUSTER_API_REVIEWERS, historyDir, loadHistory } from '../../fixtures/history/convert';
import { REPO_ROOT as ROOT } from '../../repoRoot';

/*
 * The same real history (two years of cluster-api) read twice: as pull requests from the fake GitHub
 * over HTTP, and as a git repository whose first-parent line holds the same pull requests (GitHub
 * merge commits of one branch commit each, and squash commits ending in "(#N)"), read by --from git.
 * Per team, every figure agrees except those the history cannot hold, each named below.
 */

const DIR = historyDir(ROOT);
const TOKEN = 'ghp_gitversusgithub00000000000000000000000000';
const REPO = 'kubernetes-sigs/cluster-api';
const SINCE = '2024-08-01';
const UNTIL = '2026-09-01';

function ownersYaml(): string {
  const base = fs.readFileSync(
    path.join(ROOT, 'test/fixtures/history/cluster-api.OWNERS.yaml'),
    'utf8',
  );
  return base.replace(
    /^metrics:\n[\s\S]*$/m,
    'metrics:\n  minPullRequests: 5\n  ignorePaths: ["**/zz_generated.*", "go.sum"]\n',
  );
}

(DIR ? describe : describe.skip)(
  'the git source and the GitHub source agree on a history merged through GitHub',
  function () {
    this.timeout(300_000);
    let gh: FakeGitHub;
    let repo: string;
    let fromGitHub: { repo: string; source: string; pullRequests: number; teams: TeamFigures[] };
    let fromGit: typeof fromGitHub;

    async function report(...argv: string[]) {
      let out = '';
      let err = '';
      const io: CliIO = {
        out: s => {
          out += s;
        },
        err: s => {
          err += s;
        },
        env: { GITHUB_TOKEN: TOKEN, XDG_CACHE_HOME: path.join(repo, '.cache-home') },
        cwd: repo,
      };
      const code = await run(
        parseArgs(['report', '--since', SINCE, '--until', UNTIL, '--json', '--no-cache', ...argv]),
        io,
      );
      assert.strictEqual(code, 0, err);
      return JSON.parse(out);
    }

    before(async () => {
      const history = loadHistory(DIR!, 'cluster-api', CLUSTER_API_REVIEWERS);
      gh = await startFakeGitHub({
        token: TOKEN,
        data: {
          repo: REPO,
          pullRequests: history.map(p => ({
            number: p.number,
            author: p.author,
            authorType: p.authorType,
            state: 'MERGED' as const,
            updatedAt: p.updatedAt,
            mergedAt: p.mergedAt,
            files: p.files,
            reviews: p.reviews,
            title: p.title,
            commits: p.commits,
          })),
        },
      });
      repo = fs.mkdtempSync(path.join(os.tmpdir(), 'ol-agree-'));
      await writeHistoryRepository(repo, clusterApiPullRequests(DIR!));
      execFileSync('git', ['remote', 'add', 'origin', `https://github.com/${REPO}.git`], {
        cwd: repo,
      });
      fs.writeFileSync(path.join(repo, 'OWNERS.yaml'), ownersYaml());
      fromGitHub = await report('--repo', REPO, '--api-url', gh.url);
      fromGit = await report('--from', 'git');
    });
    after(async () => {
      await gh?.close();
      if (repo) fs.rmSync(repo, { recursive: true, force: true });
    });

    it('counts the same changes, for the same repository', () => {
      assert.strictEqual(fromGitHub.source, 'github');
      assert.strictEqual(fromGit.source, 'git');
      assert.strictEqual(fromGit.repo, REPO);
      assert.ok(fromGitHub.pullRequests > 1000);
      assert.strictEqual(fromGit.pullRequests, fromGitHub.pullRequests);
    });

    it('agrees per team on lines, authors, components, months, exclusions and evidence', () => {
      assert.deepStrictEqual(
        fromGit.teams.map(t => t.team),
        fromGitHub.teams.map(t => t.team),
      );
      for (const [i, hub] of fromGitHub.teams.entries()) {
        const git = fromGit.teams[i];
        for (const key of [
          'pullRequests',
          'lines',
          'leadPullRequests',
          'leadLines',
          'leadShare',
          'leadPullRequestShare',
          'authors',
          'leadOwnedComponents',
          'components',
          'months',
          'excluded',
        ] as const) {
          assert.deepStrictEqual(git[key], hub[key], `${hub.team}: ${key}`);
        }
        // Components: their figures agree; of ownership in practice, the owner's changes agree, reviews are
        // unknown in git (so no nominal-owner), and knowledge and backup come from git only.
        const section5 = (c: TeamFigures['componentFigures'][number]) => [
          c.component,
          c.owner,
          c.pullRequests,
          c.lines,
          c.ownerLines,
          c.leadLines,
          c.authors,
          c.delegateTo,
          c.ownerPullRequests,
        ];
        assert.deepStrictEqual(
          git.componentFigures.map(section5),
          hub.componentFigures.map(section5),
          `${hub.team}: componentFigures`,
        );
        for (const [j, c] of git.componentFigures.entries()) {
          assert.strictEqual(c.ownerReviews, null);
          assert.ok(!c.signals.includes('nominal-owner'));
          assert.strictEqual(hub.componentFigures[j].knowledge, null);
          assert.strictEqual(hub.componentFigures[j].backup, null);
          assert.ok(c.knowledge !== null, `${c.component}: knowledge from git`);
        }
        // The evidence: the same pull requests, numbers, links, authors and lines. Titles differ for
        // squashes only (git's subject keeps " (#N)"), and git adds the commit.
        assert.deepStrictEqual(
          git.topPullRequests.map(p => [p.number, p.url, p.author, p.lines]),
          hub.topPullRequests.map(p => [p.number, p.url, p.author, p.lines]),
        );
        for (const [j, p] of git.topPullRequests.entries()) {
          assert.ok(
            p.title === hub.topPullRequests[j].title ||
              p.title === `${hub.topPullRequests[j].title} (#${p.number})`,
            p.title,
          );
          assert.match(p.commit!, /^[0-9a-f]{40}$/);
        }
      }
    });

    it('differs only where git cannot know: reviews (no trailers here) and a lead with no commit', () => {
      for (const [i, hub] of fromGitHub.teams.entries()) {
        const git = fromGit.teams[i];
        // Reviews live on GitHub, not in this history: unknown, never zero.
        assert.strictEqual(git.leadReviewedShare, null);
        assert.strictEqual(git.leadSoleApprovalShare, null);
        assert.strictEqual(typeof hub.leadReviewedShare, 'number');
        // kubeadm's titular lead (neolit123) has no commit at all: GitHub may call them absent, git says it cannot tell.
        const unmapped = hub.lead.toLowerCase() === 'neolit123';
        // lead-inactive: with reviews unknown git asks only whether the lead was credited with a recent
        // change, so it may hold where GitHub saw a review; where GitHub says inactive, so does git,
        // except for a lead no commit maps to (never called inactive).
        const expected = hub.signals.filter(
          s => s !== 'absent' && s !== 'bottleneck' && s !== 'lead-inactive',
        );
        if (unmapped) expected.push('lead-unmapped');
        expected.push('reviews-unknown');
        assert.deepStrictEqual(
          git.signals.filter(s => s !== 'lead-inactive'),
          expected,
          hub.team,
        );
        if (unmapped) assert.ok(!git.signals.includes('lead-inactive'), hub.team);
        else if (hub.signals.includes('lead-inactive'))
          assert.ok(git.signals.includes('lead-inactive'), hub.team);
        if (hub.flag !== 'absent') assert.strictEqual(git.flag, hub.flag, hub.team);
      }
      assert.ok(
        fromGit.teams.some(t => t.signals.includes('lead-unmapped')),
        'the kubeadm team shows the unmapped lead',
      );
    });
  },
);
