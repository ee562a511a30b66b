import * as assert from 'assert';
import * as fs from 'fs';
import * as path from 'path';
import { OWNERS_FILE_LOCATIONS } from '../../src/core/owners/locations';
import { Commands, Settings, Views } from '../../src/vscode/ids';
import { REPO_ROOT as ROOT } from '../repoRoot';

const pkg = JSON.parse(fs.readFileSync(path.join(ROOT, 'package.json'), 'utf8'));

describe('package.json contributions (the ids VS Code reads)', () => {
  it('declares the container, the view and the commands with their exact ids and titles', () => {
    assert.deepStrictEqual(
      pkg.contributes.viewsContainers.activitybar.map((c: { id: string; title: string }) => [
        c.id,
        c.title,
      ]),
      [[Views.container, 'Ownership']],
    );
    assert.strictEqual(pkg.contributes.views[Views.container][0].id, Views.tree);
    const titles = Object.fromEntries(
      pkg.contributes.commands.map((c: { command: string; title: string }) => [c.command, c.title]),
    );
    assert.strictEqual(titles[Commands.handoff], 'Ownership: Hand Off Component…');
    assert.strictEqual(titles[Commands.whoOwns], 'Ownership: Show Owner of Current File');
    assert.strictEqual(titles[Commands.refresh], 'Ownership: Refresh Pull Request Data');
    for (const id of Object.values(Commands)) assert.ok(titles[id], `command ${id} is contributed`);
    for (const key of Object.keys(pkg.contributes.configuration.properties))
      assert.match(key, /^ownershipLens\./);
  });

  it('names every contributed setting in Settings (src/vscode/ids.ts), and nothing else', () => {
    const { section, ...keys } = Settings;
    assert.deepStrictEqual(
      Object.values(keys)
        .map(k => `${section}.${k}`)
        .sort(),
      Object.keys(pkg.contributes.configuration.properties).sort(),
    );
  });

  it('activates lazily: exact OWNERS.yaml names, never * or **', () => {
    const events: string[] = pkg.activationEvents;
    assert.ok(!events.includes('*'));
    assert.deepStrictEqual(
      events.filter(e => e.startsWith('workspaceContains:')),
      OWNERS_FILE_LOCATIONS.map(p => `workspaceContains:${p}`),
    );
    assert.ok(
      events.every(e => !e.includes('*')),
      events.join(', '),
    );
  });

  it('menus match tree items by context value, and untrusted workspaces are limited', () => {
    const item = pkg.contributes.menus['view/item/context'];
    const target = (m: { command: string; when: string }) =>
      /viewItem =~ \/(\^?\w+)\//.exec(m.when)?.[1];
    // Component actions on components, the team report on teams (in a folder, and across repositories); nothing matches every item.
    assert.deepStrictEqual(
      [
        ...new Set(item.map((m: { command: string; when: string }) => `${m.command} ${target(m)}`)),
      ].sort(),
      [
        'ownershipLens.copyOwner component',
        'ownershipLens.handoff component',
        'ownershipLens.revealInOwners component',
        'ownershipLens.showTeamReport ^acrossTeam',
        'ownershipLens.showTeamReport ^team',
      ],
    );
    assert.strictEqual(pkg.capabilities.untrustedWorkspaces.supported, 'limited');
    assert.ok(fs.existsSync(path.join(ROOT, pkg.icon)), pkg.icon);
  });
});
