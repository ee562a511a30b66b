import { codeownersOf } from './codeowners';
import { OwnershipIndex } from './resolve';

export interface ChangedComponent {
  component: string;
  team: string | null;
  owner: string | null;
  lead: string | null;
  /** Who GitHub asks to review these paths (what `codeowners` exports). */
  codeowners: string[];
  files: string[];
}

export interface ChangeOwners {
  files: number;
  components: ChangedComponent[];
  /** Changed files no component owns. */
  unowned: string[];
  teams: { team: string; lead: string | null; components: number }[];
  /** Ready to paste: each component's owner (or its CODEOWNERS handles when it names none), once each. */
  mentions: string[];
}

/** Who must review a change: the components its files belong to (most files first), their owners, teams and the unowned files. */
export function ownersOfChanges(index: OwnershipIndex, files: readonly string[]): ChangeOwners {
  const byComponent = new Map<string, ChangedComponent>();
  const unowned: string[] = [];
  for (const file of files) {
    const o = index.ownerOf(file);
    if (o.kind === 'unowned') {
      unowned.push(file);
      continue;
    }
    const c = o.component;
    let entry = byComponent.get(c.id);
    if (!entry) {
      entry = {
        component: c.id,
        team: c.team || null,
        owner: c.owner || null,
        lead: o.team?.lead || null,
        codeowners: codeownersOf(index.model, c),
        files: [],
      };
      byComponent.set(c.id, entry);
    }
    entry.files.push(file);
  }
  const components = [...byComponent.values()].sort(
    (a, b) => b.files.length - a.files.length || a.component.localeCompare(b.component),
  );
  const teams = new Map<string, { team: string; lead: string | null; components: number }>();
  for (const c of components) {
    if (!c.team) continue;
    const t = teams.get(c.team) ?? { team: c.team, lead: c.lead, components: 0 };
    t.components++;
    teams.set(c.team, t);
  }
  const mentions: string[] = [];
  const seen = new Set<string>();
  for (const c of components) {
    for (const m of c.owner ? [`@${c.owner}`] : c.codeowners) {
      if (!seen.has(m.toLowerCase())) {
        seen.add(m.toLowerCase());
        mentions.push(m);
      }
    }
  }
  return { files: files.length, components, unowned, teams: [...teams.values()], mentions };
}

export interface CoverageSummary {
  totalFiles: number;
  ownedFiles: number;
  share: number;
  /** The largest folders whose files are all unowned (each counted once, at its highest such folder), then loose unowned files' folders. */
  unownedFolders: { folder: string; files: number }[];
}

/** The owned share of `files` and where the unowned ones are, biggest first, `limit` at most. */
export function coverageSummary(
  index: OwnershipIndex,
  files: readonly string[],
  limit = 10,
): CoverageSummary {
  const total = new Map<string, number>();
  const unowned = new Map<string, number>();
  let ownedFiles = 0;
  for (const file of files) {
    const owned = index.ownerOf(file).kind === 'owned';
    if (owned) ownedFiles++;
    const parts = file.split('/');
    for (let n = 1; n < parts.length; n++) {
      const folder = parts.slice(0, n).join('/');
      total.set(folder, (total.get(folder) ?? 0) + 1);
      if (!owned) unowned.set(folder, (unowned.get(folder) ?? 0) + 1);
    }
    if (!owned && parts.length === 1) unowned.set('.', (unowned.get('.') ?? 0) + 1);
  }
  const whollyUnowned = (f: string) => f !== '.' && unowned.get(f) === total.get(f);
  const parentOf = (f: string) => (f.includes('/') ? f.slice(0, f.lastIndexOf('/')) : undefined);
  const picked: { folder: string; files: number }[] = [];
  for (const [folder, n] of unowned) {
    const parent = parentOf(folder);
    // A wholly unowned folder is reported at its highest such ancestor; the root's own files as ".".
    if (folder === '.' || (whollyUnowned(folder) && !(parent && whollyUnowned(parent))))
      picked.push({ folder, files: n });
  }
  const reported = picked.reduce((s, p) => s + p.files, 0);
  const rest = files.length - ownedFiles - reported;
  // Unowned files inside partly owned folders: name their deepest folders too.
  if (rest > 0) {
    const loose = new Map<string, number>();
    for (const file of files) {
      if (index.ownerOf(file).kind === 'owned') continue;
      const dir = parentOf(file) ?? '.';
      if (dir !== '.' && !whollyUnowned(dir)) loose.set(dir, (loose.get(dir) ?? 0) + 1);
    }
    for (const [folder, n] of loose) picked.push({ folder, files: n });
  }
  picked.sort((a, b) => b.files - a.files || a.folder.localeCompare(b.folder));
  return {
    totalFiles: files.length,
    ownedFiles,
    share: files.length === 0 ? 1 : ownedFiles / files.length,
    unownedFolders: picked.slice(0, limit),
  };
}
