import { isMap, isScalar, isSeq, LineCounter, parseAllDocuments, YAMLMap } from 'yaml';
import { emptyDraft, ImportDraft, slugify } from './draft';
import type { SourceFile } from './prowOwners';

interface Entity {
  kind: string;
  name: string;
  title?: string;
  owner?: string;
  spec: YAMLMap | undefined;
  annotations: Map<string, string>;
  line: number;
}

function str(node: unknown): string | undefined {
  return isScalar(node) && node.value !== null ? String(node.value) : undefined;
}

/** `group:default/streams` -> {kind: group, name: streams}; a bare owner is a group, as Backstage reads it. */
function entityRef(ref: string): { kind: string; name: string } {
  const m = /^(?:([A-Za-z]+):)?(?:[^/]+\/)?(.+)$/.exec(ref.trim());
  return { kind: (m?.[1] ?? 'group').toLowerCase(), name: m?.[2] ?? ref };
}

function readEntities(file: SourceFile, draft: ImportDraft): Entity[] {
  const lines = new LineCounter();
  const out: Entity[] = [];
  for (const doc of parseAllDocuments(file.text, { lineCounter: lines })) {
    if (doc.errors.length > 0) {
      draft.notes.push({
        file: file.path,
        line: lines.linePos(doc.range[0]).line,
        kind: 'not-imported',
        message: `a document is not valid YAML (${doc.errors[0].message.split('\n')[0]})`,
      });
      continue;
    }
    const root = doc.contents;
    if (!isMap(root)) continue;
    const metadata = root.get('metadata', true);
    const spec = root.get('spec', true);
    const annotations = new Map<string, string>();
    const ann = isMap(metadata) ? metadata.get('annotations', true) : undefined;
    if (isMap(ann))
      for (const p of ann.items)
        if (isScalar(p.key)) annotations.set(String(p.key.value), str(p.value) ?? '');
    out.push({
      kind: str(root.get('kind', true)) ?? '',
      name: (isMap(metadata) ? str(metadata.get('name', true)) : undefined) ?? '',
      title: isMap(metadata) ? str(metadata.get('title', true)) : undefined,
      owner: isMap(spec) ? str(spec.get('owner', true)) : undefined,
      spec: isMap(spec) ? spec : undefined,
      annotations,
      line: lines.linePos(root.range[0]).line,
    });
  }
  return out;
}

/**
 * Backstage catalog files as import rules: a file with one `Component` owns the directory it sits in
 * (the catalog does not say which paths a component covers, so a file with several components is
 * named, not guessed); `Group`s become teams (with their `spec.members`), `User`s people; the
 * owner reference decides the team (`group:`) or the owner (`user:`). Systems, APIs and resources
 * own no paths and are named in the notes.
 */
export function fromBackstageCatalog(files: readonly SourceFile[]): ImportDraft {
  const draft = emptyDraft('Backstage catalog files');
  for (const file of files) {
    const entities = readEntities(file, draft);
    const dir = file.path.split('/').slice(0, -1).join('/');
    const components = entities.filter(e => e.kind === 'Component');
    for (const e of entities) {
      if (e.kind === 'Group') {
        const list = e.spec?.get('members', true) as unknown;
        const members = isSeq(list)
          ? list.items
              .map(str)
              .filter((m): m is string => !!m)
              .map(m => entityRef(m).name)
          : [];
        const profile = e.spec?.get('profile', true);
        draft.teams.push({
          id: slugify(e.name) || e.name,
          name: (isMap(profile) ? str(profile.get('displayName', true)) : undefined) ?? e.title,
          members,
          github: e.annotations.get('github.com/team-slug'),
        });
      } else if (e.kind === 'User') {
        const profile = e.spec?.get('profile', true);
        const email = isMap(profile) ? str(profile.get('email', true)) : undefined;
        draft.people.push({
          login: e.name,
          name: isMap(profile) ? str(profile.get('displayName', true)) : undefined,
          emails: email ? [email] : [],
        });
      } else if (e.kind !== 'Component' && e.kind !== '') {
        draft.notes.push({
          file: file.path,
          line: e.line,
          kind: 'not-imported',
          message: `${e.kind} "${e.name}" (owner ${e.owner ?? 'none'}) owns no paths of the repository; only components are imported`,
        });
      }
    }
    if (components.length > 1) {
      for (const c of components)
        draft.notes.push({
          file: file.path,
          line: c.line,
          kind: 'not-imported',
          message: `Component "${c.name}" shares this file with ${components.length - 1} other component(s): the catalog does not say which paths each covers; give each its own catalog-info.yaml in its directory, or add it to OWNERS.yaml by hand`,
        });
      continue;
    }
    const c = components[0];
    if (!c) continue;
    const ref = c.owner ? entityRef(c.owner) : undefined;
    const teamSlug = c.annotations.get('github.com/team-slug');
    const team = ref?.kind === 'group' ? slugify(ref.name) || ref.name : undefined;
    if (team && !draft.teams.some(t => t.id === team))
      draft.teams.push({ id: team, name: ref!.name, members: [], github: teamSlug });
    if (!ref)
      draft.notes.push({
        file: file.path,
        line: c.line,
        kind: 'not-imported',
        message: `Component "${c.name}" names no owner`,
      });
    else if (ref.kind !== 'group' && ref.kind !== 'user')
      draft.notes.push({
        file: file.path,
        line: c.line,
        kind: 'not-imported',
        message: `owner "${c.owner}" of "${c.name}" is neither a group nor a user`,
      });
    draft.rules.push({
      pattern: dir === '' ? '*' : `/${dir}/`,
      owners: [],
      file: file.path,
      line: c.line,
      name: c.name,
      team,
      owner: ref?.kind === 'user' ? { login: ref.name } : undefined,
      extra: { 'backstage-component': c.name, ...(c.title ? { 'backstage-title': c.title } : {}) },
    });
  }
  return draft;
}
