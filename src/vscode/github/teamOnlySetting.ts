import * as vscode from 'vscode';
import { Settings } from '../ids';
import { teamOnlyWanted } from '../../core/figures/teamOnly';
import type { OwnersState } from '../ownersState';

/** Team-only mode from the setting or from OWNERS.yaml (`metrics.teamOnly`): either one turns it on. */
export function teamOnlyMode(state: OwnersState): boolean {
  return teamOnlyWanted(
    state.parsed.model,
    vscode.workspace
      .getConfiguration(Settings.section, state.folder.uri)
      .get<boolean>(Settings.teamOnly) === true,
  );
}
