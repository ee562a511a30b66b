// Each outcome's history against its target, drawn over the same window as the output by month
// (same month ticks), so a lead reads output and result together. Text only through DOM text nodes.
import {
  outcomeScale,
  outcomeWords,
  targetMarks,
  TeamOutcomeView,
} from '../../src/core/outcomes/teamOutcomeView';
import { valueText } from '../../src/core/outcomes/wording';
import { monthsWindow } from '../../src/core/report/monthsWindow';
import type { TeamReportView } from '../../src/core/report/teamReport';
import { el, sized, svg } from './dom';

const DAY = 86_400_000;
const MAX_WIDTH = 680;

function chart(o: TeamOutcomeView, window: { since: string; until: string }): HTMLElement {
  const start = Date.parse(`${window.since}T00:00:00Z`),
    end = Date.parse(`${window.until}T00:00:00Z`) - DAY;
  return sized('chart-box', (width, fontPx) => {
    const px = Math.max(11, fontPx - 1);
    const W = Math.min(width, MAX_WIDTH),
      H = 140,
      T = 8,
      B = px + 10,
      L = 8 + Math.ceil(7 * px * 0.62),
      R = 8;
    const { low, high } = outcomeScale(o);
    const x = (ms: number) =>
      L + (end > start ? ((ms - start) / (end - start)) * (W - L - R) : (W - L - R) / 2);
    const y = (v: number) => T + (1 - (v - low) / (high - low)) * (H - T - B);
    const parts: SVGElement[] = [];
    const marks = targetMarks(o);
    if (marks.band)
      parts.push(
        svg('rect', {
          x: L,
          width: W - L - R,
          y: y(marks.band[1]),
          height: Math.max(1, y(marks.band[0]) - y(marks.band[1])),
          class: 'target-band',
        }),
      );
    if (marks.line !== undefined)
      parts.push(
        svg('line', {
          x1: L,
          x2: W - R,
          y1: y(marks.line),
          y2: y(marks.line),
          class: 'target-line',
        }),
      );
    for (const v of [low, high])
      parts.push(
        svg(
          'text',
          { x: L - 4, y: y(v) + px / 3, 'text-anchor': 'end', class: 'axis', 'font-size': px },
          valueText(Math.round(v * 100) / 100, ''),
        ),
      );
    // Month starts, as in the output chart; a label only where it fits whole (never cut at the right edge, never over the previous one).
    const labelWidth = Math.ceil(5 * px * 0.62);
    let free = L;
    for (
      let d = new Date(start);
      d.getTime() <= end;
      d = new Date(Date.UTC(d.getUTCFullYear(), d.getUTCMonth() + 1, 1))
    ) {
      const first = Date.UTC(d.getUTCFullYear(), d.getUTCMonth(), 1);
      if (first >= start)
        parts.push(svg('line', { x1: x(first), x2: x(first), y1: T, y2: H - B, class: 'grid' }));
      const lx = x(Math.max(first, start)) + 2;
      if (lx >= free && lx + labelWidth <= W - R) {
        parts.push(
          svg(
            'text',
            { x: lx, y: H - 2, class: 'axis', 'font-size': px },
            new Date(first).toISOString().slice(2, 7),
          ),
        );
        free = lx + labelWidth + 4;
      }
    }
    const pts = o.history.map(p => ({ x: x(Date.parse(`${p.date}T00:00:00Z`)), y: y(p.value), p }));
    if (pts.length > 1)
      parts.push(
        svg('polyline', {
          points: pts.map(p => `${p.x},${p.y}`).join(' '),
          class: `outcome-series outcome-${o.status}`,
        }),
      );
    // A point per value only when there are few (a year of daily points would be a smear of circles).
    if (pts.length <= 62)
      for (const p of pts)
        parts.push(
          svg(
            'circle',
            { cx: p.x, cy: p.y, r: 3, class: `point outcome-${o.status}` },
            svg('title', {}, `${p.p.date}: ${valueText(p.p.value, o.unit)}`),
          ),
        );
    return [
      svg(
        'svg',
        {
          width: W,
          height: H,
          viewBox: `0 0 ${W} ${H}`,
          role: 'img',
          'aria-label': outcomeWords(o),
          class: 'chart outcome-chart',
        },
        ...parts,
      ),
    ];
  });
}

const STATUS_WORDS = { met: 'met', missed: 'MISSED', unknown: 'unknown' } as const;

/** The outcomes section: one chart per outcome with its value, target and status; unknown says why. */
export function outcomeSection(r: TeamReportView): HTMLElement | string {
  const list = r.outcomeValues ?? [];
  if (!list.length) return '';
  return el(
    'section',
    { 'aria-labelledby': 'outcomes-h' },
    el('h2', { id: 'outcomes-h' }, 'Outcomes against their targets, over the same months'),
    ...list.map(o =>
      el(
        'div',
        { class: `outcome outcome-${o.status}` },
        el(
          'h3',
          {},
          o.name,
          ' ',
          el('span', { class: `badge badge-${o.status}` }, STATUS_WORDS[o.status]),
          el(
            'span',
            { class: 'sub' },
            ` ${valueText(o.value, o.unit)}${o.target ? ` · target ${o.target}` : ' · no target'}`,
          ),
        ),
        ...(o.status === 'unknown'
          ? [el('p', { class: 'sub' }, `Unknown: ${o.reason ?? ''}`)]
          : []),
        chart(o, monthsWindow(r)),
        el('p', { class: 'sub' }, outcomeWords(o)),
      ),
    ),
  );
}
