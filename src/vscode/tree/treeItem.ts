import * as vscode from 'vscode';
import { leadOwnership } from '../../core/metrics/compute';
import { teamRowGlance } from './teamGlance';
import { SIGNAL_WORDS } from '../../core/report/wording';
import {
  componentFiguresDescription,
  suggestionFor,
  ownershipOnlyTooltip,
  signalIcon,
  teamFlagDescription,
  teamFlagTooltip,
} from './teamFlag';
import { pullRequestStatusItem } from './statusItem';
import { Commands, ContextValues } from '../ids';
import { pct, windowLabel } from '../../core/report/teamReport';
import { teamName } from '../../core/owners/displayNames';
import type { MetricsSettings } from '../../core/owners/model';
import { outcomeLine, plain } from '../markdown';
import { count, num } from '../../core/format';
import { onPurposeWords } from '../../core/owners/unownedWords';
import { Node, SECTION_LABELS } from './nodes';
import { groupComponents } from './children';
import { showComponentOutcomes, showOutcomeState } from './outcomeRow';

const None = vscode.TreeItemCollapsibleState.None;
const Collapsed = vscode.TreeItemCollapsibleState.Collapsed;
const Expanded = vscode.TreeItemCollapsibleState.Expanded;
const repositories = (n: number) => `${n} ${n === 1 ? 'repository' : 'repositories'}`;

/** The TreeItem of a node: label, description, icon, stable id and a contextValue of kind + flags. */
export function treeItem(node: Node): vscode.TreeItem {
  const item = build(node);
  item.id = node.id;
  return item;
}

