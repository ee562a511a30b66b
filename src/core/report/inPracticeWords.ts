import type { ComponentFigures } from '../metrics/types';
import type { ComponentSuggestion } from './candidates';

/** What the ownership-in-practice figures are, and are not: every view that shows them carries it. */
export const HISTORY_NOT_WORTH =
  'These figures read the history (merged changes, reviews, who added and changed each file): ' +
  "they describe where knowledge and activity sit, not anyone's skill or worth.";

/** Whole days from `day` (YYYY-MM-DD) to `until` (YYYY-MM-DD). */
export function daysBetween(day: string, until: string): number {
  return Math.round(
    (Date.parse(`${until}T00:00:00Z`) - Date.parse(`${day}T00:00:00Z`)) / 86_400_000,
  );
}

/**
 * Short phrases for a component's tree row, most pressing first: "owned on paper only", "owner not
 * seen for N days", "bus factor 1: only bob knows it", "backup: carol". In team-only mode the
 * figures arrive with individuals already removed (holders, backup); the phrase then names no one.
 * With `suggestion` (see candidates.ts) the backup is the ranked candidate with why, not the raw figure;
 * none when the lead owns the component (the view says "could go to" instead).
 */
export function componentPracticePhrases(
  c: ComponentFigures,
  until: string,
  suggestion?: ComponentSuggestion,
): string[] {
  const out: string[] = [];
  if (c.signals.includes('nominal-owner')) out.push('owned on paper only');
  if (c.signals.includes('owner-inactive')) {
    out.push(
      c.ownerLastActive
        ? `owner not seen for ${daysBetween(c.ownerLastActive, until)} days`
        : 'owner not seen in the window',
    );
  }
  const k = c.knowledge;
  if (k && k.files > 0) {
    if (k.busFactor === 1)
      out.push(
        k.holders.length > 0
          ? `bus factor 1: only ${k.holders[0].login} knows it`
          : 'bus factor 1: knowledge in one place',
      );
    else if (k.busFactor === 0)
      out.push(
        k.knownFiles === 0
          ? 'no one knows it from the history'
          : 'bus factor 0: most files known by no one',
      );
    else out.push(`bus factor ${k.busFactor}`);
  }
  if (suggestion) {
    if (suggestion.backup)
      out.push(`backup: ${suggestion.backup.login} (${suggestion.backup.why})`);
  } else if (c.backup) out.push(`backup: ${c.backup}`);
  return out;
}

/**
 * The paragraph of a hover card on ownership in practice, as plain sentences (callers escape and
 * format): the owner's part in the component's changes, what the signals mean, where the
 * knowledge sits. Worded about the system, not the person.
 */
export function componentPracticeSentences(
  c: ComponentFigures,
  until: string,
  suggestion?: ComponentSuggestion,
): string[] {
  const out: string[] = [];
  if (c.ownerPullRequests !== null) {
    const reviews = c.ownerReviews === null ? '' : ` and reviewed ${c.ownerReviews} of the others'`;
    const last = c.ownerLastActive ? `, last on ${c.ownerLastActive}` : '';
    out.push(
      `The owner ${c.owner} authored ${c.ownerPullRequests} of its ${c.pullRequests} merged changes${reviews}${last}.`,
    );
  }
  if (c.signals.includes('nominal-owner')) {
    out.push(
      'Owned on paper only: the changes to it in this window came and were reviewed without the owner. Worth asking whether the ownership still reflects who carries it, or whether the owner needs time for it.',
    );
  }
  if (c.signals.includes('owner-inactive')) {
    out.push(
      c.ownerLastActive
        ? `The owner has not been seen in the repository's merged changes for ${daysBetween(c.ownerLastActive, until)} days (leave, another project or work outside pull requests look the same here).`
        : "The owner has not been seen in the repository's recent merged changes (leave, another project or work outside pull requests look the same here).",
    );
  }
  const k = c.knowledge;
  if (k && k.files > 0) {
    const who = k.holders.map(h => `${h.login} (${h.files})`).join(', ');
    out.push(
      `Knowledge: ${k.knownFiles} of ${k.files} files are known by someone${who ? `, most by ${who}` : ''}; bus factor ${k.busFactor}.`,
    );
    if (k.busFactor === 1)
      out.push('Knowledge of it is concentrated in one place: a handoff or a rotation spreads it.');
  }
  if (suggestion) {
    if (suggestion.backup)
      out.push(`Suggested backup: ${suggestion.backup.login} (${suggestion.backup.why}).`);
  } else if (c.backup)
    out.push(`Backup: ${c.backup}, who knows the most of its files besides the owner.`);
  return out;
}
