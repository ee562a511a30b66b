import * as assert from 'assert';
import { teamsAcrossRepositories } from '../../../../src/core/metrics/acrossRepositories';
import { parseGitattributes } from '../../../../src/core/metrics/gitattributes';
import type { PullRequestRecord } from '../../../../src/core/metrics/types';
import { parseOwners } from '../../../../src/core/owners/parse';
import { createOwnershipIndex } from '../../../../src/core/owners/resolve';
import type { FakeDataset } from '../../../fake-github/dataset';
import { expectedTeam, orgRepositories, paymentsOwns } from '../../../fixtures/orgData';

const WINDOW = { since: '2026-06-01', until: '2026-07-01' };

/** A dataset as the client reduces it (merged only), with the OWNERS.yaml and .gitattributes it serves. */
function part(d: FakeDataset) {
  const owners = Object.entries(d.files ?? {}).find(([p]) => p.endsWith('OWNERS.yaml'))![1];
  const pullRequests: PullRequestRecord[] = d.pullRequests
    .filter(p => p.mergedAt)
    .map(p => ({
      number: p.number,
      author: p.author ?? 'ghost',
      authorIsBot: p.authorType === 'Bot',
      mergedAt: p.mergedAt!,
      files: p.files,
      reviews: p.reviews.map(r => ({ author: r.author ?? 'ghost', state: r.state })),
    }));
  return {
    name: d.repo,
    index: createOwnershipIndex(parseOwners(owners).model),
    generated: parseGitattributes(d.files?.['.gitattributes'] ?? ''),
    pullRequests,
  };
}

describe('teams across repositories (core)', () => {
  const repos = orgRepositories().filter(d =>
    ['acme/shop', 'acme/web', 'acme/infra'].includes(d.repo),
  );
  const across = teamsAcrossRepositories(repos.map(part), WINDOW);

  it('sums a team over the union of the pull requests, as counted independently', () => {
    const payments = across.report.teams.find(t => t.team === 'payments')!;
    const want = expectedTeam(repos, paymentsOwns, 'alice');
    assert.deepStrictEqual(
      [
        payments.pullRequests,
        payments.lines,
        payments.leadLines,
        payments.leadPullRequests,
        payments.leadShare,
        payments.leadReviewedShare,
      ],
      [
        want.pullRequests,
        want.lines,
        want.leadLines,
        want.leadPullRequests,
        want.leadShare,
        want.leadReviewedShare,
      ],
    );
  });

  it('breaks each team down per repository, each part that repository alone, adding up to the whole', () => {
    const rows = across.byRepository.get('payments')!;
    assert.deepStrictEqual(
      rows.map(r => r.repo),
      ['acme/shop', 'acme/web', 'acme/infra'],
    );
    for (const r of rows) {
      const alone = expectedTeam(
        repos.filter(d => d.repo === r.repo),
        paymentsOwns,
        'alice',
      );
      assert.deepStrictEqual(
        [r.figures.pullRequests, r.figures.lines, r.figures.leadLines],
        [alone.pullRequests, alone.lines, alone.leadLines],
        r.repo,
      );
    }
    const whole = across.report.teams.find(t => t.team === 'payments')!;
    assert.strictEqual(
      rows.reduce((n, r) => n + r.figures.lines, 0),
      whole.lines,
    );
    // The whole's share is the sums' ratio, not the mean of the parts' shares.
    const mean = rows.reduce((n, r) => n + r.figures.leadShare, 0) / rows.length;
    assert.notStrictEqual(whole.leadShare, mean);
  });

  it('names a team once with the lead of the first repository, and warns when another disagrees', () => {
    const warnings: string[] = [];
    const [shop, web] = repos.map(part);
    const otherLead = {
      ...web,
      index: createOwnershipIndex(
        parseOwners(
          'version: 1\nteams:\n  payments: { lead: zed, members: [carol] }\ncomponents:\n  checkout: { team: payments, owner: carol, paths: [/services/checkout/] }\n',
        ).model,
      ),
    };
    const r = teamsAcrossRepositories([shop, otherLead], WINDOW, line => warnings.push(line));
    assert.strictEqual(r.report.teams.filter(t => t.team === 'payments').length, 1);
    assert.strictEqual(r.report.teams.find(t => t.team === 'payments')!.lead, 'alice');
    assert.ok(
      warnings.some(w =>
        /team payments has lead alice in one repository and zed in acme\/web/.test(w),
      ),
      warnings.join('\n'),
    );
  });
});
