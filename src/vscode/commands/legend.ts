import * as vscode from 'vscode';
import type { Ctx } from '../context';
import { Commands } from '../ids';
import { command } from '../log';
import { SIGNAL_WORDS } from '../../core/report/wording';

/** Every icon of the Ownership view, with what it stands for (the codicons the tree items use). */
export const LEGEND: { icon: string; label: string; detail: string }[] = [
  {
    icon: 'flame',
    label: SIGNAL_WORDS['doing-the-work'].label,
    detail: SIGNAL_WORDS['doing-the-work'].meaning,
  },
  {
    icon: 'debug-pause',
    label: SIGNAL_WORDS.bottleneck.label,
    detail: SIGNAL_WORDS.bottleneck.meaning,
  },
  {
    icon: 'key',
    label: SIGNAL_WORDS['holds-ownership'].label,
    detail: SIGNAL_WORDS['holds-ownership'].meaning,
  },
  { icon: 'eye', label: SIGNAL_WORDS.watch.label, detail: SIGNAL_WORDS.watch.meaning },
  {
    icon: 'circle-slash',
    label: SIGNAL_WORDS.absent.label,
    detail: "The lead authored and reviewed none of the team's merged pull requests in the window.",
  },
  {
    icon: 'history',
    label: SIGNAL_WORDS['lead-inactive'].label,
    detail: 'No pull request by or reviewed by the lead in the last days of the window.',
  },
  {
    icon: 'info',
    label: 'lead not found in the history · reviews unknown',
    detail:
      "The git source cannot tell the lead's changes apart, or the history has no review trailers.",
  },
  {
    icon: 'question',
    label: SIGNAL_WORDS['insufficient-data'].label,
    detail: SIGNAL_WORDS['insufficient-data'].meaning,
  },
  {
    icon: 'pass',
    label: 'ok, or nothing to act on',
    detail:
      'No signal holds, or only what a team of this size cannot avoid (a lead plus one has no second approver).',
  },
  {
    icon: 'arrow-down',
    label: '62% ↓ · 62% ↑ · 62% →',
    detail:
      "The lead's share of the team's changed lines, falling, rising or steady over the last three whole months.",
  },
  {
    icon: 'lightbulb',
    label: 'Next: …',
    detail:
      'The one next step for the team; its tooltip says why. A click on "hand … to …" starts that handoff.',
  },
  {
    icon: 'arrow-swap',
    label: 'could go to …',
    detail: 'The lead owns this component; the person named wrote the most of it besides the lead.',
  },
  {
    icon: 'package',
    label: 'component',
    detail:
      'Its owner, then changed lines (a line added or removed) in merged pull requests over the window, and the files it holds.',
  },
  {
    icon: 'organization',
    label: 'team',
    detail: 'Before pull-request data: its lead and components.',
  },
  {
    icon: 'question',
    label: 'Unowned',
    detail: 'Files no component claims; the folders with the gaps to fill are listed first.',
  },
  {
    icon: 'pass',
    label: 'unowned on purpose',
    detail: 'A pattern under unowned: in OWNERS.yaml wins these files.',
  },
  {
    icon: 'warning',
    label: 'pattern matches nothing, or is shadowed',
    detail: 'A path pattern that matches no file, or whose files a later pattern wins.',
  },
  {
    icon: 'history',
    label: 'Last handoff',
    detail: "The component's latest handoff record: who to whom, when, with notes.",
  },
];

/** `ownershipLens.showLegend`: the view's `?` button, a list of every icon with its meaning. */
export function registerLegend(ctx: Ctx): void {
  ctx.subscriptions.push(
    command(Commands.showLegend, ctx.log, async () => {
      const items = LEGEND.map(e => ({ label: `$(${e.icon}) ${e.label}`, detail: e.detail }));
      await vscode.window.showQuickPick(items, {
        title: 'What the icons of the Ownership view mean',
        placeHolder:
          'Signals describe merged pull requests and OWNERS.yaml, never a rating of a person',
        matchOnDetail: true,
      });
      return LEGEND.length;
    }),
  );
}
