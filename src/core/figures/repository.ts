import type { PathResolutions } from '../metrics/attribute';
import { computeLeadReport } from '../metrics/compute';
import type { GeneratedFiles } from '../metrics/gitattributes';
import type { OwnershipOptions } from '../metrics/inPractice';
import type { MonthlyShare } from '../metrics/monthly';
import type {
  ChangeRecord,
  ComponentFigures,
  HistoryFacts,
  LeadReport,
  ReportWindow,
} from '../metrics/types';
import type { OwnershipIndex } from '../owners/resolve';
import { shapeReport } from './teamOnly';

/** One repository's inputs, already read: its OWNERS.yaml (as an index), its changes, its .gitattributes. */
export interface RepositoryInput {
  index: OwnershipIndex;
  /** Merged pull requests (GitHub) or change records (the git history) covering the windows asked for. */
  changes: readonly ChangeRecord[];
  generated?: GeneratedFiles;
  /** Ownership in practice in the flags' window: knowledge from git, reviews known, who the history sees. */
  ownership?: OwnershipOptions;
  /** What the source cannot know (the git source); the GitHub source knows reviews and every lead. */
  facts?: HistoryFacts;
}

/** Every figure of one repository: what the CLI prints and the editor shows. */
export interface RepositoryFigures {
  /** The flags' window: teams, signals, components, evidence, knowledge. */
  report: LeadReport;
  /** Per team, its months over the trend window (empty without one). */
  monthly: Map<string, MonthlyShare[]>;
  /** Per component id, its figures in the flags' window. */
  components: Map<string, ComponentFigures>;
  /** The trend window the months cover (the flags' window when none was asked for). */
  trend: ReportWindow;
  /** Team-only mode: no individual but each team's lead is named anywhere in these figures. */
  teamOnly: boolean;
}

/** The report of one window (ownership in practice as given). */
export function windowReport(
  input: RepositoryInput,
  window: ReportWindow,
  resolutions?: PathResolutions,
): LeadReport {
  return computeLeadReport(
    input.index,
    input.changes,
    window,
    { generated: input.generated, resolutions, ...input.ownership },
    input.facts,
  );
}

/**
 * docs/figures.md for one repository: the report in the flags' window, the months over the trend
 * window (when given), the components map, in team-only form when asked. Both windows resolve
 * the same paths: the resolutions are shared.
 */
export function repositoryFigures(
  input: RepositoryInput,
  windows: { flag: ReportWindow; trend?: ReportWindow },
  teamOnly = false,
): RepositoryFigures {
  const resolutions: PathResolutions = new Map();
  const report = windowReport(input, windows.flag, resolutions);
  const trendReport =
    windows.trend &&
    computeLeadReport(
      input.index,
      input.changes,
      windows.trend,
      { generated: input.generated, resolutions },
      input.facts,
    );
  return shapeFigures(
    figuresOfReports(report, trendReport, windows.trend ?? windows.flag),
    teamOnly,
  );
}

/** The figures of a flags' window report and a trend window report computed elsewhere (the git source's child process). */
export function figuresOfReports(
  report: LeadReport,
  trendReport: LeadReport | undefined,
  trend: ReportWindow,
): RepositoryFigures {
  return {
    report,
    monthly: new Map((trendReport?.teams ?? []).map(t => [t.team, t.months])),
    components: componentsOf(report),
    trend,
    teamOnly: false,
  };
}

/** The figures as the team-only mode wants them (a new object; the full figures are left as they are). */
export function shapeFigures<F extends RepositoryFigures>(figures: F, teamOnly: boolean): F {
  if (!teamOnly || figures.teamOnly) return figures;
  const report = shapeReport(figures.report, true);
  return { ...figures, report, components: componentsOf(report), teamOnly: true };
}

function componentsOf(report: LeadReport): Map<string, ComponentFigures> {
  return new Map(report.teams.flatMap(t => t.componentFigures.map(c => [c.component, c] as const)));
}
