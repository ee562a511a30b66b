/**
 * Deterministic synthetic OWNERS.yaml files and repository trees of any size, for benchmarks and
 * performance tests (a 5,000-component monorepo, say). Same inputs, same text, every run.
 */
import { seededRandom } from './codeownersCorpus';

export interface SyntheticRepo {
  owners: string;
  files: string[];
}

/**
 * `components` components in `components / 25` teams, each owning a service directory and a few
 * extras; `filesPerComponent` source files under each service (20: about 110,000 files for 5,000).
 */
export function generateOwners(
  components: number,
  seed = 42,
  filesPerComponent = 20,
): SyntheticRepo {
  const random = seededRandom(seed);
  const pick = <T>(items: T[]) => items[Math.floor(random() * items.length)];
  const teamCount = Math.max(1, Math.ceil(components / 25));
  const lines: string[] = ['# Generated monorepo ownership', 'version: 1', '', 'teams:'];
  const people = (t: number) => Array.from({ length: 8 }, (_, i) => `dev-${t}-${i}`);
  for (let t = 0; t < teamCount; t++) {
    lines.push(
      `  team-${t}:`,
      `    name: Team ${t}`,
      `    lead: lead-${t}`,
      `    members: [${people(t).join(', ')}]`,
      `    github: acme/team-${t}`,
    );
  }
  lines.push('', 'outcomes:');
  for (let t = 0; t < teamCount; t++) {
    lines.push(
      `  outcome-${t}:`,
      `    name: Outcome ${t}`,
      `    target: ">= ${(90 + random() * 9).toFixed(1)}%"`,
      `    link: https://dashboards.example.com/o/${t}`,
    );
  }
  lines.push('', 'components:');
  const files: string[] = [];
  for (let c = 0; c < components; c++) {
    const t = c % teamCount;
    const area = `area-${Math.floor(c / 100)}`;
    lines.push(
      `  svc-${c}:`,
      `    name: Service ${c}`,
      `    team: team-${t}`,
      `    owner: ${pick(people(t))}   # accountable person`,
      '    paths:',
      `      - /services/${area}/svc-${c}/`,
      `      - /docs/svc-${c}/`,
      ...(c % 10 === 0 ? [`      - "*.svc${c}"`] : []),
      `    outcomes: [outcome-${t}]`,
      '    authority: [Choose the technical approach]',
      '    support: [Weekly 1:1 with the lead]',
      '    stakeholders: [Product]',
    );
    for (let f = 0; f < filesPerComponent; f++)
      files.push(`services/${area}/svc-${c}/src/${f % 4 === 0 ? `sub-${f}/` : ''}file-${f}.ts`);
    files.push(`docs/svc-${c}/README.md`);
    if (c % 10 === 0) files.push(`proto/api-${c}.svc${c}`);
  }
  lines.push('', 'unowned:', '  - /third_party/', '');
  for (let i = 0; i < 200; i++) files.push(`third_party/lib-${i}/index.js`, `tools/script-${i}.sh`);
  return { owners: lines.join('\n'), files };
}
