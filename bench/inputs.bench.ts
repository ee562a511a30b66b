// Hostile and oversized inputs that once took seconds to minutes (issue 9): the time each takes
// now, printed. The unit tests assert what the product answers on them; the times live here, where
// a loaded machine makes a number larger instead of a test red.
import { parseDocument } from 'yaml';
import { parseJsonc } from '../src/core/moduleImports/jsonc';
import { importCodeowners } from '../src/core/owners/codeowners';
import { parseOwners } from '../src/core/owners/parse';
import { validateOwners } from '../src/core/owners/validate';
import { millis } from '../test/oracles/hostileInputs';

const HEAD = 'version: 1\nteams:\n  web: {lead: alice, members: [bob]}\n';

function cases(): { label: string; before: string; run: () => unknown }[] {
  const n = 12_000;
  const aliased = `${HEAD}x-defs:\n${Array.from({ length: n }, (_, i) => `  - &a${i} v${i}`).join('\n')}\nx-uses:\n${Array.from({ length: n }, (_, i) => `  - *a${i}`).join('\n')}\ncomponents: {}\n`;
  let laughs = 'a: &a [lol, lol, lol, lol, lol, lol, lol, lol, lol]\n';
  for (let i = 1; i < 10; i++)
    laughs += `${String.fromCharCode(97 + i)}: &${String.fromCharCode(97 + i)} [${Array(9)
      .fill('*' + String.fromCharCode(96 + i))
      .join(', ')}]\n`;
  laughs += 'teams: *j\n';
  let million = `${HEAD}x-paths: &p [${Array.from({ length: 990 }, (_, i) => `"/p${i}/"`).join(', ')}]\ncomponents:\n`;
  for (let i = 0; i < 990; i++) million += `  c${i}: {team: web, owner: bob, paths: *p}\n`;
  let codeowners = '';
  for (let i = 0; i < 20_000; i++)
    codeowners += `/src/d${i}/ @user${i % 3}\n${i % 10 === 0 ? `/src/d${i}/gen/\n` : ''}`;
  const check = (text: string) => () => validateOwners(parseOwners(text));
  return [
    {
      label: 'a 20 MB OWNERS.yaml, refused',
      before: '-',
      run: check('version: 1\n# ' + 'x'.repeat(20 * 1024 * 1024) + '\n'),
    },
    { label: 'billion laughs (9^10 aliases), refused', before: '-', run: check(laughs) },
    { label: '100,000 open brackets, refused', before: '-', run: check('['.repeat(100_000)) },
    {
      label: `${n.toLocaleString('en')} anchors + aliases (${(aliased.length / 1024).toFixed(0)} KB), parse`,
      before: '13 s at 132 KB',
      run: () => parseOwners(aliased),
    },
    {
      label: '  the same, the yaml library alone',
      before: '-',
      run: () => parseDocument(aliased, { uniqueKeys: false, strict: true }),
    },
    {
      label: '990 x 990 aliased patterns (59 KB), refused',
      before: '28 s, 357 MB',
      run: check(million),
    },
    {
      label: 'tsconfig with 400 KB of newlines',
      before: '9.8 s at 98 KB',
      run: () => parseJsonc('{' + '\n'.repeat(400_000) + '"a": 1}'),
    },
    {
      label: 'import a 20,000-rule CODEOWNERS',
      before: '95 s',
      run: () => importCodeowners(codeowners),
    },
  ];
}

export async function run(log: (line: string) => void): Promise<void> {
  log('## Hostile and oversized inputs (issue 9): best of 2, printed, not asserted');
  for (const c of cases()) {
    const ms = Math.min(millis(c.run), millis(c.run));
    log(
      `${c.label.padEnd(52)} ${ms.toFixed(0).padStart(6)} ms${c.before === '-' ? '' : `   (before: ${c.before})`}`,
    );
  }
}
