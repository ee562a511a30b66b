// The report's two month charts, drawn in SVG at the box's real width (1 unit = 1 CSS pixel), so
// labels keep a readable size in a narrow panel: fewer month labels, never smaller ones.
import { isPartialMonth } from '../../src/core/metrics/months';
import { monthLabel, outputWords, roundScale, trendWords } from '../../src/core/report/reportText';
import { num, pct, TeamReportView, windowLabel } from '../../src/core/report/teamReport';
import { el, sized, svg } from './dom';

const MAX_WIDTH = 680;

/** Text in the chart: at least 11 px, one pixel under the body text. */
const labelPx = (fontPx: number) => Math.max(11, fontPx - 1);
/** A conservative width for `chars` characters of a label (digits, "%", "-"). */
const textWidth = (chars: number, px: number) => Math.ceil(chars * px * 0.62);

function text(
  x: number,
  y: number,
  label: string,
  cls: string,
  px: number,
  anchor: 'start' | 'middle' | 'end' = 'start',
): SVGElement {
  return svg('text', { x, y, 'text-anchor': anchor, class: cls, 'font-size': px }, label);
}

/** Month labels ("26-11") under the points at `xs`, every k-th so they never overlap, the last always. */
function monthLabels(months: string[], xs: number[], y: number, px: number): SVGElement[] {
  const step = xs.length > 1 ? xs[1] - xs[0] : Infinity;
  const every = Math.max(1, Math.ceil((textWidth(5, px) + 6) / step));
  return months.flatMap((m, i) =>
    (months.length - 1 - i) % every === 0 ? [text(xs[i], y, m.slice(2), 'axis', px, 'middle')] : [],
  );
}

/** The lead's series: a line with a halo in the background colour (it stays whole over the bars) and a point per month, hollow for a partial one. */
function leadSeries(
  points: { x: number; y: number; title: string; partial: boolean }[],
): SVGElement[] {
  const line = points.map(p => `${p.x},${p.y}`).join(' ');
  return [
    svg('polyline', { points: line, class: 'series-halo' }),
    svg('polyline', { points: line, class: 'series' }),
    ...points.map(p =>
      svg(
        'circle',
        { cx: p.x, cy: p.y, r: 4, class: p.partial ? 'point partial' : 'point', tabindex: 0 },
        svg('title', {}, p.partial ? `${p.title} (a partial month)` : p.title),
      ),
    ),
  ];
}

function legend(items: [string, string][]): HTMLElement {
  return el(
    'ul',
    { class: 'legend' },
    ...items.map(([swatch, words]) =>
      el('li', {}, el('span', { class: `swatch ${swatch}`, 'aria-hidden': 'true' }), words),
    ),
  );
}

/**
 * Lines merged per month (bars, left scale) and the lead's share of them (line, right scale 0–100%),
 * each scale labelled in its series' colour, a legend naming the tallest bar, and a sentence on both.
 */
export function outputChart(r: TeamReportView): HTMLElement[] {
  const months = r.monthly;
  const lead = r.team.lead || 'the lead';
  const most = months.reduce((a, b) => (b.lines > a.lines ? b : a));
  const scale = roundScale(most.lines);
  const words = outputWords(months);
  const chart = sized('chart-box', (width, fontPx) => {
    const px = labelPx(fontPx);
    const W = Math.min(width, MAX_WIDTH),
      H = 220,
      T = px + 12,
      B = px + 12;
    const L = textWidth(Math.max(...scale.ticks.map(t => num(t).length)), px) + 10,
      R = textWidth(4, px) + 10;
    const step = (W - L - R) / months.length;
    const y = (fraction: number) => H - B - fraction * (H - T - B);
    const xs = months.map((_, i) => L + i * step + step / 2);
    const parts: SVGElement[] = [
      text(0, px, 'lines', 'axis axis-bars', px),
      text(W, px, "lead's share", 'axis axis-lead', px, 'end'),
      ...scale.ticks.flatMap(t => [
        svg('line', {
          x1: L,
          x2: W - R,
          y1: y(t / scale.top),
          y2: y(t / scale.top),
          class: 'grid',
        }),
        text(L - 6, y(t / scale.top) + px / 3, num(t), 'axis axis-bars', px, 'end'),
      ]),
      ...[0, 0.5, 1].map(s => text(W - R + 6, y(s) + px / 3, pct(s), 'axis axis-lead', px)),
      // A partial month (the window holds a few of its days) is hatched and labelled with its days, so its short bar reads as "so far".
      svg(
        'defs',
        {},
        svg(
          'pattern',
          {
            id: 'partial-hatch',
            width: 6,
            height: 6,
            patternUnits: 'userSpaceOnUse',
            patternTransform: 'rotate(45)',
          },
          svg('rect', { width: 6, height: 6, class: 'hatch-back' }),
          svg('line', { x1: 0, y1: 0, x2: 0, y2: 6, class: 'hatch-line' }),
        ),
      ),
      ...months.flatMap((m, i) => {
        const h = (m.lines / scale.top) * (H - T - B);
        const partial = isPartialMonth(m);
        const bar = svg(
          'rect',
          {
            x: xs[i] - Math.max(1, step * 0.35),
            y: H - B - h,
            width: Math.max(2, step * 0.7),
            height: h,
            class: partial ? 'output-bar partial' : 'output-bar',
            tabindex: 0,
          },
          svg(
            'title',
            {},
            `${monthLabel(m)}${partial ? ' (a partial month)' : ''}: ${num(m.lines)} lines, ${num(m.pullRequests)} pull requests, ${num(m.authors)} active authors; lead ${m.lines ? pct(m.leadShare) : '–'}`,
          ),
        );
        const days = `${m.days} ${m.days === 1 ? 'day' : 'days'}`;
        return partial
          ? [
              bar,
              text(
                xs[i],
                H - B - h - 4,
                textWidth(days.length, px) <= step ? days : `${m.days}d`,
                'axis partial-label',
                px,
                'middle',
              ),
            ]
          : [bar];
      }),
      svg('line', { x1: L, x2: L, y1: T, y2: H - B, class: 'axis-line axis-line-bars' }),
      svg('line', { x1: W - R, x2: W - R, y1: T, y2: H - B, class: 'axis-line axis-line-lead' }),
      svg('line', { x1: L, x2: W - R, y1: H - B, y2: H - B, class: 'axis-line' }),
      ...leadSeries(
        months.flatMap((m, i) =>
          m.lines > 0
            ? [
                {
                  x: xs[i],
                  y: y(m.leadShare),
                  title: `${monthLabel(m)}: ${lead} ${pct(m.leadShare)} of ${num(m.lines)} lines`,
                  partial: isPartialMonth(m),
                },
              ]
            : [],
        ),
      ),
      ...monthLabels(
        months.map(m => m.month),
        xs,
        H - 4,
        px,
      ),
    ];
    return [
      svg(
        'svg',
        {
          width: W,
          height: H,
          viewBox: `0 0 ${W} ${H}`,
          role: 'img',
          'aria-label': words,
          class: 'chart output-chart',
        },
        ...parts,
      ),
    ];
  });
  const span =
    months.length === 1
      ? `One month, ${monthLabel(months[0])}`
      : `${months.length} months, ${monthLabel(months[0])} to ${monthLabel(months[months.length - 1])}`;
  return [
    el('p', { class: 'sub' }, `${span} (the figures above cover ${windowLabel(r.window)}).`),
    legend([
      [
        'swatch-bars',
        `Bars, left scale: lines merged per month (tallest: ${num(most.lines)} in ${monthLabel(most)}).`,
      ],
      ...(months.some(isPartialMonth)
        ? [
            [
              'swatch-partial',
              'Hatched bar, hollow point: a partial month, only some of its days in the window (compare it by the daily rate below).',
            ] as [string, string],
          ]
        : []),
      [
        'swatch-lead',
        `Line, right scale (0–100%): the share of those lines written by ${r.team.lead ? `${r.team.lead}, the lead` : 'the lead'}.`,
      ],
    ]),
    chart,
    el('p', { class: 'output-words' }, words),
  ];
}

