import * as fs from 'fs';
import { checkDataset } from './dataset';
import { startFakeGitHub } from './server';

/** `node out/test/fake-github/main.js --data FILE [--port N] [--token T]`: serves until killed. */
async function main(argv: string[]) {
  const opt = (name: string) => {
    const i = argv.indexOf(`--${name}`);
    return i >= 0 ? argv[i + 1] : undefined;
  };
  const file = opt('data');
  if (!file) {
    process.stderr.write(
      'usage: node out/test/fake-github/main.js --data FILE [--port N] [--token TOKEN]\n',
    );
    process.exit(2);
  }
  const data = checkDataset(JSON.parse(fs.readFileSync(file, 'utf8')));
  const server = await startFakeGitHub({
    data,
    port: Number(opt('port') ?? 0),
    token: opt('token'),
  });
  process.stdout.write(
    `fake GitHub for ${data.repo} (${data.pullRequests.length} pull requests) at ${server.url}\n`,
  );
  const stop = () => {
    void server.close().then(() => process.exit(0));
  };
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
}

void main(process.argv.slice(2)).catch(e => {
  process.stderr.write(`${(e as Error).message}\n`);
  process.exit(1);
});
