// What the UI scripts (workbench, report, teams) share: opening the workbench on the Ownership view,
// running a command from the palette, finding webview frames and running named steps.
'use strict';

/** Loads the workbench, opens the Ownership view and widens the sidebar by `widenBy` px (screenshots show the descriptions). */
async function openOwnershipView(page, url, widenBy) {
  await page.goto(url);
  await page.locator('.monaco-workbench').waitFor({ timeout: 60000 });
  const ownership = page.locator('.activitybar .action-item a[aria-label^="Ownership"]');
  await ownership.waitFor({ timeout: 60000 });
  await ownership.click();
  const box = await page.locator('.part.sidebar').boundingBox();
  await page.mouse.move(box.x + box.width + 1, box.y + 300);
  await page.mouse.down();
  await page.mouse.move(box.x + box.width + widenBy, box.y + 300, { steps: 5 });
  await page.mouse.up();
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
  await quick.locator('.monaco-list-row', { has: page.locator('.label-name', { hasText: /^Preferences: Color Theme$/ }) }).first().click();
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
      if (await frame.locator(selector).count().catch(() => 0)) return frame;
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
      else if (/exthost.*\.log$/i.test(e.name)) out.push(...fs.readFileSync(p, 'utf8').split('\n').filter(l => pattern.test(l)));
    }
  };
  walk(logsDir);
  return out;
}

module.exports = { openOwnershipView, palette, colorTheme, webviewFrame, runSteps, hostLogLines };
