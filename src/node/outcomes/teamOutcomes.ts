/** Each team's `outcomes` for `report --json` (docs/figures.md ("Outcome values")): entries as at the window's end, with their history over it. */
import type { TeamOutcome } from '../../core/figures/reportJson';
import { teamOutcomeIds } from '../../core/outcomes/status';
import type { OwnersModel } from '../../core/owners/model';
import { HistoryWindow, OutcomeReader } from './outcomeReader';

export type { TeamOutcome };

/**
 * Team id -> its outcomes (components in file order, each component's list in order, each
 * outcome once). Values are read as at `until` 00:00Z, or now when that is later (a window
 * ending tomorrow). Every distinct outcome is read once, all in parallel.
 */
export async function teamOutcomes(
  model: OwnersModel,
  reader: OutcomeReader,
  teams: readonly string[],
  window: HistoryWindow,
  nowMs: number,
): Promise<Map<string, TeamOutcome[]>> {
  const ids = new Map(
    teams.map(team => [team, teamOutcomeIds(model.components.values(), team, model.outcomes)]),
  );
  const distinct = [...new Set([...ids.values()].flat())];
  const untilMs = Math.min(Date.parse(`${window.until}T00:00:00Z`), nowMs);
  const read = await Promise.all(
    distinct.map(async id => {
      const outcome = model.outcomes.get(id)!;
      const [[entry], history] = await Promise.all([
        reader.entries([outcome], untilMs),
        reader.history(outcome, window),
      ]);
      return [id, { ...entry, history }] as const;
    }),
  );
  const byId = new Map(read);
  return new Map([...ids].map(([team, list]) => [team, list.map(id => byId.get(id)!)]));
}
