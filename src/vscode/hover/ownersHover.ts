import * as vscode from 'vscode';
import { personOwnership } from '../../core/owners/personOwnership';
import { num } from '../../core/format';
import { code, esc, personCard, safeMarkdown } from '../markdown';
import { OwnersStore } from '../ownersStore';
import type { OwnersState } from '../ownersState';

const LOGIN_KEYS = /^\s*(?:owner|lead|from|to)\s*:\s*|^\s*members\s*:|^\s*-\s*/;

/** Inside OWNERS.yaml: a pattern's file count and whether it is shadowed; a login's components and teams. */
export class OwnersFileHoverProvider implements vscode.HoverProvider {
  constructor(private readonly store: OwnersStore) {}

  provideHover(doc: vscode.TextDocument, pos: vscode.Position): vscode.Hover | undefined {
    const current = this.store.stateFor(doc.uri);
    if (!current || doc.uri.toString() !== current.ownersUri.toString()) return undefined;
    const state =
      current.current.text === doc.getText()
        ? current
        : this.store.reparse(doc.uri, doc.getText())!;
    // The shown version is an older text while this one has an error: its offsets would point elsewhere.
    if (state.stale) return undefined;
    const offset = doc.offsetAt(pos);
    const pattern = state.model.patterns.find(p => p.span.offset <= offset && offset <= p.span.end);
    if (pattern) return this.patternHover(doc, state, pattern.index);
    return this.loginHover(doc, pos, state);
  }

  private patternHover(doc: vscode.TextDocument, state: OwnersState, index: number): vscode.Hover {
    const p = state.model.patterns[index];
    if (!state.coverageReady()) {
      const pending = safeMarkdown();
      pending.appendMarkdown(`Pattern ${code(p.pattern)}: counting the repository's files…`);
      return new vscode.Hover(
        pending,
        new vscode.Range(doc.positionAt(p.span.offset), doc.positionAt(p.span.end)),
      );
    }
    const cov = state.coverage();
    const files = cov.patternFiles[index] ?? 0;
    const wins = cov.patternWins[index] ?? 0;
    const md = safeMarkdown();
    // An `unowned` pattern is a decision, not a gap: say what the files it wins are.
    md.appendMarkdown(
      `Pattern ${code(p.pattern)} (${p.component ? `component ${esc(p.component)}` : `under ${code('unowned:')}: the files it wins are unowned on purpose`})\n\n`,
    );
    const some = (n: number) => `**${num(n)}** file${n === 1 ? '' : 's'}`;
    md.appendMarkdown(
      files === 0
        ? 'Matches **no file** in the repository.'
        : `Matches ${some(files)}; wins **${num(wins)}**${wins === 0 ? ' — **shadowed**: later patterns claim all of them.' : wins < files ? ` — later patterns take ${num(files - wins)}.` : ' — not shadowed.'}`,
    );
    return new vscode.Hover(
      md,
      new vscode.Range(doc.positionAt(p.span.offset), doc.positionAt(p.span.end)),
    );
  }

  private loginHover(
    doc: vscode.TextDocument,
    pos: vscode.Position,
    state: OwnersState,
  ): vscode.Hover | undefined {
    const range = doc.getWordRangeAtPosition(pos, /[A-Za-z0-9](?:[A-Za-z0-9-]*[A-Za-z0-9])?/);
    if (!range) return undefined;
    const word = doc.getText(range);
    const line = doc.lineAt(pos.line).text;
    const known =
      state.model.people.has(word.toLowerCase()) ||
      [...state.model.teams.values()].some(
        t =>
          t.lead.toLowerCase() === word.toLowerCase() ||
          t.members.some(m => m.toLowerCase() === word.toLowerCase()),
      ) ||
      [...state.model.components.values()].some(c => c.owner.toLowerCase() === word.toLowerCase());
    if (!known || !(LOGIN_KEYS.test(line) || /^\s{2}[\w-]+\s*:/.test(line))) return undefined;
    const p = personOwnership(state.model, word);
    if (!p.owns.length && !p.leads.length && !p.memberOf.length) {
      return new vscode.Hover(
        safeMarkdown().appendMarkdown(`**${esc(word)}** owns nothing and is in no team`),
        range,
      );
    }
    return new vscode.Hover(personCard(p), range);
  }
}
