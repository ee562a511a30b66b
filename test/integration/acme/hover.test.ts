import * as assert from 'assert';
import * as vscode from 'vscode';
import { api, file, hoverText, unescape } from '../helpers';

describe('hover cards (acme)', () => {
  before(() => api());

  it('a relative import shows component, owner, team, lead, outcomes, authority and support', async () => {
    const md = unescape(
      await hoverText(file('services/checkout/src/index.ts'), "'../../payments/src/charge'", 3),
    );
    assert.ok(
      md.includes('**Payments core** `payments-core` — services/payments/src/charge.ts'),
      md,
    );
    assert.ok(md.includes('Owner: **alice** (Alice Ng) · Team: Payments · Lead: alice'), md);
    assert.ok(
      md.includes(
        'Outcomes: [Payment success rate](https://dashboards.acme.example/payments) · target >= 99.2% · (captured / attempted payments)',
      ),
      md,
    );
    assert.ok(md.includes('Authority: Choose payment providers'), md);
    assert.ok(md.includes('Support: PCI audit support from Platform'), md);
  });

  it('puts how to reach the owner right under owner and outcome: copy the @mention, open OWNERS.yaml', async () => {
    const a = await api();
    const doc = await vscode.workspace.openTextDocument(file('services/checkout/src/index.ts'));
    const hover = a.hover.provideHover(
      doc,
      doc.positionAt(doc.getText().indexOf('../../payments') + 2),
    )!;
    const [top, actions] = hover.contents as vscode.MarkdownString[];
    assert.match(unescape(top.value), /Owner: \*\*alice\*\*[\s\S]*Outcomes: /);
    assert.doesNotMatch(
      top.value,
      /Authority|Support|Top authors/,
      'the details come after the actions',
    );
    assert.deepStrictEqual(actions.isTrusted, {
      enabledCommands: [
        'ownershipLens.copyOwner',
        'ownershipLens.revealInOwners',
        'ownershipLens.showTeamReport',
      ],
    });
    assert.strictEqual(actions.supportHtml, false);
    assert.match(
      actions.value,
      /^\[Copy @alice\]\(command:ownershipLens\.copyOwner\?[^)\s]+ "[^"]+"\) · \[Open in OWNERS\.yaml\]\(command:ownershipLens\.revealInOwners\?[^)\s]+\)$/,
      'no pull-request data here: no Team figures link',
    );
    // the link's own arguments copy the mention
    const args = JSON.parse(decodeURIComponent(/copyOwner\?([^ )]+)/.exec(actions.value)![1]));
    assert.strictEqual(
      await vscode.commands.executeCommand('ownershipLens.copyOwner', ...args),
      '@alice',
    );
    assert.strictEqual(await vscode.env.clipboard.readText(), '@alice');
  });

  it('a tsconfig `paths` alias and an export-from resolve too', async () => {
    const md = unescape(
      await hoverText(file('services/checkout/src/index.ts'), "'@acme/shared/logger'", 2),
    );
    assert.ok(md.includes('**Shared libraries** `shared-libs` — packages/shared/logger.ts'), md);
    assert.ok(md.includes('Owner: **erin** (Erin Walsh) · Team: Platform · Lead: dan'), md);
    const reexport = unescape(
      await hoverText(file('services/checkout/src/config.ts'), "'@acme/shared/logger'", 2),
    );
    assert.ok(reexport.includes('`shared-libs`'), reexport);
  });

  it('require() and path-like strings resolve; the last handoff is shown', async () => {
    const req = unescape(
      await hoverText(
        file('services/checkout/src/config.ts'),
        "'../../../packages/shared/money'",
        2,
      ),
    );
    assert.ok(req.includes('packages/shared/money.ts'), req);
    const proto = unescape(
      await hoverText(
        file('services/checkout/src/config.ts'),
        "'services/payments/src/payments.proto'",
        2,
      ),
    );
    assert.ok(proto.includes('`payments-core`'), proto);
    const handoff = unescape(
      await hoverText(
        file('web/storefront/src/App.tsx'),
        "'../../../services/checkout/src/index'",
        2,
      ),
    );
    assert.ok(
      handoff.includes(
        'Last handoff: 2026-09-15, alice → bob: Retries are idempotent by order id; never retry without it.',
      ),
      handoff,
    );
    assert.ok(
      handoff.includes('Open decisions: Whether to split tax calculation into its own service'),
      handoff,
    );
  });

  it('an unowned target says so (unowned on purpose under `unowned:`); a non-path string shows nothing', async () => {
    const md = unescape(
      await hoverText(
        file('web/storefront/src/App.tsx'),
        "'../../../third_party/leftpad/index'",
        2,
      ),
    );
    assert.ok(
      md.includes(
        '**No owner** — third_party/leftpad/index.js is unowned on purpose (`unowned: /third_party/`)',
      ),
      md,
    );
    assert.ok(!md.includes('matches no component'), md);
    const none = await hoverText(file('services/checkout/src/index.ts'), "'checkout.start'", 2);
    assert.ok(!none.includes('Owner:'), none);
  });

  it('hover markdown is untrusted, without HTML', async () => {
    const a = await api();
    const doc = await vscode.workspace.openTextDocument(file('services/checkout/src/index.ts'));
    const hover = a.hover.provideHover(
      doc,
      doc.positionAt(doc.getText().indexOf('../../payments') + 2),
    )!;
    const md = hover.contents[0] as vscode.MarkdownString;
    assert.strictEqual(md.isTrusted, false);
    assert.strictEqual(md.supportHtml, false);
    const start = doc.lineAt(hover.range!.start.line).text.indexOf('../../payments');
    assert.deepStrictEqual(
      [hover.range!.start.character, hover.range!.end.character],
      [start, start + '../../payments/src/charge'.length],
    );
  });

  it('inside OWNERS.yaml: a pattern shows its file count and whether it is shadowed; a login what they own and lead', async () => {
    const owners = file('OWNERS.yaml');
    const pattern = unescape(await hoverText(owners, '/services/checkout/', 2));
    assert.ok(pattern.includes('Pattern `/services/checkout/` (component checkout-api)'), pattern);
    assert.ok(pattern.includes('Matches **2** files; wins **2** — not shadowed.'), pattern);
    const unowned = unescape(await hoverText(owners, '- /third_party/', 4));
    assert.ok(
      unowned.includes(
        'Pattern `/third_party/` (under `unowned:`: the files it wins are unowned on purpose)',
      ),
      unowned,
    );
    assert.ok(unowned.includes('Matches **1** file; wins **1** — not shadowed.'), unowned);
    const login = unescape(await hoverText(owners, 'lead: alice', 7));
    assert.ok(login.includes('**alice** (Alice Ng)'), login);
    assert.ok(login.includes('Owns 1: Payments core'), login);
    assert.ok(login.includes('Leads: Payments'), login);
  });

  it('answers from the parsed state: a thousand hovers give the same card (their speed is in npm run bench)', async () => {
    const a = await api();
    const doc = await vscode.workspace.openTextDocument(file('services/checkout/src/index.ts'));
    const pos = doc.positionAt(doc.getText().indexOf('@acme/shared/money') + 3);
    const card = (h: vscode.Hover | undefined) =>
      String((h?.contents[0] as vscode.MarkdownString | undefined)?.value ?? '');
    const first = card(a.hover.provideHover(doc, pos));
    assert.match(first, /Shared libraries/);
    for (let i = 0; i < 1000; i++) assert.strictEqual(card(a.hover.provideHover(doc, pos)), first);
  });
});
