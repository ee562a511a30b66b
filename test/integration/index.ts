/**
 * Entry point the extension host calls (extensionTestsPath): runs the mocha suites of one fixture
 * workspace, chosen by OWNERSHIP_LENS_SUITE (acme, multi, bench), inside the real VS Code.
 */
import * as fs from 'fs';
import * as path from 'path';
const Mocha = require('mocha');

export function run(): Promise<void> {
  const suite = process.env.OWNERSHIP_LENS_SUITE || 'acme';
  const mocha = new Mocha({ ui: 'bdd', color: false, timeout: 30000, reporter: 'spec' });
  const dir = path.join(__dirname, suite);
  for (const f of fs.readdirSync(dir).sort())
    if (f.endsWith('.test.js')) mocha.addFile(path.join(dir, f));
  return new Promise((resolve, reject) => {
    const results: { title: string; state: string; err?: string }[] = [];
    const runner = mocha.run((failures: number) => {
      const out = process.env.OWNERSHIP_LENS_TEST_RESULTS;
      if (out) fs.writeFileSync(out, JSON.stringify({ suite, failures, results }, null, 2));
      if (failures > 0) reject(new Error(`${failures} tests failed.`));
      else resolve();
    });
    runner.on('pass', (t: { fullTitle(): string }) =>
      results.push({ title: t.fullTitle(), state: 'passed' }),
    );
    runner.on('fail', (t: { fullTitle(): string }, err: unknown) =>
      results.push({ title: t.fullTitle(), state: 'failed', err: String(err) }),
    );
  });
}
