// A real git history for the sample repository, generated from the same pull requests the demo's
// fake GitHub serves, so that the git source and the GitHub source roughly agree: per pull request,
// one commit by its author on a topic branch, then "Merge pull request #N from author/topic" on main
// (the first-parent line), at the dates the server reports (relative to the product's clock).
// Each file change adds and removes exactly the lines the pull request says, as comment lines after
// the sample's own text, so the files still read as code. Written in one `git fast-import` run.
'use strict';
const fs = require('fs');
const path = require('path');

const ROOT = path.resolve(__dirname, '../..');
const DAY = 86_400_000;

/** The address a login commits with: people.<login>.emails in the sample's OWNERS.yaml, or GitHub's no-reply address for a bot. */
function identity(login) {
  if (/\[bot\]$/.test(login)) return `${login} <49699333+${login}@users.noreply.github.com>`;
  return `${login} <${login}@acme.example>`;
}

/** How a generated line is written in a file of this kind (a comment where the language has one). */
function lineStyle(file) {
  const ext = path.extname(file);
  if (ext === '.json')
    return {
      head: ['{', '  "changes": ['],
      line: t => `    "${t}",`,
      foot: ['    "end"', '  ]', '}'],
    };
  if (ext === '.css') return { head: [], line: t => `/* ${t} */`, foot: [] };
  if (ext === '.md') return { head: [], line: t => `<!-- ${t} -->`, foot: [] };
  if (['.yaml', '.yml', '.py', '.csv', ''].includes(ext))
    return { head: [], line: t => `# ${t}`, foot: [] };
  return { head: [], line: t => `// ${t}`, foot: [] };
}

function listFiles(dir, base = dir) {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap(e => {
    const p = path.join(dir, e.name);
    if (e.name === '.git') return [];
    return e.isDirectory()
      ? listFiles(p, base)
      : [path.relative(base, p).split(path.sep).join('/')];
  });
}

const when = ms => `${Math.floor(ms / 1000)} +0000`;
const data = text => `data ${Buffer.byteLength(text)}\n${text}\n`;

/**
 * The fast-import stream: a first commit with the sample's files (before the oldest pull request),
 * then a topic commit and a merge commit per pull request, oldest first.
 */
function historyStream(ws, pullRequests) {
  const files = new Map(); // path -> { own: the sample's lines, body: generated lines, style }
  const out = [];
  let mark = 0;
  const blob = p => {
    const f = files.get(p);
    const lines = [...f.own, ...f.style.head, ...f.body.map(f.style.line), ...f.style.foot];
    out.push(`blob\nmark :${++mark}\n${data(lines.length ? lines.join('\n') + '\n' : '')}`);
    return mark;
  };
  const sorted = [...pullRequests].sort(
    (a, b) => a.mergedAt.localeCompare(b.mergedAt) || a.number - b.number,
  );
  const start = Date.parse(sorted[0].mergedAt) - 30 * DAY;
  const own = listFiles(ws);
  const rootBlobs = own.map(p => {
    const text = fs.readFileSync(path.join(ws, p), 'utf8');
    files.set(p, {
      own: text.replace(/\n$/, '').split('\n'),
      body: [],
      style: { head: [], line: lineStyle(p).line, foot: [] },
      sample: true,
    });
    out.push(`blob\nmark :${++mark}\n${data(text)}`);
    return [p, mark];
  });
  // A file whose kind needs lines around the generated ones (JSON's brackets) starts in the first
  // commit, so that a pull request adds exactly its own lines.
  for (const p of new Set(sorted.flatMap(pr => pr.files.map(f => f.path)))) {
    const style = lineStyle(p);
    if (files.has(p) || style.head.length + style.foot.length === 0) continue;
    files.set(p, { own: [], body: [], style });
    rootBlobs.push([p, blob(p)]);
  }
  out.push(
    `commit refs/heads/main\nmark :${++mark}\nauthor Acme Shop <shop@acme.example> ${when(start)}\ncommitter Acme Shop <shop@acme.example> ${when(start)}\n${data('The Acme Shop sample repository')}` +
      rootBlobs.map(([p, m]) => `M 100644 :${m} ${p}\n`).join('') +
      '\n',
  );
  let main = mark;
  for (const pr of sorted) {
    const merged = Date.parse(pr.mergedAt);
    const changed = pr.files.map((f, i) => {
      if (!files.has(f.path)) files.set(f.path, { own: [], body: [], style: lineStyle(f.path) });
      const file = files.get(f.path);
      file.body.splice(0, Math.min(f.deletions, file.body.length));
      for (let k = 0; k < f.additions; k++) file.body.push(`#${pr.number} ${i}.${k}`);
      return [f.path, blob(f.path)];
    });
    const who = identity(pr.author);
    const topic = `${pr.author.replace(/\[bot\]$/, '')}/pr-${pr.number}`;
    const mods = changed.map(([p, m]) => `M 100644 :${m} ${p}\n`).join('');
    out.push(
      `commit refs/heads/topic\nmark :${++mark}\nauthor ${who} ${when(Date.parse(pr.createdAt))}\ncommitter ${who} ${when(Date.parse(pr.createdAt))}\n${data(pr.title)}from :${main}\n${mods}\n`,
    );
    const topicMark = mark;
    out.push(
      `commit refs/heads/main\nmark :${++mark}\nauthor ${who} ${when(merged)}\ncommitter GitHub <noreply@github.com> ${when(merged)}\n` +
        `${data(`Merge pull request #${pr.number} from ${topic}\n\n${pr.title}`)}from :${main}\nmerge :${topicMark}\n${mods}\n`,
    );
    main = mark;
  }
  return out.join('');
}

/**
 * Turns the sample copy `ws` (already `git init`ed, with its remote) into a repository whose history
 * is `pullRequests` (as the fake GitHub serves them) and whose working tree is clean at main.
 */
async function writeDemoHistory(ws, pullRequests) {
  const { runGit } = require(path.join(ROOT, 'out/src/node/git/safeGit.js'));
  const git = async (args, input) => {
    const r = await runGit(ws, args, input);
    if (r.code !== 0)
      throw new Error(`git ${args[0]} failed in the demo repository: ${r.stderr.trim()}`);
    return r;
  };
  await git(['fast-import', '--quiet', '--force'], historyStream(ws, pullRequests));
  await git(['symbolic-ref', 'HEAD', 'refs/heads/main']);
  await git(['reset', '--hard', '-q', 'main']);
  await git(['branch', '-D', '-q', 'topic']);
}

module.exports = { writeDemoHistory, historyStream, identity };
