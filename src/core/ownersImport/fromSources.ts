import { fromBackstageCatalog } from './backstage';
import { ImportDraft } from './draft';
import { fromGithubCodeowners } from './githubCodeowners';
import { fromGitlabCodeowners, looksLikeGitlab } from './gitlabCodeowners';
import { fromProwOwners, SourceFile } from './prowOwners';

export type SourceKind = 'github' | 'gitlab' | 'prow' | 'backstage';

export const SOURCE_KINDS: readonly SourceKind[] = ['github', 'gitlab', 'prow', 'backstage'];

/** What kind of ownership file this is, from its repository-relative path and its text. */
export function sourceKindOf(path: string, text: string): SourceKind {
  const base = path.split('/').pop() ?? path;
  if (base === 'OWNERS' || base === 'OWNERS_ALIASES') return 'prow';
  if (/^catalog-info.*\.ya?ml$/.test(base) || /^apiVersion:\s*backstage\.io\//m.test(text))
    return 'backstage';
  return looksLikeGitlab(text) || path.split('/').includes('.gitlab') ? 'gitlab' : 'github';
}

const DESCRIBED: Record<SourceKind, string> = {
  github: 'a CODEOWNERS file',
  gitlab: 'a GitLab CODEOWNERS file',
  prow: 'a Kubernetes OWNERS file',
  backstage: 'a Backstage catalog',
};

/** One draft from files of one kind (`from` overrides detection); throws a readable Error otherwise. */
export function draftFromSources(
  sources: readonly SourceFile[],
  from?: SourceKind,
  only?: readonly SourceKind[],
): ImportDraft {
  if (sources.length === 0) throw new Error('no ownership file to import');
  const kinds = [...new Set(sources.map(s => from ?? sourceKindOf(s.path, s.text)))];
  if (kinds.length > 1)
    throw new Error(
      `import one kind of source at a time (found ${kinds.map(k => DESCRIBED[k]).join(' and ')}); pass --from to choose`,
    );
  const kind = kinds[0];
  if (only && !only.includes(kind))
    throw new Error(`${sources[0].path} is ${DESCRIBED[kind]}; use \`ownership-lens import\``);
  // These own the folder they sit in: one outside the repository would own a path like `//tmp/x/`.
  const outside =
    kind === 'prow' || kind === 'backstage'
      ? sources.find(s => s.path.startsWith('/') || /^[A-Za-z]:[\\/]/.test(s.path))
      : undefined;
  if (outside)
    throw new Error(
      `${outside.path} is outside the repository: ${DESCRIBED[kind]} owns the folder it sits in, so import it from inside the repository, or pass --root DIR`,
    );
  if (kind === 'prow') return fromProwOwners(sources);
  if (kind === 'backstage') return fromBackstageCatalog(sources);
  if (sources.length > 1) throw new Error('import one CODEOWNERS file at a time');
  return kind === 'gitlab'
    ? fromGitlabCodeowners(sources[0].text, sources[0].path)
    : fromGithubCodeowners(sources[0].text, sources[0].path);
}