/** The lead's share month by month against the two thresholds, and the trend in words. */
export function shareChart(r: TeamReportView): HTMLElement[] {
  const months = r.monthly;
  const words = trendWords(r);
  const chart = sized('chart-box', (width, fontPx) => {
    const px = labelPx(fontPx);
    const W = Math.min(width, MAX_WIDTH),
      H = 220,
      T = 10,
      B = px + 12;
    // R leaves room for half of the last month's label, which is centred on its point.
    const L = textWidth(4, px) + 10,
      R = textWidth(3, px);
    const x = (i: number) =>
      L + (months.length === 1 ? (W - L - R) / 2 : (i * (W - L - R)) / (months.length - 1));
    const y = (share: number) => T + (1 - share) * (H - T - B);
    const parts: SVGElement[] = [];
    for (const s of [0, 0.25, 0.5, 0.75, 1])
      parts.push(
        svg('line', { x1: L, x2: W - R, y1: y(s), y2: y(s), class: 'grid' }),
        text(L - 6, y(s) + px / 3, pct(s), 'axis', px, 'end'),
      );
    parts.push(svg('line', { x1: L, x2: L, y1: T, y2: H - B, class: 'axis-line' }));
    for (const [share, cls, label] of [
      [r.thresholds.leadShare, 'threshold-doing', 'doing the work'],
      [r.thresholds.watch, 'threshold-watch', 'watch'],
    ] as const) {
      const long = `${label} ${pct(share)}`;
      parts.push(
        svg('line', { x1: L, x2: W - R, y1: y(share), y2: y(share), class: cls }),
        text(
          W - R,
          y(share) - 4,
          textWidth(long.length, px) < (W - L - R) * 0.6 ? long : pct(share),
          `axis ${cls}`,
          px,
          'end',
        ),
      );
    }
    parts.push(
      ...leadSeries(
        months.flatMap((m, i) =>
          m.lines > 0
            ? [
                {
                  x: x(i),
                  y: y(m.leadShare),
                  title: `${monthLabel(m)}: ${pct(m.leadShare)} of ${num(m.lines)} lines, ${num(m.pullRequests)} pull requests`,
                  partial: isPartialMonth(m),
                },
              ]
            : [],
        ),
      ),
      ...monthLabels(
        months.map(m => m.month),
        months.map((_, i) => x(i)),
        H - 4,
        px,
      ),
    );
    const withData = months.filter(m => m.lines > 0);
    const label = `Lead's share by month. ${words} ${withData.map(m => `${monthLabel(m)} ${pct(m.leadShare)}`).join(', ')}`;
    return [
      svg(
        'svg',
        {
          width: W,
          height: H,
          viewBox: `0 0 ${W} ${H}`,
          role: 'img',
          'aria-label': label,
          class: 'chart share-chart',
        },
        ...parts,
      ),
    ];
  });
  return [chart, el('p', { class: 'trend' }, words)];
}
