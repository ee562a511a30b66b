import * as assert from 'assert';
import { componentAuthors } from '../../src/core/metrics/componentAuthors';
import { parseOwners } from '../../src/core/owners/parse';
import { createOwnershipIndex } from '../../src/core/owners/resolve';

const owners = `version: 1
teams: {web: {lead: alice, members: [bob]}}
components:
  api: {team: web, owner: bob, paths: [/api/]}
  ui: {team: web, owner: bob, paths: [/ui/]}
metrics: {ignoreAuthors: [release-robot]}
`;

describe('componentAuthors', () => {
  it('counts lines and pull requests per component, leaving out bots, ignored authors, lock files and other windows', () => {
    const index = createOwnershipIndex(parseOwners(owners).model);
    const pr = (number: number, author: string, mergedAt: string, files: [string, number, number][], authorIsBot = false) =>
      ({ number, author, authorIsBot, mergedAt, reviews: [], files: files.map(([path, additions, deletions]) => ({ path, additions, deletions })) });
    const result = componentAuthors(index, [
      pr(1, 'bob', '2026-03-01T10:00:00Z', [['api/a.ts', 10, 5], ['api/b.ts', 1, 0], ['ui/x.tsx', 4, 0]]),
      pr(2, 'Alice', '2026-03-02T10:00:00Z', [['api/a.ts', 100, 0], ['api/package-lock.json', 9000, 0]]),
      pr(3, 'alice', '2026-03-03T10:00:00Z', [['api/c.ts', 1, 1]]),
      pr(4, 'dependabot[bot]', '2026-03-03T10:00:00Z', [['api/a.ts', 50, 50]]),
      pr(5, 'renovate', '2026-03-03T10:00:00Z', [['api/a.ts', 50, 50]], true),
      pr(6, 'release-robot', '2026-03-03T10:00:00Z', [['api/a.ts', 50, 50]]),
      pr(7, 'bob', '2025-12-31T23:59:59Z', [['api/a.ts', 70, 0]]),
      pr(8, 'carol', '2026-03-04T10:00:00Z', [['README.md', 70, 0]]),
    ], { since: '2026-01-01', until: '2026-04-01' });
    assert.deepStrictEqual(Object.fromEntries(result), {
      api: [{ login: 'Alice', lines: 102, pullRequests: 2 }, { login: 'bob', lines: 16, pullRequests: 1 }],
      ui: [{ login: 'bob', lines: 4, pullRequests: 1 }],
    });
  });
});
