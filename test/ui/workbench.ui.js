// The real workbench, driven like a user: open the Ownership view, read the tree, hover an import,
// run "Ownership: Hand Off Component…" from the palette through every step (owner, outcomes, authority,
// support, notes, decisions, stakeholders), check OWNERS.yaml on disk.
// Called by scripts/run-ui-tests.js with a page on a fresh code-server; saves README screenshots.
'use strict';
const assert = require('assert');
const fs = require('fs');
const path = require('path');
const { openOwnershipView, palette, runSteps } = require('./workbenchSteps');

// The product's clock (OWNERSHIP_LENS_NOW moves it for the extension and this test alike).
const TODAY = require(path.resolve(__dirname, '../../out/src/core/clock.js')).today();

async function run({ page, url, wsDir, shotsDir, failShot, log }) {
  const shot = name => page.screenshot({ path: path.join(shotsDir, name) });
  // quick input steps animate in: let them settle before a README screenshot
  const settledShot = async name => {
    await page.waitForTimeout(400);
    await shot(name);
  };
  const quick = page.locator('.quick-input-widget');
  const steps = [
    [
      'the workbench loads the extension and the Ownership view opens',
      async () => {
        log('sidebar width:', await openOwnershipView(page, url));
      },
    ],
    [
      'the Ownership view shows teams, components and the Unowned figure',
      async () => {
        const rows = page.locator('.sidebar .monaco-list-row');
        await rows.filter({ hasText: 'Unowned' }).first().waitFor({ timeout: 30000 });
        let labels = [];
        for (let i = 0; i < 50 && labels.length < 9; i++, await page.waitForTimeout(100)) {
          labels = await page.locator('.sidebar .monaco-list-row .label-name').allInnerTexts();
        }
        log('tree:', JSON.stringify(labels));
        assert.deepStrictEqual(labels.slice(0, 4), [
          'Payments',
          'Checkout API',
          'Payments core',
          'Platform',
        ]);
        assert.ok(labels.includes('Unowned'));
        await rows
          .filter({ hasText: 'Checkout API' })
          .locator('.label-description', { hasText: 'bob · 2 files' })
          .waitFor({ timeout: 10000 });
        await rows.filter({ hasText: 'Checkout API' }).locator('.monaco-tl-twistie').click();
        await rows.filter({ hasText: 'Last handoff' }).first().waitFor();
        await page.mouse.move(900, 700);
        await shot('tree.png');
      },
    ],
    [
      'hovering an import shows the owner card',
      async () => {
        await page.keyboard.press('Control+P');
        await quick.waitFor({ state: 'visible' });
        await page.keyboard.type('services/checkout/src/index.ts');
        // Enter only once Quick Open has caught up with the typed path (another index.ts may be focused first)
        await quick
          .locator('.monaco-list-row.focused', { hasText: 'services/checkout/src' })
          .first()
          .waitFor();
        await page.keyboard.press('Enter');
        const spec = page
          .locator('.monaco-editor .view-lines .view-line span', {
            hasText: '../../payments/src/charge',
          })
          .first();
        await spec.waitFor();
        const hover = page.locator('.monaco-hover', { hasText: 'Payments core' });
        // the first hover can land while the editor is still loading language features: retry it
        for (let attempt = 1; ; attempt++) {
          await page.mouse.move(5, 5);
          await spec.hover();
          const shown = await hover.waitFor({ state: 'visible', timeout: 6000 }).then(
            () => true,
            () => false,
          );
          if (shown) break;
          if (attempt === 3) throw new Error('no hover card after 3 attempts');
        }
        const text = await hover.innerText();
        log('hover:', JSON.stringify(text));
        assert.match(text, /Owner: alice \(Alice Ng\) · Team: Payments · Lead: alice/);
        assert.match(text, /Payment success rate · target >= 99\.2%/);
        // how to reach the owner sits right under owner and outcome, above the details (no team figures for a developer)
        assert.match(text, /Outcomes: [^\n]*\n+Copy @alice · Open in OWNERS\.yaml\n/);
        assert.doesNotMatch(text, /Top authors/);
        await page
          .locator('.monaco-hover', { hasText: 'Loading...' })
          .waitFor({ state: 'detached', timeout: 8000 })
          .catch(() => {});
        await shot('hover.png');
        await page.mouse.move(5, 5);
        await page.keyboard.press('Escape');
      },
    ],
    [
      '"Ownership: Hand Off Component…" runs from the palette through every step',
      async () => {
        await palette(page, 'Ownership: Hand Off Component');
        // 1: the active file's component is preselected
        await quick.locator('input[placeholder="Which component changes owner?"]').waitFor();
        const active = await quick
          .locator('.monaco-list-row.focused .label-name')
          .first()
          .innerText();
        assert.strictEqual(active, 'Checkout API');
        await settledShot('handoff-1-component.png');
        await page.keyboard.press('Enter');
        // 2: team members first
        await quick.locator('input[placeholder^="New owner of Checkout API"]').waitFor();
        const owners = await quick
          .locator('.monaco-list-row')
          .evaluateAll(rows => rows.map(r => r.querySelector('.label-name')?.textContent));
        log('owner choices:', JSON.stringify(owners));
        assert.deepStrictEqual(owners.slice(0, 2), ['alice', 'carol']);
        // The current owner, or text GitHub would refuse, says why instead of "0 results"; Enter does nothing.
        await page.keyboard.type('bob');
        await quick
          .locator('.monaco-list-row', {
            hasText: 'bob already owns Checkout API: choose someone else',
          })
          .waitFor();
        await page.keyboard.press('Enter');
        await page.keyboard.press('Control+A');
        await page.keyboard.type('Bad Login');
        await quick
          .locator('.monaco-list-row', {
            hasText: 'not a valid GitHub login: letters, digits and single hyphens (no spaces)',
          })
          .waitFor();
        await page.keyboard.press('Enter');
        await quick.locator('input[placeholder^="New owner of Checkout API"]').waitFor();
        await page.keyboard.press('Control+A');
        await page.keyboard.type('carol');
        // each candidate carries the facts that justify them: in the team or not, what they already own
        await quick
          .locator('.monaco-list-row', { hasText: 'in Payments · owns nothing yet' })
          .first()
          .waitFor();
        await settledShot('handoff-2-owner.png');
        await page.keyboard.press('Enter');
        // 3: the outcomes carol answers for, the current one ticked; tick a second
        await quick
          .locator('input[placeholder^="Which outcomes will carol answer for with Checkout API"]')
          .waitFor();
        const ticked = () =>
          quick
            .locator('.monaco-list-row')
            .evaluateAll(rows =>
              rows
                .filter(r => r.getAttribute('aria-checked') === 'true')
                .map(r => r.querySelector('.label-name')?.textContent),
            );
        assert.deepStrictEqual(await ticked(), ['Checkout conversion (>= 3.5%)']);
        await quick
          .locator('.monaco-list-row', { hasText: 'Payment success rate' })
          .first()
          .click();
        for (let i = 0; i < 30 && (await ticked()).length < 2; i++) await page.waitForTimeout(100);
        assert.deepStrictEqual(await ticked(), [
          'Checkout conversion (>= 3.5%)',
          'Payment success rate (>= 99.2%)',
        ]);
        await settledShot('handoff-3-outcomes.png');
        await page.keyboard.press('Enter');
        // 4: the authority carol receives, the component's list to confirm or extend
        await quick
          .locator('.quick-input-message', {
            hasText: 'Decisions carol may take on Checkout API without asking',
          })
          .waitFor();
        assert.strictEqual(
          await quick.locator('input').first().inputValue(),
          'Choose the technical approach; Change the database schema; Set the release schedule',
        );
        await page.keyboard.press('End');
        await page.keyboard.type('; Pick the retry library');
        await page.keyboard.press('Enter');
        // 5: the support the lead commits to
        await quick
          .locator('.quick-input-message', { hasText: 'Support the lead commits to give carol' })
          .waitFor();
        assert.strictEqual(
          await quick.locator('input').first().inputValue(),
          'Load-test budget before Black Friday; Weekly 1:1 with the lead',
        );
        await page.keyboard.press('End');
        await page.keyboard.type('; Pairing on the first release');
        await settledShot('handoff-4-support.png');
        await page.keyboard.press('Enter');
        // 6-8: notes (in plain words), open decisions, stakeholders
        await quick.locator('.quick-input-message', { hasText: 'What must carol know' }).waitFor();
        assert.match(
          await quick.locator('input').first().getAttribute('placeholder'),
          /^Context, known risks, what to watch, where things are/,
        );
        await page.keyboard.type(
          'Retries are idempotent by order id. Black Friday load test is booked for Nov 20.',
        );
        await settledShot('handoff-5-notes.png');
        await page.keyboard.press('Enter');
        await quick.locator('.quick-input-message', { hasText: 'Open decisions' }).waitFor();
        await page.keyboard.type(
          'Split tax calculation into its own service?; Retry budget per order',
        );
        await page.keyboard.press('Enter');
        await quick.locator('.quick-input-message', { hasText: 'Stakeholders' }).waitFor();
        assert.strictEqual(
          await quick.locator('input').first().inputValue(),
          'Growth team; Finance',
        );
        await page.keyboard.press('Enter');
        // 9: confirm, with every field whole (a row per line) before anything is written
        await quick
          .locator('.monaco-list-row', { hasText: 'Hand off Checkout API to carol' })
          .waitFor();
        // A section's heading shows at the right of its first row (VS Code's separators): leave the headings out.
        // The summary is taller than the list: scroll through it (rows outside the view are not in the page), then back to the top.
        const seen = [];
        const list = quick.locator('.monaco-list').first();
        for (let i = 0; i < 8; i++) {
          for (const t of await quick.locator('.monaco-list-row').allInnerTexts())
            if (!seen.includes(t)) seen.push(t);
          await list.hover();
          await page.mouse.wheel(0, 120);
          await page.waitForTimeout(100);
        }
        await page.mouse.wheel(0, -2000);
        const summary = seen
          .join(' ')
          .replace(
            /\b(notes|open decisions|stakeholders to inform|answers for|may decide without asking|the lead commits to|\(changed\))/g,
            ' ',
          )
          .replace(/\s+/g, ' ');
        log('confirm:', JSON.stringify(summary));
        for (const whole of [
          'bob → carol',
          'Checkout conversion (>= 3.5%)',
          'Payment success rate (>= 99.2%)',
          'Pick the retry library',
          'Pairing on the first release',
          'Retries are idempotent by order id. Black Friday load test is booked for Nov 20.',
          'Split tax calculation into its own service?',
          'Retry budget per order',
          'Growth team; Finance',
        ]) {
          assert.ok(summary.includes(whole), `${whole} in ${summary}`);
        }
        await settledShot('handoff-6-confirm.png');
        await page.keyboard.press('Enter');
      },
    ],
    [
      'OWNERS.yaml on disk has the new owner and the handoff record; the tree shows it',
      async () => {
        const file = path.join(wsDir, 'OWNERS.yaml');
        const expected = `    owner: carol\n`;
        const lists = [
          '    outcomes: [checkout-conversion, payment-success]',
          '    authority: [Choose the technical approach, Change the database schema, Set the release schedule, Pick the retry library]',
          '    support: [Load-test budget before Black Friday, Weekly 1:1 with the lead, Pairing on the first release]',
        ];
        for (
          let i = 0;
          i < 100 &&
          !fs.readFileSync(file, 'utf8').includes(`        from: bob\n        to: carol\n`);
          i++
        )
          await page.waitForTimeout(100);
        const text = fs.readFileSync(file, 'utf8');
        assert.ok(text.includes(expected), text);
        for (const line of lists) assert.ok(text.includes(`${line}\n`), `${line} in ${text}`);
        assert.ok(
          text.includes(
            `      - date: ${TODAY}\n        from: bob\n        to: carol\n        notes: Retries are idempotent by order id. Black Friday load test is booked for Nov 20.\n        decisions:\n          - Split tax calculation into its own service?\n          - Retry budget per order\n        stakeholders:\n          - Growth team\n          - Finance\n`,
          ),
          text,
        );
        const row = page.locator('.sidebar .monaco-list-row', { hasText: 'Checkout API' });
        await row
          .locator('.label-description', { hasText: 'carol · 2 files' })
          .waitFor({ timeout: 5000 });
        // clicking the component opens OWNERS.yaml at its definition, where the new record is
        await row.locator('.label-name').click();
        await page
          .locator('.monaco-editor .view-line', { hasText: 'to: carol' })
          .first()
          .waitFor({ timeout: 10000 });
        await page.waitForTimeout(300);
        await shot('handoff-done.png');
      },
    ],
    [
      'a mistake typed into OWNERS.yaml shows as a problem with a quick fix',
      async () => {
        const owner = page
          .locator('.monaco-editor .view-line', { hasText: 'owner: carol' })
          .first()
          .locator('span', { hasText: /^carol$/ });
        await owner.dblclick();
        await page.keyboard.type('zed');
        await page.waitForTimeout(1200); // the typing debounce, then validation
        const squiggle = page.locator('.monaco-editor .squiggly-warning').first();
        await squiggle.waitFor({ timeout: 10000 });
        await squiggle.hover({ force: true });
        const hover = page.locator('.monaco-hover', {
          hasText: 'Owner "zed" of "checkout-api" is not a member of team "payments"',
        });
        await hover.waitFor({ state: 'visible', timeout: 10000 });
        await page.waitForTimeout(300);
        await shot('diagnostics.png');
        await page.mouse.move(5, 5);
        await page.keyboard.press('Escape');
        await page.keyboard.press('Control+Z');
      },
    ],
  ];
  return runSteps(page, steps, { log, failShot });
}

module.exports = { run };
