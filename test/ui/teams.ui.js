// A team across repositories in the real workbench: a multi-root workspace (acme/shop, acme/tools)
// plus acme/infra from ownershipLens.teams.otherRepositories, the fake GitHub serving all three.
// Refresh, then read "Teams across 3 repositories" and Platform's rows per repository; README screenshot.
'use strict';
const assert = require('assert');
const path = require('path');
const { openOwnershipView, palette, runSteps, webviewFrame } = require('./workbenchSteps');

async function run({ page, url, shotsDir, failShot, log }) {
  const rows = page.locator('.sidebar .monaco-list-row');
  /** The row whose label is exactly `label` (hasText would also match descriptions, ignoring case). */
  const row = label =>
    rows
      .filter({
        has: page.locator('.label-name', {
          hasText: new RegExp(`^${label.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&')}$`),
        }),
      })
      .first();
  const steps = [
    [
      'a multi-root workspace opens with the Ownership view',
      async () => {
        log('sidebar width:', await openOwnershipView(page, url));
        await row('shop').waitFor({ timeout: 30000 });
      },
    ],
    [
      'after a refresh, each team shows once with figures summed over three repositories',
      async () => {
        await palette(page, 'Ownership: Refresh Pull Request Data');
        const across = row('Teams across 3 repositories');
        await across.waitFor({ timeout: 30000 });
        const platform = row('Platform');
        await platform
          .locator('.label-description', { hasText: '3 repositories' })
          .waitFor({ timeout: 15000 });
        const description = await platform.locator('.label-description').innerText();
        log('platform:', JSON.stringify(description));
        assert.match(description, /^lead dan · \d+% · .+ · 3 repositories$/);
        // Once across repositories (each folder below still has its own Platform, with that repository's figures).
        assert.strictEqual(
          await rows
            .filter({ has: page.locator('.label-name', { hasText: /^Platform$/ }) })
            .filter({ hasText: /repositor(y|ies)$/ })
            .count(),
          1,
          'Platform shown once across repositories',
        );
        // A refresh that lands as the twistie is clicked re-renders the row: expand until the first part shows.
        for (let attempt = 0; ; attempt++) {
          if ((await platform.getAttribute('aria-expanded')) !== 'true')
            await platform.locator('.monaco-tl-twistie').click();
          try {
            await row('acme/shop').waitFor({ timeout: 4000 });
            break;
          } catch (e) {
            if (attempt === 3) throw e;
          }
        }
        for (const repo of ['acme/shop', 'acme/tools', 'acme/infra']) {
          const r = row(repo);
          await r.waitFor({ timeout: 15000 });
          assert.match(
            await r.locator('.label-description').innerText(),
            /^lead \d+% of [\d,]+ lines · \d+ pull requests?$/,
          );
        }
        await page.mouse.move(1000, 700);
        await page.waitForTimeout(300);
        await page.screenshot({ path: path.join(shotsDir, 'tree-teams-across.png') });
      },
    ],
    [
      "the report of the team across repositories opens from its row, with each repository's part",
      async () => {
        const platform = rows
          .filter({ has: page.locator('.label-name', { hasText: /^Platform$/ }) })
          .filter({ hasText: /repositories$/ })
          .first();
        await platform.hover();
        await platform
          .locator(
            '.action-label[aria-label^="Ownership: Show Team Report"], .action-label[title^="Ownership: Show Team Report"]',
          )
          .first()
          .click();
        const frame = await webviewFrame(page, '#repo-h');
        const text = await frame.locator('#root').innerText();
        assert.match(text, /Across 3 repositories/);
        for (const repo of ['acme/shop', 'acme/tools', 'acme/infra'])
          assert.match(text, new RegExp(`${repo}\\s+\\d+\\s+[\\d,]+\\s+\\d+%`));
        assert.match(text, /Terraform/);
        await page
          .locator('.tabs-container .tab', { hasText: 'Team report: Platform (3 repositories)' })
          .waitFor({ timeout: 10000 });
        await frame.locator('#repo-h').scrollIntoViewIfNeeded();
        await page.mouse.move(1000, 700);
        await page.waitForTimeout(300);
        await page.screenshot({ path: path.join(shotsDir, 'team-report-across.png') });
      },
    ],
  ];
  return runSteps(page, steps, { log, failShot });
}

module.exports = { run };
