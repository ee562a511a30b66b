/**
 * Where a repository's OWNERS.yaml lives (docs/owners-yaml.md, "Where the file lives"), in lookup
 * order: the first that exists is the repository's. The CLI, the editor and the GitHub client all
 * look here, so a new place is added once.
 */
export const OWNERS_FILE_LOCATIONS: readonly string[] = [
  'OWNERS.yaml',
  '.github/OWNERS.yaml',
  'docs/OWNERS.yaml',
];

/** The locations for a message: "OWNERS.yaml, .github/OWNERS.yaml and docs/OWNERS.yaml". */
export function ownersLocationsText(): string {
  const all = [...OWNERS_FILE_LOCATIONS];
  return `${all.slice(0, -1).join(', ')} and ${all[all.length - 1]}`;
}
