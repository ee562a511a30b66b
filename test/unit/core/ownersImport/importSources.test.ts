import * as assert from 'assert';
import * as fs from 'fs';
import * as path from 'path';
import { parse as parseYaml } from 'yaml';
import { fromBackstageCatalog } from '../../../../src/core/ownersImport/backstage';
import { ImportNote } from '../../../../src/core/ownersImport/draft';
import {
  fromGitlabCodeowners,
  parseGitlabCodeowners,
} from '../../../../src/core/ownersImport/gitlabCodeowners';
import { fromProwOwners, SourceFile } from '../../../../src/core/ownersImport/prowOwners';
import { finishImport } from '../../../../src/core/ownersImport/summary';
import { canonical, gitlabOwners, prowApprovers } from './upstreamReference';
import { parseOwners } from '../../../../src/core/owners/parse';
import { createOwnershipIndex } from '../../../../src/core/owners/resolve';
import { validateOwners } from '../../../../src/core/owners/validate';
import { REPO_ROOT } from '../../../repoRoot';

const SOURCES = path.join(REPO_ROOT, 'test/fixtures/owners-sources');

/** Owners per path after import, as a sorted lower-cased set ('' = unowned). */
function importedAnswers(yaml: string, paths: readonly string[]): string[] {
  const index = createOwnershipIndex(parseOwners(yaml).model);
  return paths.map(p => {
    const o = index.ownerOf(p);
    return o.kind === 'owned' ? canonical(o.component.codeowners ?? []) : '';
  });
}

/**
 * Paths around a set of patterns (every path an import test compares is one of these): every literal directory they name (and one level below it),
 * crossed with every literal file name and extension they name, so each rule and each overlap
 * between rules is exercised.
 */
