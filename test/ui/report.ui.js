// The team report in the real workbench: refresh pull-request data from the project's fake GitHub,
// read the flags on the team nodes, open "Ownership: Show Team Report" for Platform from the palette,
// assert what the webview shows, operate it from the keyboard, and save README screenshots.
// Called by scripts/run-ui-tests.js on a copy of demo/workspace with the fake GitHub running.
'use strict';
const assert = require('assert');
const path = require('path');
const { hostLogLines, openOwnershipView, palette, runSteps, webviewFrame } = require('./workbenchSteps');

async function run({ page, url, shotsDir, failShot, log, logsDir }) {
  const shot = name => page.screenshot({ path: path.join(shotsDir, name) });
  const quick = page.locator('.quick-input-widget');
  const reportFrame = () => webviewFrame(page, '#root h1');
  const steps = [
    ['the workbench loads the extension on the sample repository', async () => {
      await openOwnershipView(page, url, 170);
      await page.locator('.sidebar .monaco-list-row', { hasText: 'Unowned' }).first().waitFor({ timeout: 30000 });
    }],
    ['"Ownership: Refresh Pull Request Data" puts a flag on every team', async () => {
      await palette(page, 'Ownership: Refresh Pull Request Data');
      const rows = page.locator('.sidebar .monaco-list-row');
      await rows.filter({ hasText: 'Platform' }).locator('.label-description', { hasText: 'doing the work' }).waitFor({ timeout: 30000 });
      const teams = {};
      for (const name of ['Payments', 'Platform', 'Storefront']) {
        teams[name] = await rows.filter({ hasText: name }).first().locator('.label-description').innerText();
      }
      log('teams:', JSON.stringify(teams));
      // Every signal, not only the first: Platform's lead does the work, alone approves and owns Deployment.
      assert.match(teams.Platform, /^lead dan · \d+% · doing the work · bottleneck · holds ownership$/);
      assert.match(teams.Storefront, /^lead maya · 0% · not involved in pull requests$/);
      assert.match(teams.Payments, /^lead alice · \d+% · (watch · )?holds ownership$/);
      // The view loaded while the file list and the data arrived: VS Code dropped none of its items.
      assert.deepStrictEqual(hostLogLines(logsDir, /No tree item with id/), []);
      await page.mouse.move(900, 700);
      await shot('tree-flags.png');
    }],
    ['a team\'s tooltip explains each signal in words a lead can act on', async () => {
      const platform = page.locator('.sidebar .monaco-list-row', { hasText: 'Platform' }).first();
      await platform.hover();
      const hover = page.locator('.monaco-hover, .workbench-hover').filter({ hasText: 'bottleneck' }).first();
      await hover.waitFor({ timeout: 15000 });
      const text = await hover.innerText();
      assert.match(text, /bottleneck: Most pull requests by others were approved by the lead and nobody else\. Name a second approver/);
      assert.match(text, /^Platform: doing the work, bottleneck, holds ownership/m, 'the team by its name');
      assert.match(text, /holds ownership: The lead owns half or more of the team's components.*Hand a component to the person who already works on it most/);
      assert.doesNotMatch(text, /exclusive/);
      assert.match(text, /not a performance rating/);
      await page.waitForTimeout(300);
      await shot('tree-signals-tooltip.png');
      await page.mouse.move(900, 700);
      await page.keyboard.press('Escape');
    }],
    ['"could go to erin" on Deployment opens the handoff with the component and erin already chosen', async () => {
      const rows = page.locator('.sidebar .monaco-list-row');
      const deploy = rows.filter({ hasText: 'Deployment' }).first();
      await deploy.locator('.label-description', { hasText: 'could go to erin' }).waitFor({ timeout: 15000 });
      await deploy.locator('.monaco-tl-twistie').click();
      // hasText ignores case, and Deployment's own description says "could go to erin": match the child's label exactly.
      const could = rows.filter({ has: page.locator('.label-name', { hasText: /^Could go to erin$/ }) }).first();
      await could.waitFor({ timeout: 15000 });
      await could.click();
      await quick.locator('.quick-input-title', { hasText: 'Hand Off Component' }).waitFor();
      const prompt = await quick.innerText();
      log('handoff:', JSON.stringify(prompt.slice(0, 200)));
      assert.match(prompt, /What must erin know to own Deployment\?/);
      assert.match(prompt, /3\/6/);
      await page.waitForTimeout(400);
      await shot('handoff-could-go-to.png');
      await page.keyboard.press('Escape');
      await quick.waitFor({ state: 'hidden' });
    }],
    ['"Ownership: Show Team Report" shows who writes the code, the trend, components and handoffs', async () => {
      await palette(page, 'Ownership: Show Team Report');
      await quick.locator('.monaco-list-row', { hasText: 'Platform' }).first().waitFor();
      await page.keyboard.type('Platform');
      await page.keyboard.press('Enter');
      const frame = await reportFrame();
      await frame.locator('ol.bars li.lead').waitFor();
      const text = await frame.locator('#root').innerText();
      log('report:', JSON.stringify(text.slice(0, 400)));
      assert.match(text, /^Platform/m);
      assert.match(text, /Doing the work: the lead writes most of the code/);
      assert.match(text, /dan \(lead\)/);
      assert.match(text, /Lead's share by month/);
      assert.match(text, /Shared libraries/);
      assert.match(text, /Export Markdown/);
      assert.match(text, /bottleneck: Most pull requests by others were approved by the lead and nobody else/);
      assert.match(text, /others' pull requests the lead alone approved \(bottleneck\)/);
      assert.match(text, /The team's output by month, and the lead's share/);
      assert.match(text, /Delegation/);
      assert.match(text, /Deployment\s+owned by the lead\s+\d+ of \d+ lines\s+could go to erin/);
      assert.match(text, /The evidence/);
      assert.match(text, /Left out: \d+ pull requests by bots, \d+ by ignored authors/);
      assert.match(text, /not a performance rating/);
      const links = await frame.locator('ol.evidence a').evaluateAll(as => as.map(a => a.getAttribute('href')));
      assert.ok(links.length >= 5 && links.every(h => /^https:\/\/github\.com\/acme\/shop\/pull\/\d+$/.test(h)), JSON.stringify(links));
      assert.ok(await frame.locator('svg.chart rect.output-bar').count() >= 6, 'fewer than 6 months of output drawn');
      assert.strictEqual(await frame.locator('svg.chart circle.point').count() >= 6, true, 'fewer than 6 months plotted');
      // Every month label is drawn whole inside the chart (the last one was cut to "26-1").
      const clipped = await frame.locator('svg.chart').evaluateAll(svgs => svgs.flatMap(svg => {
        const box = svg.getBoundingClientRect();
        return [...svg.querySelectorAll('text')].filter(t => /^\d\d-\d\d$/.test(t.textContent))
          .map(t => ({ label: t.textContent, r: t.getBoundingClientRect() }))
          .filter(({ r }) => r.left < box.left - 0.5 || r.right > box.right + 0.5).map(({ label }) => label);
      }));
      assert.deepStrictEqual(clipped, [], `month labels outside the chart: ${clipped.join(', ')}`);
      const header = await frame.locator('header > p.sub').first().innerText();
      const until = new Date(Date.now()).toISOString().slice(0, 10);
      assert.ok(header.includes(`to ${until}`), `the header's window ends today, the last day included: ${header}`);
      await page.waitForTimeout(300);
      await shot('team-report.png');
      await frame.locator('#evid-h').scrollIntoViewIfNeeded();
      await page.waitForTimeout(300);
      await shot('team-report-evidence.png');
      await frame.locator('#root h1').scrollIntoViewIfNeeded();
    }],
    ['the report is operable from the keyboard', async () => {
      const frame = await reportFrame();
      const byPrs = frame.locator('button[data-metric="pullRequests"]');
      await byPrs.focus();
      await page.keyboard.press('Enter');
      await frame.locator('button[data-metric="pullRequests"][aria-pressed="true"]').waitFor();
      const lead = await frame.locator('ol.bars li.lead').getAttribute('aria-label');
      assert.match(lead, /dan \(lead\): \d+ pull requests/);
    }],
  ];
  return runSteps(page, steps, { log, failShot });
}

module.exports = { run };
