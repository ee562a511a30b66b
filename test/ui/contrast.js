// Contrast of what the team report draws, measured in its webview from the colours the theme really
// resolves to (WCAG 2 relative luminance; alpha and opacity composited over the backgrounds behind).
'use strict';

/** [name, CSS selector, colour property, minimum ratio]: text 4.5:1, graphics 3:1 (WCAG 1.4.3, 1.4.11). */
const CHECKS = [
  ['flag banner text', 'header .flag', 'color', 4.5],
  ['signal labels', 'ul.signals strong', 'color', 4.5],
  ['secondary text', '.sub, .stat .label, ol.bars .num', 'color', 4.5],
  ['trend sentence', 'p.trend, p.output-words', 'color', 4.5],
  ['chart labels', 'svg.chart text', 'fill', 4.5],
  ['legend', '.legend li', 'color', 4.5],
  ["lead's bar", 'ol.bars li.lead .bar', 'backgroundColor', 3],
  ["others' bars", 'ol.bars li:not(.lead) .bar', 'backgroundColor', 3],
  ["lead's line", 'svg.chart polyline.series', 'stroke', 3],
  ["lead's points", 'svg.chart circle.point:not(.partial)', 'fill', 3],
  ['output bars', 'svg.chart rect.output-bar:not(.partial)', 'fill', 3],
  [
    'threshold lines',
    'svg.chart line.threshold-doing, svg.chart line.threshold-watch',
    'stroke',
    3,
  ],
];

/**
 * In the frame: for each check, the lowest ratio over its elements. A bar's background is its track's;
 * anything else's is the first opaque background at or above it.
 */
function measure(checks) {
  const parse = c => {
    const m = /rgba?\(([^)]+)\)/.exec(c || '');
    if (!m) return null;
    const p = m[1]
      .split(/[\s,/]+/)
      .filter(Boolean)
      .map(Number);
    return [p[0], p[1], p[2], p.length > 3 ? p[3] : 1];
  };
  const over = (fg, bg) => [0, 1, 2].map(i => fg[i] * fg[3] + bg[i] * (1 - fg[3])).concat(1);
  const lum = c =>
    c
      .slice(0, 3)
      .map(v => {
        v /= 255;
        return v <= 0.03928 ? v / 12.92 : ((v + 0.055) / 1.055) ** 2.4;
      })
      .reduce((s, v, i) => s + v * [0.2126, 0.7152, 0.0722][i], 0);
  const ratio = (a, b) => {
    const [x, y] = [lum(a), lum(b)].sort((p, q) => q - p);
    return (x + 0.05) / (y + 0.05);
  };
  const background = start => {
    const layers = [];
    for (let e = start; e; e = e.parentElement) {
      const c = parse(getComputedStyle(e).backgroundColor);
      if (c && c[3] > 0) {
        layers.push(c);
        if (c[3] === 1) break;
      }
    }
    let bg =
      layers.length && layers[layers.length - 1][3] === 1 ? layers.pop() : [255, 255, 255, 1];
    while (layers.length) bg = over(layers.pop(), bg);
    return bg;
  };
  const opacity = e => {
    let o = 1;
    for (let x = e; x; x = x.parentElement) o *= Number(getComputedStyle(x).opacity);
    return o;
  };
  return checks.map(([name, selector, prop, min]) => {
    const found = [...document.querySelectorAll(selector)].filter(
      e => e.getClientRects().length > 0,
    );
    let worst = Infinity,
      colour = '';
    for (const e of found) {
      const style = getComputedStyle(e);
      const c = parse(style[prop]);
      if (!c) continue;
      const layer =
        prop === 'fill'
          ? Number(style.fillOpacity)
          : prop === 'stroke'
            ? Number(style.strokeOpacity)
            : 1;
      c[3] *= opacity(e) * layer;
      const bg = background(prop === 'backgroundColor' ? e.parentElement : e);
      const r = ratio(over(c, bg), bg);
      if (r < worst) {
        worst = r;
        colour = style[prop];
      }
    }
    return {
      name,
      min,
      count: found.length,
      ratio: found.length ? Math.round(worst * 100) / 100 : null,
      colour,
    };
  });
}

/** Measures `checks` in `frame`: [{ name, min, count, ratio, colour }]. */
async function contrastIn(frame, checks = CHECKS) {
  return frame.evaluate(measure, checks);
}

/** A partial month (the window holds only some of its days): a hatched, outlined bar and a hollow point. */
const PARTIAL_CHECKS = [
  ["partial month's bar outline", 'svg.chart rect.output-bar.partial', 'stroke', 3],
  ["partial month's hollow point", 'svg.chart circle.point.partial', 'stroke', 3],
];

module.exports = { CHECKS, PARTIAL_CHECKS, contrastIn };
