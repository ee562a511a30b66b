import * as assert from 'assert';
import * as net from 'net';
import * as vscode from 'vscode';
import { api, captureMessages } from '../helpers';

/**
 * A host that takes connections and never answers (a wrong URL, a proxy holding connections): the
 * refresh says what it waits for, with the attempt, and gives up after one attempt when nothing at
 * all has come back (it took 3 x 30 s). Timeouts shortened through the test seam `waits`.
 */
describe('refreshing from a server that never answers (127.0.0.1)', function () {
  this.timeout(60_000);

  it('shows the attempt and what it waits for, and stops after the first silent attempt', async () => {
    const a = await api();
    const sockets: net.Socket[] = [];
    let connections = 0;
    const silent = net.createServer(socket => {
      connections++;
      sockets.push(socket);
      socket.on('error', () => undefined);
    });
    await new Promise<void>(r => silent.listen(0, '127.0.0.1', r));
    const host = `127.0.0.1:${(silent.address() as net.AddressInfo).port}`;
    const config = vscode.workspace.getConfiguration('ownershipLens.github');
    const good = config.inspect<string>('apiUrl')!.globalValue;
    // The notification's messages, as the user reads them.
    const w = vscode.window as unknown as { withProgress: typeof vscode.window.withProgress };
    const withProgress = w.withProgress;
    const said: string[] = [];
    w.withProgress = ((options, task) =>
      withProgress.call(vscode.window, options, (progress, token) =>
        task(
          {
            report: v => {
              if (v.message) said.push(v.message);
              progress.report(v);
            },
          },
          token,
        ),
      )) as typeof vscode.window.withProgress;
    a.pullRequests.waits = { timeoutMs: 1500, progressAfterMs: 300 };
    try {
      await config.update('apiUrl', `http://${host}`, vscode.ConfigurationTarget.Global);
      const { result, error } = await captureMessages(() =>
        vscode.commands.executeCommand('ownershipLens.refresh'),
      );
      assert.strictEqual(result, undefined, 'the refresh failed');
      assert.ok(
        said.includes(
          `Fetching merged pull requests for ${vscode.workspace.workspaceFolders![0].name}: waiting for ${host} to answer (attempt 1 of 3, up to 1.5s)`,
        ),
        said.join('\n'),
      );
      assert.strictEqual(connections, 1, 'no second attempt: nothing had come back');
      assert.ok(
        error.some(m =>
          m.includes(
            `The server at ${host} sent no answer within 1.5s (attempt 1; nothing at all has come back from it, so it is not retried)`,
          ),
        ),
        error.join('\n'),
      );
    } finally {
      a.pullRequests.waits = {};
      w.withProgress = withProgress;
      await config.update('apiUrl', good, vscode.ConfigurationTarget.Global);
      sockets.forEach(s => s.destroy());
      silent.close();
    }
  });
});