function build(node: Node): vscode.TreeItem {
  const { state } = node;
  switch (node.kind) {
    case 'folder':
      return withIcon(
        new vscode.TreeItem(node.state.folder.name, node.collapsed ? Collapsed : Expanded),
        'root-folder',
        ContextValues.folder,
      );
    case 'team': {
      const item = withIcon(
        new vscode.TreeItem(node.team.name ?? node.team.id, Expanded),
        'organization',
        ContextValues.team,
      );
      const n = groupComponents(node).length;
      // An import's guess stays visibly a guess until someone confirms it (deletes `x-guessed`).
      const guessed = node.team.guessed?.some(g => g.field === 'lead') ? ' (guessed)' : '';
      item.description = node.team.lead
        ? `lead ${node.team.lead}${guessed} · ${count(n, 'component')}`
        : count(n, 'component');
      item.tooltip = plain(
        `Team ${node.team.id}\nLead: ${node.team.lead || '(none)'}${guessed}\nMembers: ${node.team.members.join(', ') || '(none)'}`,
      );
      const read = teamRowGlance(node);
      if (read && node.figures) {
        const { figures, assessment, glance } = read;
        // The signal to act on (or a check), the lead's share and its direction: readable at the default sidebar width.
        item.iconPath = glance.signal ? signalIcon([glance.signal]) : signalIcon([]);
        item.description = glance.state;
        // a screen reader hears the direction in words, not an arrow
        item.accessibilityInformation = {
          label: `${node.team.name ?? node.team.id}: ${glance.state.replace(/ [↓↑→]$/, '')}${assessment.trend.direction === 'unknown' ? '' : `, ${assessment.trend.direction}`}. Next: ${glance.next}.`,
        };
        item.tooltip = teamFlagTooltip(
          figures,
          node.figures.report.window,
          flagThresholds(state.model.metrics),
          node.figures.data.fetchedAt,
          teamName(state.model, node.team.id),
          assessment,
        );
        item.contextValue = [
          `${ContextValues.team} reportable flag-${figures.flag}`,
          ...figures.signals.map(s => `signal-${s}`),
        ].join(' ');
      } else if (node.team.id) {
        // No pull-request data (or no GitHub at all): OWNERS.yaml alone says whether the lead holds the ownership.
        const owned = leadOwnership(state.model, node.team.id);
        if (owned.holdsOwnership) {
          item.iconPath = signalIcon(['holds-ownership']);
          item.description = `${item.description} · ${SIGNAL_WORDS['holds-ownership'].label}`;
          item.tooltip = ownershipOnlyTooltip(
            teamName(state.model, node.team.id),
            node.team.lead,
            owned,
            state.model.metrics.leadOwnershipThreshold,
          );
          item.contextValue = `${ContextValues.team} signal-holds-ownership`;
        }
      }
      return item;
    }
    case 'stale': {
      const error = node.state.stale!.error;
      const item = withIcon(
        new vscode.TreeItem('OWNERS.yaml has an error: showing its last good version', None),
        'warning',
        ContextValues.stale,
      );
      item.description = `line ${error.span.line}: ${error.message}`;
      item.tooltip = plain(
        `${vscode.workspace.asRelativePath(node.state.ownersUri)}, line ${error.span.line}, column ${error.span.column}: ${error.message}\nEverything below is the file as it was before this error. Click to go to the error.`,
      );
      item.command = {
        command: 'vscode.open',
        title: 'Go to the error',
        arguments: [
          node.state.ownersUri,
          {
            selection: new vscode.Range(
              error.span.line - 1,
              error.span.column - 1,
              error.span.endLine - 1,
              error.span.endColumn - 1,
            ),
          },
        ],
      };
      item.accessibilityInformation = {
        label: `OWNERS.yaml has an error at line ${error.span.line}: ${error.message}. The tree shows its last good version.`,
      };
      return item;
    }
    case 'teamsAcross': {
      const { result, pending, leftOut } = node.view;
      const item = withIcon(
        new vscode.TreeItem(
          `Teams across ${repositories(result.repositories.length + pending.length)}`,
          Expanded,
        ),
        'repo',
        ContextValues.teamsAcross,
      );
      item.description = `${num(result.report.pullRequests)} pull requests${pending.length ? ` · ${pending.length} not fetched yet` : ''}${leftOut.length ? ` · ${leftOut.length} left out` : ''}`;
      item.tooltip = plain(
        [
          'Team ids are organisation-wide: a team that owns components in several repositories is shown once, its figures summed over the pull requests of all of them (never an average of shares).',
          `Summed: ${result.repositories.join(', ')}.`,
          pending.length
            ? `Not fetched yet (Refresh Pull Request Data): ${pending.join(', ')}.`
            : '',
          ...leftOut.map(x => `Left out: ${x.repo}: ${x.why}.`),
          `Merged from ${windowLabel(node.view.window)}, the window and thresholds of the first folder's OWNERS.yaml (a folder's own rows use its own); oldest fetch ${node.view.fetchedAt.replace('T', ' ').slice(0, 16)} UTC.`,
          'Further repositories: the setting ownershipLens.teams.otherRepositories.',
        ]
          .filter(Boolean)
          .join('\n'),
      );
      return item;
    }
    case 'teamAcross': {
      const repos = node.view.result.byRepository.get(node.figures.team)?.length ?? 0;
      const item = withIcon(
        new vscode.TreeItem(node.name, Collapsed),
        'organization',
        `${ContextValues.teamAcross} ${node.figures.signals.map(s => `signal-${s}`).join(' ')}`,
      );
      item.iconPath = signalIcon(node.figures.signals);
      item.description = `lead ${node.figures.lead} · ${teamFlagDescription(node.figures).replace(/^lead /, '')} · ${repositories(repos)}`;
      item.tooltip = teamFlagTooltip(
        node.figures,
        node.view.window,
        node.view.thresholds,
        node.view.fetchedAt,
        node.name,
      );
      return item;
    }
    case 'teamInRepository': {
      const item = withIcon(
        new vscode.TreeItem(node.repo, None),
        'repo',
        ContextValues.teamInRepository,
      );
      const f = node.figures;
      // The breakdown, not a verdict: the signals belong to the team over all its repositories.
      item.description = `lead ${pct(f.leadShare)} of ${num(f.lines)} lines · ${count(f.pullRequests, 'pull request')}`;
      item.tooltip = teamFlagTooltip(
        f,
        node.view.window,
        node.view.thresholds,
        node.view.fetchedAt,
        node.parent.kind === 'teamAcross' ? `${node.parent.name} in ${node.repo}` : node.repo,
      );
      return item;
    }
    case 'pullRequests':
      return pullRequestStatusItem({
        data: node.data,
        trusted: vscode.workspace.isTrusted,
        counted: node.counted,
      });
    case 'person': {
      const item = withIcon(
        new vscode.TreeItem(node.login, Expanded),
        'person',
        ContextValues.person,
      );
      item.description = [
        state.model.people.get(node.login.toLowerCase())?.name,
        count(groupComponents(node).length, 'component'),
      ]
        .filter(Boolean)
        .join(' · ');
      return item;
    }
    case 'outcomeGroup': {
      const item = withIcon(
        new vscode.TreeItem(
          node.outcome ? (node.outcome.name ?? node.outcome.id) : 'No outcome',
          Expanded,
        ),
        'graph',
        ContextValues.outcomeGroup,
      );
      item.description = node.outcome?.target ? `target ${node.outcome.target}` : undefined;
      if (node.outcome) item.tooltip = outcomeLine(node.outcome);
      if (node.outcome) showOutcomeState(item, node.outcome, state.folder.uri.toString());
      return item;
    }
    case 'component': {
      const c = node.component;
      const item = withIcon(
        new vscode.TreeItem(c.name ?? c.id, Collapsed),
        'package',
        [ContextValues.component, c.handoffs.length ? 'handedOff' : ''].filter(Boolean).join(' '),
      );
      // Until the file list arrives a count would say "0 files": show the owner alone.
      item.description = state.coverageReady()
        ? `${c.owner} · ${count(state.coverage().componentFiles.get(c.id) ?? 0, 'file')}`
        : c.owner;
      const f = node.figures?.components.get(c.id);
      if (f) {
        const s = suggestionFor(state.model, node.figures!.report.teams, f);
        item.description = componentFiguresDescription(
          f,
          node.figures!.report.window.until,
          c.owner,
          state.coverageReady() ? (state.coverage().componentFiles.get(c.id) ?? 0) : undefined,
          s,
        );
        if (s.delegate) item.contextValue = `${item.contextValue} delegable`;
      }
      item.command = {
        command: Commands.revealInOwners,
        title: 'Reveal in OWNERS.yaml',
        arguments: [node],
      };
      showComponentOutcomes(item, state.model, c, state.folder.uri.toString());
      return item;
    }
    case 'section': {
      const size =
        node.section === 'paths'
          ? node.component.paths.length
          : node.component[node.section].length;
      const item = withIcon(
        new vscode.TreeItem(
          SECTION_LABELS[node.section],
          node.section === 'outcomes' ? Expanded : Collapsed,
        ),
        'list-unordered',
        `${ContextValues.section} ${node.section}`,
      );
      item.description = String(size);
      return item;
    }
    case 'detail': {
      const item = withIcon(
        new vscode.TreeItem(node.label, None),
        node.icon,
        node.action ? `${ContextValues.detail} action` : ContextValues.detail,
      );
      item.description = node.description;
      if (node.tooltip) item.tooltip = plain(node.tooltip);
      if (node.action) item.command = node.action;
      return item;
    }
    case 'outcome': {
      const item = withIcon(
        new vscode.TreeItem(node.outcome.name ?? node.outcome.id, None),
        'graph',
        'outcome',
      );
      item.description =
        [node.outcome.target && `target ${node.outcome.target}`, node.outcome.link && 'dashboard']
          .filter(Boolean)
          .join(' · ') || undefined;
      item.tooltip = outcomeLine(node.outcome);
      showOutcomeState(item, node.outcome, state.folder.uri.toString());
      return item;
    }
    case 'pattern': {
      if (!state.coverageReady())
        return withIcon(
          new vscode.TreeItem(node.pattern.pattern, None),
          'file-submodule',
          ContextValues.pattern,
        );
      const cov = state.coverage();
      const files = cov.patternFiles[node.pattern.index] ?? 0;
      const shadowed = files > 0 && (cov.patternWins[node.pattern.index] ?? 0) === 0;
      const item = withIcon(
        new vscode.TreeItem(node.pattern.pattern, None),
        shadowed || files === 0 ? 'warning' : 'file-submodule',
        [ContextValues.pattern, shadowed ? 'shadowed' : '', files === 0 ? 'dead' : '']
          .filter(Boolean)
          .join(' '),
      );
      item.description =
        files === 0 ? 'matches no file' : `${count(files, 'file')}${shadowed ? ' · shadowed' : ''}`;
      return item;
    }
    case 'handoff': {
      const h = node.handoff;
      const item = withIcon(
        new vscode.TreeItem(`Last handoff: ${h.from} → ${h.to}`, None),
        'history',
        ContextValues.handoff,
      );
      item.description = h.date;
      item.tooltip = plain(
        [
          `${h.date}: ${h.from} → ${h.to}`,
          h.notes,
          ...h.decisions.map(d => `Open decision: ${d}`),
          ...h.stakeholders.map(s => `Stakeholder: ${s}`),
        ]
          .filter(Boolean)
          .join('\n'),
      );
      return item;
    }
    case 'unowned': {
      if (!state.coverageReady())
        return Object.assign(
          withIcon(new vscode.TreeItem('Unowned', None), 'question', ContextValues.unowned),
          { description: 'counting files…' },
        );
      const cov = state.coverage();
      const item = withIcon(
        new vscode.TreeItem('Unowned', cov.unownedFolders.length ? Collapsed : None),
        'question',
        ContextValues.unowned,
      );
      const unowned = cov.totalFiles - cov.ownedFiles;
      item.description = `${Math.round(cov.share * 1000) / 10}% of ${count(cov.totalFiles, 'file')} owned · ${num(unowned)} unowned`;
      item.tooltip = plain(
        [
          `${count(unowned, 'file')} of ${num(cov.totalFiles)} without an owner.`,
          cov.onPurposeFiles
            ? `${num(unowned - cov.onPurposeFiles)} no component claims; ${num(cov.onPurposeFiles)} unowned on purpose (a pattern under unowned: in OWNERS.yaml wins them), marked below.`
            : '',
          cov.onPurposeFiles
            ? "Files unowned on purpose count as unowned in the figure, as in the CLI's coverage."
            : '',
        ]
          .filter(Boolean)
          .join('\n'),
      );
      return item;
    }
    case 'unownedFolder': {
      const all = node.onPurpose > 0 && node.onPurpose === node.files;
      const label = node.folder && node.folder !== '.' ? node.folder + '/' : '(repository root)';
      const item = withIcon(
        new vscode.TreeItem(label, None),
        all ? 'pass' : 'folder',
        node.onPurpose ? `${ContextValues.unownedFolder} onPurpose` : ContextValues.unownedFolder,
      );
      const why = node.pattern ? onPurposeWords(node.pattern) : 'unowned on purpose';
      item.description = !node.onPurpose
        ? count(node.files, 'file')
        : all
          ? `${count(node.files, 'file')} · ${why}`
          : `${count(node.files, 'file')} · ${num(node.onPurpose)} ${why}`;
      const by = node.pattern
        ? `the pattern ${node.pattern} under unowned: in OWNERS.yaml`
        : 'a pattern under unowned: in OWNERS.yaml';
      if (all)
        item.tooltip = plain(
          `${label}: ${count(node.files, 'file')} unowned on purpose: ${by} wins ${node.files === 1 ? 'it' : 'them'}. Not a gap to fill; still counted as unowned in the coverage figure.`,
        );
      else if (node.onPurpose)
        item.tooltip = plain(
          `${label}: ${count(node.files, 'file')} without an owner: ${num(node.onPurpose)} unowned on purpose (${by} wins them), ${num(node.files - node.onPurpose)} claimed by no component.`,
        );
      return item;
    }
  }
}

/** The thresholds a folder's OWNERS.yaml judges its teams by, for the team tooltips. */
function flagThresholds(m: MetricsSettings) {
  return {
    leadShare: m.leadShareThreshold,
    watch: m.watchThreshold,
    minPullRequests: m.minPullRequests,
    bottleneck: m.bottleneckThreshold,
    leadOwnership: m.leadOwnershipThreshold,
  };
}

function withIcon(item: vscode.TreeItem, icon: string, contextValue: string): vscode.TreeItem {
  item.iconPath = new vscode.ThemeIcon(icon);
  item.contextValue = contextValue;
  return item;
}
