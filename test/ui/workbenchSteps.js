// What the UI scripts (workbench, report, teams) share: opening the workbench on the Ownership view,
// running a command from the palette, finding webview frames and running named steps.
'use strict';

/** VS Code's default sidebar width is about 300 px: the checks and the README's screenshots are made there. */
const DEFAULT_SIDEBAR_MAX = 320;

/** Loads the workbench and opens the Ownership view at the default sidebar width (asserted: no test widens it). */
async function openOwnershipView(page, url) {
  await page.goto(url);
  await page.locator('.monaco-workbench').waitFor({ timeout: 60000 });
  const ownership = page.locator('.activitybar .action-item a[aria-label^="Ownership"]');
  await ownership.waitFor({ timeout: 60000 });
  await ownership.click();
  const box = await page.locator('.part.sidebar').boundingBox();
  if (!box || box.width > DEFAULT_SIDEBAR_MAX)
    throw new Error(
      `the sidebar is ${box && box.width} px wide, not the default (at most ${DEFAULT_SIDEBAR_MAX})`,
    );
  return box.width;
}

/**
 * Fails unless `row` (a tree row) shows its label and description whole at the current width:
 * nothing cut off with an ellipsis, so a lead reads it without hovering.
 */
async function assertRowWhole(row) {
  const cut = await row
    .locator('.monaco-icon-label-container, .label-name, .label-description')
    .evaluateAll(els =>
      els
        .filter(e => e.scrollWidth > e.clientWidth + 1)
        .map(e => `${e.className}: ${e.textContent}`),
    );
  const rowText = await row.innerText();
  if (cut.length)
    throw new Error(`cut off at the default sidebar width: ${rowText} (${cut.join('; ')})`);
  // the row itself ends inside the sidebar
  const [r, side] = await Promise.all([
    row.locator('.monaco-icon-label').boundingBox(),
    row.page().locator('.part.sidebar').boundingBox(),
  ]);
  const text = await row.locator('.monaco-icon-label').evaluate(e => {
    const range = document.createRange();
    range.selectNodeContents(e);
    const b = range.getBoundingClientRect();
    return b.right;
  });
  if (text > side.x + side.width)
    throw new Error(
      `${rowText} runs past the sidebar (${Math.round(text)} > ${Math.round(side.x + side.width)}; row ${JSON.stringify(r)})`,
    );
}

/** Fails unless `text`, in the description of `row`, ends inside the visible part of the row (not cut off). */
async function assertShows(row, text) {
  const where = await row.locator('.label-description').evaluate((e, text) => {
    const node = [...e.childNodes].find(n => n.textContent.includes(text));
    if (!node) return { missing: e.textContent };
    const range = document.createRange();
    const at = node.textContent.indexOf(text);
    const target = node.nodeType === 3 ? node : node.firstChild;
    range.setStart(target, at);
    range.setEnd(target, at + text.length);
    const clip = e.closest('.monaco-icon-label-container') || e;
    return {
      right: range.getBoundingClientRect().right,
      limit: Math.min(
        clip.getBoundingClientRect().right,
        document.querySelector('.part.sidebar').getBoundingClientRect().right,
      ),
    };
  }, text);
  if (where.missing !== undefined)
    throw new Error(`"${text}" is not in the description "${where.missing}"`);
  if (where.right > where.limit + 1)
    throw new Error(
      `"${text}" is cut off at the default sidebar width (${Math.round(where.right)} > ${Math.round(where.limit)})`,
    );
}

/** Runs a command by its title from the command palette (F1). */
async function palette(page, title) {
  const quick = page.locator('.quick-input-widget');
  await page.keyboard.press('F1');
  await quick.waitFor({ state: 'visible' });
  await page.keyboard.type(title);
  await quick.locator('.monaco-list-row', { hasText: title }).first().waitFor();
  await page.keyboard.press('Enter');
}

/** Switches the colour theme with "Preferences: Color Theme" (the palette's first match may be another command). */
async function colorTheme(page, name) {
  const quick = page.locator('.quick-input-widget');
  await page.keyboard.press('F1');
  await quick.waitFor({ state: 'visible' });
  await page.keyboard.type('Preferences: Color Theme');
  await quick
    .locator('.monaco-list-row', {
      has: page.locator('.label-name', { hasText: /^Preferences: Color Theme$/ }),
    })
    .first()
    .click();
  await quick.locator('.monaco-list-row', { hasText: name }).first().waitFor();
  await page.keyboard.type(name);
  await quick.locator('.monaco-list-row', { hasText: name }).first().click();
  await quick.waitFor({ state: 'hidden' });
  await page.waitForTimeout(1000);
}

/** The frame of a webview (VS Code nests it in two iframes) holding `selector`, within 15 s. */
async function webviewFrame(page, selector) {
  for (let i = 0; i < 150; i++) {
    for (const frame of page.frames()) {
      if (
        await frame
          .locator(selector)
          .count()
          .catch(() => 0)
      )
        return frame;
    }
    await page.waitForTimeout(100);
  }
  throw new Error(`no webview shows ${selector}`);
}

/**
 * Runs `[name, step]` pairs in order and stops at the first failure (later steps depend on it),
 * screenshotting the page to `failShot`; steps not run count as failed.
 */
async function runSteps(page, steps, { log, failShot }) {
  let passed = 0;
  for (const [name, step] of steps) {
    const t = Date.now();
    try {
      await step();
      passed++;
      log(`  ✔ ${name} (${Date.now() - t}ms)`);
    } catch (e) {
      log(`  ✘ ${name}\n${(e && e.stack) || e}`);
      if (failShot) await page.screenshot({ path: failShot }).catch(() => {});
      break;
    }
  }
  return { passed, failed: steps.length - passed };
}

/** Lines of the extension host's logs (under the run's user data) that match `pattern`. */
function hostLogLines(logsDir, pattern) {
  const fs = require('fs');
  const path = require('path');
  const out = [];
  const walk = dir => {
    for (const e of fs.existsSync(dir) ? fs.readdirSync(dir, { withFileTypes: true }) : []) {
      const p = path.join(dir, e.name);
      if (e.isDirectory()) walk(p);
      else if (/exthost.*\.log$/i.test(e.name))
        out.push(
          ...fs
            .readFileSync(p, 'utf8')
            .split('\n')
            .filter(l => pattern.test(l)),
        );
    }
  };
  walk(logsDir);
  return out;
}

module.exports = {
  openOwnershipView,
  assertRowWhole,
  assertShows,
  palette,
  colorTheme,
  webviewFrame,
  runSteps,
  hostLogLines,
};
