import * as assert from 'assert';
import Ajv from 'ajv';
import * as fs from 'fs';
import * as path from 'path';
import { parse as parseYaml } from 'yaml';
import { generateOwners } from '../../../oracles/generateOwners';
import { importCodeowners } from '../../../../src/core/owners/codeowners';
import { parseOwners } from '../../../../src/core/owners/parse';
import { validateOwners } from '../../../../src/core/owners/validate';
import { DEFAULT_METRICS } from '../../../../src/core/owners/model';
import {
  METRICS_KEY_NAMES,
  METRICS_KEYS,
  metricsSchemaProperties,
} from '../../../../src/core/owners/metricsKeys';
import { REPO_ROOT as ROOT } from '../../../repoRoot';

const schema = JSON.parse(fs.readFileSync(path.join(ROOT, 'schema/owners.schema.json'), 'utf8'));
const validate = new Ajv({ allErrors: true, strict: false }).compile(schema);

/** Every OWNERS.yaml the project has: fixtures, workspaces, the demo, imports of real CODEOWNERS, a generated one. */
function ownersFiles(): [string, string][] {
  const out: [string, string][] = [];
  const walk = (dir: string) => {
    for (const e of fs.readdirSync(dir, { withFileTypes: true })) {
      const p = path.join(dir, e.name);
      if (e.isDirectory() && e.name !== 'node_modules' && !e.name.startsWith('.')) walk(p);
      else if (
        e.isFile() &&
        (e.name.endsWith('OWNERS.yaml') ||
          p.includes(`${path.sep}fixtures${path.sep}owners${path.sep}`))
      )
        out.push([path.relative(ROOT, p), fs.readFileSync(p, 'utf8')]);
    }
  };
  for (const dir of ['test/fixtures', 'demo'])
    if (fs.existsSync(path.join(ROOT, dir))) walk(path.join(ROOT, dir));
  for (const f of fs
    .readdirSync(path.join(ROOT, 'test/fixtures/codeowners'))
    .filter(f => f.endsWith('.CODEOWNERS'))) {
    out.push([
      `import of ${f}`,
      importCodeowners(fs.readFileSync(path.join(ROOT, 'test/fixtures/codeowners', f), 'utf8')),
    ]);
  }
  out.push(['generated 200 components', generateOwners(200).owners]);
  return out;
}

/** Errors of the validator that are about structure (what a schema can see), not references or the repository. */
const STRUCTURE = new Set([
  'yaml-syntax',
  'duplicate-key',
  'wrong-type',
  'missing-field',
  'unsupported-version',
  'unknown-key',
  'missing-lead',
  'invalid-login',
  'invalid-link',
  'invalid-date',
  'invalid-metric',
  'invalid-source',
]);

describe('the JSON Schema of OWNERS.yaml (shipped for YAML language servers)', () => {
  const files = ownersFiles();

  it('accepts every OWNERS.yaml of the project that the validator finds structurally sound, and rejects the others', () => {
    assert.ok(files.length >= 12, `${files.length} files`);
    const disagreements: string[] = [];
    for (const [name, text] of files) {
      const structural = validateOwners(parseOwners(text)).filter(
        d => STRUCTURE.has(d.code) && d.severity !== 'info',
      );
      const ok = validate(parseYaml(text, { uniqueKeys: false }));
      if (ok !== (structural.length === 0)) {
        disagreements.push(
          `${name}: schema ${
            ok
              ? 'accepts'
              : `rejects (${validate.errors
                  ?.map(e => `${e.instancePath} ${e.message}`)
                  .slice(0, 3)
                  .join('; ')})`
          }, validator ${structural.map(d => d.code).join(', ') || 'finds nothing'}`,
        );
      }
    }
    assert.deepStrictEqual(disagreements, []);
  });

  it('rejects what the format forbids: unknown keys, a bad login, an empty paths list, a javascript: link; allows x- keys', () => {
    const base = {
      version: 1,
      teams: { t: { lead: 'alice' } },
      components: { c: { team: 't', owner: 'bob', paths: ['/src/'] } },
    };
    assert.ok(
      validate({
        ...base,
        'x-anything': { a: 1 },
        components: { c: { ...base.components.c, 'x-slack': '#c' } },
      }),
    );
    for (const bad of [
      { ...base, version: 2 },
      { ...base, teams: { t: { lead: 'not a login' } } },
      { ...base, components: { c: { ...base.components.c, paths: [] } } },
      { ...base, components: { c: { ...base.components.c, pathz: ['/x/'] } } },
      { ...base, outcomes: { o: { link: 'javascript:alert(1)' } } },
      { ...base, components: { c: { ...base.components.c, paths: ['!/negated/'] } } },
    ])
      assert.strictEqual(validate(bad), false, JSON.stringify(bad));
  });

  it('describes under `metrics` exactly the settings the reader reads (one list: METRICS_KEYS)', () => {
    assert.deepStrictEqual(schema.properties.metrics.properties, metricsSchemaProperties());
    assert.deepStrictEqual([...METRICS_KEY_NAMES].sort(), Object.keys(DEFAULT_METRICS).sort());
    // A value other than the default, of each kind, for each key.
    const sample = {
      share: 0.75,
      days: 30,
      count: 2,
      boolean: true,
      logins: ['release-robot'],
      patterns: ['vendor/**'],
    } as const;
    for (const key of METRICS_KEY_NAMES) {
      const value = sample[METRICS_KEYS[key]];
      const text = `version: 1\nteams:\n  t: { lead: alice }\ncomponents:\n  c: { team: t, owner: bob, paths: [/src/] }\nmetrics:\n  ${key}: ${JSON.stringify(value)}\n`;
      const parsed = parseOwners(text);
      assert.deepStrictEqual(parsed.model.metrics[key], value, `the reader ignores metrics.${key}`);
      assert.deepStrictEqual(
        validateOwners(parsed).filter(d => d.code === 'unknown-key'),
        [],
        key,
      );
      assert.ok(
        validate(parseYaml(text)),
        `the schema refuses metrics.${key}: ${JSON.stringify(validate.errors)}`,
      );
    }
    assert.strictEqual(validate({ version: 1, metrics: { creditCoAuthors: 'yes' } }), false);
    assert.strictEqual(validate({ version: 1, metrics: { bottleneckThreshold: 1.5 } }), false);
    assert.strictEqual(validate({ version: 1, metrics: { notASetting: 1 } }), false);
  });

  it('is contributed through yamlValidation and shipped in the .vsix', () => {
    const pkg = JSON.parse(fs.readFileSync(path.join(ROOT, 'package.json'), 'utf8'));
    assert.deepStrictEqual(pkg.contributes.yamlValidation, [
      { fileMatch: ['OWNERS.yaml', '**/OWNERS.yaml'], url: './schema/owners.schema.json' },
    ]);
    assert.ok(
      fs
        .readFileSync(path.join(ROOT, '.vscodeignore'), 'utf8')
        .split('\n')
        .includes('!schema/owners.schema.json'),
    );
  });
});
