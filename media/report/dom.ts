// DOM building for the report webview: elements and attributes only, text through `append` (a text
// node), never innerHTML, so no value from the repository can become markup.

const SVG = 'http://www.w3.org/2000/svg';

export function el<K extends keyof HTMLElementTagNameMap>(
  tag: K,
  attrs: Record<string, string> = {},
  ...children: (Node | string)[]
): HTMLElementTagNameMap[K] {
  const e = document.createElement(tag);
  for (const [k, v] of Object.entries(attrs)) e.setAttribute(k, v);
  for (const c of children) e.append(c);
  return e;
}

export function svg(
  tag: string,
  attrs: Record<string, string | number>,
  ...children: (Node | string)[]
): SVGElement {
  const e = document.createElementNS(SVG, tag);
  for (const [k, v] of Object.entries(attrs)) e.setAttribute(k, String(v));
  for (const c of children) e.append(c);
  return e;
}

export function button(label: string, onClick: () => void): HTMLButtonElement {
  const b = el('button', { type: 'button' }, label);
  b.addEventListener('click', onClick);
  return b;
}

/** A table whose cells carry their column's name, so a narrow report can show each row as a block. */
export function table(
  headers: string[],
  rows: (Node | string)[][],
  className = '',
): HTMLTableElement {
  return el(
    'table',
    { class: `stack ${className}`.trim() },
    el('thead', {}, el('tr', {}, ...headers.map(h => el('th', {}, h)))),
    el(
      'tbody',
      {},
      ...rows.map(cells =>
        el(
          'tr',
          {},
          ...cells.map((c, i) => {
            const cell = c instanceof HTMLTableCellElement ? c : el('td', {}, c);
            if (headers[i]) cell.setAttribute('data-label', headers[i]);
            return cell;
          }),
        ),
      ),
    ),
  );
}

const observers: ResizeObserver[] = [];

/**
 * A box redrawn at its own width in CSS pixels (charts keep their font size however narrow the
 * panel); `draw` gets the width and the font size in px.
 */
export function sized(
  className: string,
  draw: (width: number, fontPx: number) => Node[],
): HTMLElement {
  const box = el('div', { class: className });
  let drawn = -1;
  const observer = new ResizeObserver(() => {
    const width = Math.floor(box.clientWidth);
    if (width === drawn || width === 0) return;
    drawn = width;
    box.replaceChildren(...draw(width, parseFloat(getComputedStyle(box).fontSize) || 13));
  });
  observer.observe(box);
  observers.push(observer);
  return box;
}

/** Stops redrawing the boxes of the previous render. */
export function forgetSized(): void {
  for (const o of observers.splice(0)) o.disconnect();
}
