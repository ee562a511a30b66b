import * as fs from 'fs';
import { settingId, Settings } from '../ids';
import { ownersLocationsText } from '../../core/owners/locations';
import * as path from 'path';
import * as vscode from 'vscode';
import { writeFileAtomic } from '../../core/github/cacheStore';
import { createOrgClient } from '../../core/github/orgClient';
import type { TransportOptions } from '../../core/github/transport';
import { parseRepo, RepoRef } from '../../core/github/types';
import { now } from '../../core/clock';

/** A repository that counts with the workspace's teams without being open: its files as last read from the API. */
export interface OtherRepository {
  name: string;
  ref: RepoRef;
  /** Undefined before the first refresh; null when the repository has no OWNERS.yaml. */
  owners?: { path: string; text: string } | null;
  /** True when GitHub answered no such repository (absent, or not visible to the token) at the last refresh. */
  missing?: boolean;
  gitattributes: string;
  fetchedAt?: string;
}

const SETTING = settingId(Settings.otherRepositories);
/** An OWNERS.yaml this large is refused by the parser anyway; the cache stays small. */
const MAX_TEXT = 5 * 1024 * 1024;

/** `ownershipLens.teams.otherRepositories`, parsed; malformed entries are named, not guessed at. */
export function otherRepositorySetting(): { refs: RepoRef[]; invalid: string[] } {
  const given = vscode.workspace.getConfiguration().get<unknown>(SETTING);
  const list = Array.isArray(given) ? given.filter((x): x is string => typeof x === 'string') : [];
  const refs: RepoRef[] = [];
  const invalid: string[] = [];
  const seen = new Set<string>();
  for (const entry of list) {
    const ref = parseRepo(entry.trim());
    if (!ref) {
      invalid.push(entry);
      continue;
    }
    const key = `${ref.owner}/${ref.name}`.toLowerCase();
    if (!seen.has(key)) {
      seen.add(key);
      refs.push(ref);
    }
  }
  return { refs, invalid };
}

export const affectsOtherRepositories = (e: vscode.ConfigurationChangeEvent) =>
  e.affectsConfiguration(SETTING);

/**
 * The OWNERS.yaml and .gitattributes of the other repositories, per API host: read from the API on
 * refresh (one GraphQL request per 25 repositories) and kept on disk, so figures show at start without a fetch.
 */
export class OtherRepositoryFiles {
  private entries: Map<string, Omit<OtherRepository, 'ref'>> | undefined;

  constructor(
    private readonly cacheDir: string,
    private readonly log: (line: string) => void,
  ) {}

  /** What is known of each repository, without the network. */
  known(apiUrl: string, refs: readonly RepoRef[]): OtherRepository[] {
    const entries = this.load();
    return refs.map(ref => {
      const name = `${ref.owner}/${ref.name}`;
      return { name, gitattributes: '', ...entries.get(key(apiUrl, name)), ref };
    });
  }

  /** Reads the files of every repository from the API and remembers them. */
  async fetch(
    apiUrl: string,
    refs: readonly RepoRef[],
    github: TransportOptions,
  ): Promise<OtherRepository[]> {
    const client = createOrgClient(github);
    const files = await client.repositoryFiles(refs);
    const entries = this.load();
    const fetchedAt = now().toISOString();
    for (const ref of refs) {
      const name = `${ref.owner}/${ref.name}`;
      const f = files.get(name);
      const owners = f?.owners && f.owners.text.length <= MAX_TEXT ? f.owners : null;
      entries.set(key(apiUrl, name), {
        name,
        owners,
        gitattributes:
          f?.gitattributes && f.gitattributes.length <= MAX_TEXT ? f.gitattributes : '',
        fetchedAt,
        ...(f?.found === false || !f ? { missing: true } : {}),
      });
    }
    this.save(entries);
    return this.known(apiUrl, refs);
  }

  private load(): Map<string, Omit<OtherRepository, 'ref'>> {
    if (this.entries) return this.entries;
    this.entries = new Map();
    try {
      const raw = JSON.parse(fs.readFileSync(this.file(), 'utf8')) as {
        version?: number;
        entries?: Record<string, Omit<OtherRepository, 'ref'>>;
      };
      if (raw.version === 1 && raw.entries && typeof raw.entries === 'object') {
        for (const [k, v] of Object.entries(raw.entries)) {
          if (
            v &&
            typeof v.name === 'string' &&
            typeof v.gitattributes === 'string' &&
            (v.owners === null ||
              (typeof v.owners?.text === 'string' && typeof v.owners.path === 'string'))
          )
            this.entries.set(k, v);
        }
      }
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code !== 'ENOENT')
        this.log(
          `The other repositories' cache is unreadable (${(e as Error).message}); it is rebuilt on the next refresh.`,
        );
    }
    return this.entries;
  }

  private save(entries: Map<string, Omit<OtherRepository, 'ref'>>): void {
    try {
      fs.mkdirSync(this.cacheDir, { recursive: true });
      writeFileAtomic(
        this.file(),
        JSON.stringify({ version: 1, entries: Object.fromEntries(entries) }),
      );
    } catch (e) {
      this.log(`Could not write the other repositories' cache: ${(e as Error).message}`);
    }
  }

  private file(): string {
    return path.join(this.cacheDir, 'other-repositories.json');
  }
}

const key = (apiUrl: string, name: string) => `${apiUrl} ${name.toLowerCase()}`;

/** Why a listed repository adds nothing to the teams after a refresh, in words for the tree; undefined when it does (or was not read yet). */
export function whyLeftOut(other: OtherRepository): string | undefined {
  if (other.owners !== null) return undefined;
  return other.missing
    ? 'not found on GitHub (it does not exist, or the token cannot see it)'
    : `no OWNERS.yaml on its default branch (looked at ${ownersLocationsText()})`;
}
