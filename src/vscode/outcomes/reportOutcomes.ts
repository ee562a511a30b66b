import { teamOutcomeIds } from '../../core/outcomes/status';
import type { TeamOutcomeView } from '../../core/outcomes/teamOutcomeView';
import { monthsWindow } from '../../core/report/monthsWindow';
import type { TeamReportView } from '../../core/report/teamReport';
import type { OwnersState } from '../ownersState';
import { OutcomeService } from './outcomeService';

/** The team report with its outcomes' state at the window's end and their history over the months shown (answers kept for the refresh interval). */
export async function withOutcomeValues(
  view: TeamReportView,
  state: OwnersState,
): Promise<TeamReportView> {
  const service = OutcomeService.current;
  const model = state.parsed.model;
  const ids = teamOutcomeIds(model.components.values(), view.team.id, model.outcomes);
  if (!service || ids.length === 0) return view;
  const untilMs = Date.parse(`${view.window.until}T00:00:00Z`);
  const outcomeValues: TeamOutcomeView[] = await Promise.all(
    ids.map(async id => {
      const outcome = model.outcomes.get(id)!;
      const [entry, history] = await Promise.all([
        service.entryAt(state, outcome, untilMs),
        service.history(state, outcome, monthsWindow(view)),
      ]);
      return { ...entry, name: outcome.name ?? outcome.id, unit: outcome.unit, history };
    }),
  );
  return { ...view, outcomeValues };
}
