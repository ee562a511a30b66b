import * as assert from 'assert';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { parseArgs } from '../../../src/cli/io';
import { run as runReport } from '../../../src/cli/report';
import { setClock } from '../../../src/core/clock';
import { repositoryFigures } from '../../../src/core/figures/repository';
import { reportJson } from '../../../src/core/figures/reportJson';
import { flagWindow, trendWindow } from '../../../src/core/figures/window';
import { readCache } from '../../../src/core/github/cacheStore';
import { parseGitattributes } from '../../../src/core/metrics/gitattributes';
import { parseOwners } from '../../../src/core/owners/parse';
import { createOwnershipIndex } from '../../../src/core/owners/resolve';
import { generateDataset } from '../../fake-github/generate';
import { startFakeGitHub } from '../../fake-github/server';

const at = (iso: string) => Date.parse(iso);

// The CLI (over the fake GitHub) and the editor's path (core/figures over the cache the fetch wrote) give the same figures.
describe('the CLI and the editor get the same figures', function () {
  this.timeout(60_000);
  const TOKEN = 'ghp_pipelinetoken1111111111111111111111111';
  const OWNERS =
    'version: 1\nteams:\n  payments: { lead: alice, members: [bob] }\n  search: { lead: Bob, members: [erin] }\n' +
    'components:\n  checkout: { team: payments, owner: bob, paths: [/services/checkout/] }\n  search-api: { team: search, owner: erin, paths: [/services/search/] }\n';
  afterEach(() => setClock(undefined));

  it('report --json (no window given) equals reportJson over what the editor computes from the same cache', async () => {
    const data = generateDataset({ merged: 300, closed: 5, newest: '2026-03-15T12:00:00Z' });
    const gh = await startFakeGitHub({ data, token: TOKEN });
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'ol-pipeline-'));
    try {
      fs.mkdirSync(path.join(dir, '.git'));
      fs.writeFileSync(path.join(dir, 'OWNERS.yaml'), OWNERS);
      fs.writeFileSync(
        path.join(dir, '.gitattributes'),
        'services/checkout/f1* linguist-generated\n',
      );
      setClock('2026-03-15T18:00:00Z');
      let out = '';
      const code = await runReport(
        parseArgs([
          'report',
          '--repo',
          'acme/shop',
          '--api-url',
          gh.url,
          '--cache-dir',
          path.join(dir, 'cache'),
          '--json',
        ]),
        {
          out: s => {
            out += s;
          },
          err: () => {},
          env: { GITHUB_TOKEN: TOKEN },
          cwd: dir,
        },
      );
      assert.strictEqual(code, 0);
      const cli = JSON.parse(out);
      // The editor's path: the pull requests from the cache the fetch wrote, both windows, no knowledge.
      const cached = readCache(path.join(dir, 'cache'), { repo: 'acme/shop', apiUrl: gh.url });
      assert.strictEqual(cached.kind, 'ok');
      const now = at('2026-03-15T18:00:00Z');
      const editor = repositoryFigures(
        {
          index: createOwnershipIndex(parseOwners(OWNERS).model),
          changes: cached.kind === 'ok' ? cached.data.pullRequests : [],
          generated: parseGitattributes(fs.readFileSync(path.join(dir, '.gitattributes'), 'utf8')),
          ownership: { knowledge: undefined },
        },
        { flag: flagWindow(90, now), trend: trendWindow(now) },
      );
      assert.deepStrictEqual(
        cli,
        JSON.parse(
          JSON.stringify(
            reportJson(
              { repo: 'acme/shop', source: 'github' },
              editor.report,
              new Map(),
              cli.apiRequests,
            ),
          ),
        ),
      );
      assert.deepStrictEqual(cli.window, { since: '2025-12-15', until: '2026-03-16' });
      assert.ok(
        cli.pullRequests > 100 &&
          cli.teams.some(
            (t: { excluded: { generatedLines: number } }) => t.excluded.generatedLines > 0,
          ),
        'real figures, .gitattributes applied',
      );
    } finally {
      await gh.close();
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });
});
