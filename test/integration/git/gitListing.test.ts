import * as assert from 'assert';
import { execFileSync, spawnSync } from 'child_process';
import * as fs from 'fs';
import * as path from 'path';
import * as vscode from 'vscode';
import { api, EXTENSION_ID, folderUri, waitFor } from '../helpers';

interface CliDiagnostic {
  code: string;
  message: string;
  line: number;
  column: number;
}

/** What the CLI says, run as a user would: `node dist/cli.js ...` in the repository. */
function cli(input: string | undefined, ...args: string[]): string {
  const ext = vscode.extensions.getExtension(EXTENSION_ID)!;
  const r = spawnSync(process.execPath, [path.join(ext.extensionPath, 'dist/cli.js'), ...args], {
    cwd: folderUri().fsPath,
    input,
    encoding: 'utf8',
    env: { ...process.env, ELECTRON_RUN_AS_NODE: '1' },
  });
  assert.ok(
    r.status === 0 || r.status === 1,
    `cli ${args.join(' ')}: exit ${r.status} ${r.stderr}`,
  );
  return r.stdout;
}

const gitListing = () =>
  execFileSync('git', ['ls-files', '-z', '-co', '--exclude-standard'], {
    cwd: folderUri().fsPath,
    encoding: 'utf8',
  })
    .split('\0')
    .filter(f => f && !f.endsWith('/') && fs.existsSync(path.join(folderUri().fsPath, f)));

/** The CLI's coverage: `who -` over git's own listing, counted. */
function cliCoverage(): { total: number; owned: number } {
  const rows = JSON.parse(cli(gitListing().join('\n'), 'who', '-')) as {
    component: string | null;
  }[];
  return { total: rows.length, owned: rows.filter(r => r.component !== null).length };
}

const cliDeadPatterns = () =>
  (JSON.parse(cli(undefined, 'validate', '--json')) as CliDiagnostic[])
    .filter(d => d.code === 'pattern-matches-nothing')
    .map(d => `${d.line}:${d.column} ${d.message}`);

const editorDeadPatterns = (uri: vscode.Uri) =>
  vscode.languages
    .getDiagnostics(uri)
    .filter(d => d.code === 'pattern-matches-nothing')
    .map(d => `${d.range.start.line + 1}:${d.range.start.character + 1} ${d.message}`);

/** A repository with build/, .venv/, rust/target/ and an info/exclude folder ignored (test/fixtures/gitRepo.ts). */
describe('the editor sees the repository as git does', () => {
  it("lists exactly git's tracked and untracked-but-not-ignored files", async () => {
    const a = await api();
    const state = a.ctx.store.states()[0];
    assert.strictEqual(state.files.source, 'git');
    assert.deepStrictEqual([...state.files.all()].sort(), gitListing().sort());
    assert.ok(
      !state.files.has('build/out.js') &&
        !state.files.has('.venv/lib/site.py') &&
        !state.files.has('rust/target/debug/app'),
    );
  });

  it('reports the same coverage and the same "matches nothing" patterns as the CLI', async () => {
    const a = await api();
    const state = a.ctx.store.states()[0];
    const coverage = state.coverage();
    assert.deepStrictEqual(
      { total: coverage.totalFiles, owned: coverage.ownedFiles },
      cliCoverage(),
    );
    const dead = await waitFor('diagnostics', () => {
      const d = editorDeadPatterns(state.ownersUri);
      return d.length > 0 && d;
    });
    assert.deepStrictEqual(dead, cliDeadPatterns());
    assert.deepStrictEqual(
      dead.map(d => d.replace(/^\S+ /, '')),
      ['Pattern "/build/" matches no file in the repository.'],
    );
  });

  it('keeps the list current: new ignored files stay out, others come in, a .gitignore edit lists again', async () => {
    const a = await api();
    const state = a.ctx.store.states()[0];
    const root = folderUri().fsPath;
    fs.writeFileSync(path.join(root, 'build/late.js'), '');
    fs.mkdirSync(path.join(root, '.venv/bin'), { recursive: true });
    fs.writeFileSync(path.join(root, '.venv/bin/python'), '');
    fs.writeFileSync(path.join(root, 'src/late.ts'), '');
    await waitFor('src/late.ts listed', () => state.files.has('src/late.ts'), 10000);
    assert.ok(!state.files.has('build/late.js') && !state.files.has('.venv/bin/python'));
    assert.deepStrictEqual([...state.files.all()].sort(), gitListing().sort());

    fs.appendFileSync(path.join(root, '.gitignore'), 'docs/\n');
    await waitFor('docs/ ignored', () => !state.files.has('docs/untracked.md'), 10000);
    assert.deepStrictEqual([...state.files.all()].sort(), gitListing().sort());
    const coverage = state.coverage();
    assert.deepStrictEqual(
      { total: coverage.totalFiles, owned: coverage.ownedFiles },
      cliCoverage(),
    );
    const expected = cliDeadPatterns();
    assert.strictEqual(expected.length, 2, expected.join('\n'));
    await waitFor(
      'the editor agrees on /docs/',
      () => JSON.stringify(editorDeadPatterns(state.ownersUri)) === JSON.stringify(expected),
      10000,
    );
  });
});