function pathsAround(patterns: readonly string[]): string[] {
  const dirs = new Set<string>(['', 'other']);
  const names = new Set<string>(['plain.txt', 'README.md']);
  for (const p of patterns) {
    const segs = p.replace(/^\//, '').split('/').filter(Boolean);
    const literal: string[] = [];
    for (const [k, s] of segs.entries()) {
      if (/[*?]/.test(s)) break;
      // The import reads `name.ext` at the end of a pattern as a file, not a directory (documented).
      if (k === segs.length - 1 && !p.endsWith('/') && /\./.test(s)) break;
      literal.push(s);
      dirs.add(literal.join('/'));
    }
    const last = segs[segs.length - 1] ?? '';
    if (!/[*?]/.test(last) && /\./.test(last)) names.add(last);
    const ext = /\*(\.[A-Za-z0-9]+)$/.exec(last)?.[1];
    if (ext) names.add(`x${ext}`);
  }
  const out = new Set<string>();
  for (const d of dirs)
    for (const n of names) {
      out.add(d ? `${d}/${n}` : n);
      out.add(d ? `${d}/sub/${n}` : `sub/${n}`);
    }
  return [...out];
}

/** GitLab's own rule, from the independent reference (file.rb and Ruby's fnmatch). */
function gitlabAnswers(text: string, paths: readonly string[]): string[] {
  return gitlabOwners(text, paths);
}

describe('import from GitLab CODEOWNERS: the same owners as GitLab, path by path, on real files', () => {
  for (const file of fs.readdirSync(path.join(SOURCES, 'gitlab')).sort()) {
    it(file, () => {
      const text = fs.readFileSync(path.join(SOURCES, 'gitlab', file), 'utf8');
      const draft = fromGitlabCodeowners(text, file);
      const { yaml, summary } = finishImport(draft);
      const paths = pathsAround(
        parseGitlabCodeowners(text).entries.flatMap(e => [e.pattern, e.written]),
      );
      const expected = gitlabAnswers(text, paths);
      const actual = importedAnswers(yaml, paths);
      const differences = paths.filter((_, i) => expected[i] !== actual[i]);
      // Every difference must be one the import names (inexact notes); here there are none.
      assert.deepStrictEqual(
        differences.map(
          p => `${p}: GitLab ${expected[paths.indexOf(p)]} / imported ${actual[paths.indexOf(p)]}`,
        ),
        [],
      );
      assert.deepStrictEqual(
        summary.notes.filter(n => n.kind === 'inexact'),
        [],
      );
      assert.ok(paths.length > 10, `${paths.length} paths compared`);
      const codes = validateOwners(parseOwners(yaml))
        .filter(d => d.severity !== 'info')
        .map(d => d.code);
      assert.deepStrictEqual(
        [...new Set(codes)].filter(
          c => !['missing-lead', 'missing-field', 'single-codeowner'].includes(c),
        ),
        [],
        'only open decisions remain (and the one-person code owners the source had)',
      );
    });
  }

  it('keeps optional sections and approval counts as x- keys and names them', () => {
    const text = '* @acme/all\n^[Docs][2] @acme/docs\n/doc/\n[Ops]\n/ops/ @ops-lead\n';
    const { yaml, summary } = finishImport(fromGitlabCodeowners(text, '.gitlab/CODEOWNERS'));
    const doc = parseYaml(yaml);
    const docs = Object.values(doc.components as Record<string, Record<string, unknown>>).find(c =>
      (c.paths as string[]).includes('/doc/'),
    )!;
    assert.strictEqual(docs['x-gitlab-optional'], true);
    assert.strictEqual(docs['x-gitlab-approvals'], 2);
    assert.deepStrictEqual(
      docs.codeowners,
      ['@acme/docs', '@acme/all'],
      'the section default plus what the * rule of the default section gives',
    );
    assert.deepStrictEqual(
      summary.notes.map(n => `${n.line} ${n.kind}`),
      ['2 kept', '2 kept'],
    );
    assert.match(yaml, /\.gitlab\/CODEOWNERS:2 \[kept\] optional section \^\[Docs\]/);
  });

  it("writes exactly a rule that lies wholly inside another section's, and an overlap an anchored pattern expresses (no note)", () => {
    const text = '[A]\ndocs/ @a\nlib/ @l\n[B]\n/docs/x/ @b\n/src/ @s\n';
    const { yaml, summary } = finishImport(fromGitlabCodeowners(text, 'CODEOWNERS'));
    assert.deepStrictEqual(summary.notes, []);
    const paths = [
      'docs/x/a.md',
      'a/docs/x/a.md',
      'src/lib/a.go',
      'src/a/lib/b.go',
      'src/a.go',
      'lib/a.go',
    ];
    assert.deepStrictEqual(importedAnswers(yaml, paths), gitlabAnswers(text, paths));
    assert.deepStrictEqual(gitlabAnswers(text, ['docs/x/a.md', 'src/a/lib/b.go']), ['a b', 'l s']);
  });

  it('names a partial overlap no pattern can express, with both lines', () => {
    const text = '[A]\n/src/*/gen/ @a\n[B]\n/src/x/ @b\n';
    const { summary } = finishImport(fromGitlabCodeowners(text, 'CODEOWNERS'));
    const inexact = summary.notes.filter(n => n.kind === 'inexact');
    assert.strictEqual(inexact.length, 1);
    assert.match(inexact[0].message, /"\/src\/\*\/gen\/" \(line 2\)/);
    assert.strictEqual(inexact[0].line, 4);
  });
});

function readTree(dir: string): SourceFile[] {
  const out: SourceFile[] = [];
  const walk = (rel: string) => {
    for (const e of fs.readdirSync(path.join(dir, rel), { withFileTypes: true })) {
      const r = rel ? `${rel}/${e.name}` : e.name;
      if (e.isDirectory()) walk(r);
      else if (e.name === 'OWNERS' || e.name === 'OWNERS_ALIASES')
        out.push({ path: r, text: fs.readFileSync(path.join(dir, r), 'utf8') });
    }
  };
  walk('');
  return out;
}

/** Prow's rule, from the independent reference (repoowners.go). */
function prowAnswers(files: readonly SourceFile[], paths: readonly string[]): string[] {
  return prowApprovers(files, paths);
}

describe('import from Kubernetes OWNERS trees: the same approvers as Prow, path by path, on real trees', () => {
  for (const repo of ['kubernetes-sigs__cluster-api', 'kubernetes__community']) {
    it(repo, () => {
      const files = readTree(path.join(SOURCES, 'kubernetes', repo));
      const { yaml, summary } = finishImport(fromProwOwners(files));
      const dirs = files.map(f => f.path.split('/').slice(0, -1).join('/'));
      const paths = dirs.flatMap(d =>
        ['main.go', 'sub/deep/x.md', 'charter.md', 'annual-report-2024.md'].map(n =>
          d ? `${d}/${n}` : n,
        ),
      );
      const expected = prowAnswers(files, paths);
      const actual = importedAnswers(yaml, paths);
      const differences = paths.filter((_, i) => expected[i] !== actual[i]);
      // What Prow's files say that OWNERS.yaml cannot: each named with its file and line.
      const refused = summary.notes.filter(n => n.kind === 'not-imported');
      // Every path whose approvers differ is explained by a refused per-file filter that matches it.
      const filters = refused.flatMap(n => {
        const m = /^filter "(.*)" gives/.exec(n.message);
        return m
          ? [new RegExp(m[1].replace(/^\(\?i\)/, ''), m[1].startsWith('(?i)') ? 'i' : '')]
          : [];
      });
      assert.deepStrictEqual(
        differences.filter(p => !filters.some(f => f.test(p))),
        [],
        'approvers are the union up the tree, as Prow has it',
      );
      console.log(
        `      ${repo}: ${paths.length} paths compared, ${differences.length} differ, each explained by a refused filter`,
      );
      // community's "(?i)charter.md" filter names committee-steering, who already approves everything there: 0 differ, yet it is named.
      assert.strictEqual(differences.length, 0);
      if (repo === 'kubernetes__community') {
        assert.ok(
          refused.some(
            n => n.file === 'OWNERS' && n.line === 26 && /\(\?i\)charter\.md/.test(n.message),
          ),
          'the per-file filter is refused, not approximated',
        );
        assert.match(yaml, /# OWNERS:26 \[not-imported\] filter "\(\?i\)charter\.md"/);
      } else {
        // Empty aliases expand to no one in Prow as in the import: said, not refused.
        assert.deepStrictEqual(refused, []);
        assert.strictEqual(
          summary.notes.filter(
            n => n.file === 'OWNERS_ALIASES' && n.kind === 'same' && /no members/.test(n.message),
          ).length,
          15,
        );
      }
      assert.deepStrictEqual(
        summary.toDecide.filter(d => d.code !== 'missing-lead'),
        [],
      );
    });
  }

  it('the prow-tree workspace: Prow ignores filters beside top-level approvers, and so does the import (said, with the line)', () => {
    const files = readTree(path.resolve(SOURCES, '../workspaces/prow-tree'));
    const { yaml, summary } = finishImport(fromProwOwners(files));
    const paths = [
      'main.go',
      'api/server.go',
      'secret/key.txt',
      'secret/server.pem',
      'secret/sub/ca.pem',
    ];
    assert.deepStrictEqual(importedAnswers(yaml, paths), prowAnswers(files, paths));
    assert.deepStrictEqual(
      prowAnswers(files, ['secret/server.pem']),
      ['erin'],
      'repoowners.go reads secret/OWNERS as a simple config: its filters do not count',
    );
    assert.deepStrictEqual(
      summary.notes.map(n => `${n.file}:${n.line} ${n.kind}`),
      ['OWNERS_ALIASES:5 same', 'secret/OWNERS:5 same'],
    );
    assert.match(summary.notes[1].message, /Prow ignores `filters`/);
  });

  it("gives each directory its approvers plus its parents', unless no_parent_owners", () => {
    const files: SourceFile[] = [
      { path: 'OWNERS_ALIASES', text: 'aliases:\n  core: [alice, bob]\n' },
      { path: 'OWNERS', text: 'approvers: [core]\n' },
      { path: 'api/OWNERS', text: 'approvers: [carol]\n' },
      { path: 'secret/OWNERS', text: 'options:\n  no_parent_owners: true\napprovers: [dave]\n' },
    ];
    const { yaml } = finishImport(fromProwOwners(files));
    assert.deepStrictEqual(importedAnswers(yaml, ['x.go', 'api/x.go', 'secret/x.go']), [
      'alice bob',
      'alice bob carol',
      'dave',
    ]);
    const doc = parseYaml(yaml);
    assert.deepStrictEqual(doc.teams.core, {
      name: 'core',
      lead: 'alice',
      members: ['bob'],
      'x-guessed': { lead: 'first listed in alias core; Prow aliases have no lead' },
    });
  });
});

describe('import from Backstage catalogs, on real files', () => {
  const read = (name: string, at = name): SourceFile => ({
    path: at,
    text: fs.readFileSync(path.join(SOURCES, 'backstage', name), 'utf8'),
  });

  it('a component owned by a group owns the directory of its catalog file', () => {
    const { yaml, summary } = finishImport(
      fromBackstageCatalog([
        read('elastic__elastic-package.catalog-info.yaml', 'catalog-info.yaml'),
      ]),
    );
    const doc = parseYaml(yaml);
    assert.deepStrictEqual(doc.components['elastic-package'], {
      team: 'streams',
      paths: ['*'],
      'x-backstage-component': 'elastic-package',
    });
    assert.deepStrictEqual(
      summary.toDecide.map(d => d.code).sort(),
      ['missing-field', 'missing-lead'],
      'no owner, no lead: the catalog does not say',
    );
    assert.strictEqual(
      summary.notes.filter(n => /Resource/.test(n.message)).length,
      4,
      'the pipelines own no paths',
    );
  });

  it('refuses to guess paths for several components in one file, naming each with its line', () => {
    const { summary } = finishImport(
      fromBackstageCatalog([
        read('DiamondLightSource__developer-portal.catalog-info.yaml', 'catalog-info.yaml'),
      ]),
    );
    assert.strictEqual(summary.components, 0);
    assert.deepStrictEqual(
      summary.notes.filter(n => /shares this file/.test(n.message)).map(n => n.line),
      [14, 55],
    );
  });

  it('a nested catalog file owns its directory; a user owner becomes the owner', () => {
    const text =
      'apiVersion: backstage.io/v1alpha1\nkind: Component\nmetadata:\n  name: billing\nspec:\n  owner: user:default/alice\n---\napiVersion: backstage.io/v1alpha1\nkind: Group\nmetadata:\n  name: payments\nspec:\n  members: [alice, bob]\n';
    const { yaml } = finishImport(
      fromBackstageCatalog([{ path: 'services/billing/catalog-info.yaml', text }]),
    );
    const doc = parseYaml(yaml);
    assert.strictEqual(doc.components.billing.owner, 'alice');
    assert.deepStrictEqual(doc.components.billing.paths, ['/services/billing/']);
    assert.deepStrictEqual(doc.teams.payments.members, ['alice', 'bob']);
  });
});

describe('import summary and guesses', () => {
  it('lists what validate will report, and x-guessed makes the validator say so until confirmed', () => {
    const text = '/api/ @acme/payments @bob @carol\n/web/ @acme/web\n';
    const { yaml, summary } = finishImport(fromGitlabCodeowners(text, 'CODEOWNERS'));
    assert.deepStrictEqual(
      summary.toDecide.map(d => d.code),
      ['missing-lead', 'missing-field'],
    );
    assert.deepStrictEqual(
      summary.guesses.map(g => `${g.where} ${g.field} ${g.login}`),
      ['team payments lead bob', 'component api owner bob'],
    );
    const infos = validateOwners(parseOwners(yaml)).filter(d => d.code === 'guessed');
    assert.strictEqual(infos.length, 2);
    assert.ok(infos.every(d => d.severity === 'info'));
    assert.match(infos[0].message, /lead of team "payments" \("bob"\) was guessed/);
  });

  it('names components after what their patterns cover, not after the first rule', () => {
    const text =
      '.cursor/rules/appsec.mdc @DataDog/asm\nddtrace/appsec/_constants.py @DataDog/asm\n/ably/ @a\n/ably/assets/ @b\n';
    const doc = parseYaml(finishImport(fromGitlabCodeowners(text, 'CODEOWNERS')).yaml);
    assert.deepStrictEqual(Object.keys(doc.components), ['appsec', 'ably', 'assets']);
  });

  it('notes carry the file and line of what they are about', () => {
    const notes: ImportNote[] = finishImport(
      fromProwOwners([{ path: 'a/OWNERS', text: 'approvers: [x]\nno_such_thing: 1\n' }]),
    ).summary.notes;
    assert.deepStrictEqual(
      notes.map(n => `${n.file}:${n.line} ${n.kind}`),
      ['a/OWNERS:2 not-imported'],
    );
  });
});
