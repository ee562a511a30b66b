// A team across repositories, for the `teams` integration suite: a multi-root workspace of two git
// folders (acme/shop, the sample repository, and acme/tools) and a third repository, acme/infra,
// that is not opened but listed in `ownershipLens.teams.otherRepositories`. The fake GitHub serves
// all three: pull requests resampled from the sample's real history, and each OWNERS.yaml.
// The Platform team (lead dan) owns components in all three; Data only in acme/tools.
'use strict';
const fs = require('fs');
const path = require('path');
const { materialise, gitRepository, useFakeGitHub, DEMO_TOKEN } = require('./demoEnvironment');

const ROOT = path.resolve(__dirname, '../..');

const TOOLS_OWNERS = `version: 1
teams:
  platform: { name: Platform, lead: dan, members: [erin, gus] }
  data: { name: Data, lead: carol, members: [bob] }
components:
  cli:
    name: Command-line tools
    team: platform
    owner: erin
    paths: [/tools/]
  etl:
    name: Nightly ETL
    team: data
    owner: carol
    paths: [/etl/]
`;

const INFRA_OWNERS = `version: 1
teams:
  platform: { name: Platform, lead: dan, members: [erin] }
components:
  terraform:
    name: Terraform
    team: platform
    owner: dan
    paths: [/terraform/]
`;

/** Another repository's history from the sample's: every third pull request, its files moved under `dirs`. */
function resample(shop, repo, remainder, dirs) {
  return {
    repo,
    pullRequests: shop.pullRequests
      .filter(p => p.number % 3 === remainder)
      .map(p => ({
        ...p,
        files: p.files.map((f, i) => ({
          ...f,
          path: `${dirs[(p.number + i) % dirs.length]}/${path.basename(f.path)}`,
        })),
      })),
  };
}

/** acme/tools and acme/infra as the fake GitHub serves them (their pull requests and OWNERS.yaml), from the sample's. */
function otherRepositories(shop) {
  return [
    {
      ...resample(shop, 'acme/tools', 1, ['tools', 'tools', 'etl']),
      files: { 'OWNERS.yaml': TOOLS_OWNERS },
    },
    {
      ...resample(shop, 'acme/infra', 2, ['terraform']),
      files: {
        'OWNERS.yaml': INFRA_OWNERS,
        '.gitattributes': 'terraform/values.yaml linguist-generated\n',
      },
    },
  ];
}

/** A folder of `files` that is a git repository with `remote` as its origin. */
function gitFolder(dir, remote, files) {
  for (const [f, text] of Object.entries(files)) {
    fs.mkdirSync(path.dirname(path.join(dir, f)), { recursive: true });
    fs.writeFileSync(path.join(dir, f), text);
  }
  gitRepository(dir, remote);
}

async function startTeamsEnvironment(dirs) {
  const parent = path.join(dirs.tmp, 'teams');
  const shopDir = path.join(parent, 'shop');
  fs.cpSync(path.join(ROOT, 'demo/workspace'), shopDir, { recursive: true });
  gitFolder(shopDir, 'https://github.com/acme/shop.git', {});
  gitFolder(path.join(parent, 'tools'), 'https://github.com/acme/tools.git', {
    'OWNERS.yaml': TOOLS_OWNERS,
    'tools/cli.ts': 'export {};\n',
    'etl/nightly.py': '',
  });
  const workspace = path.join(parent, 'teams.code-workspace');
  fs.writeFileSync(
    workspace,
    JSON.stringify(
      {
        folders: [{ path: 'shop' }, { path: 'tools' }],
        settings: { 'ownershipLens.teams.otherRepositories': ['acme/infra'] },
      },
      null,
      2,
    ),
  );

  const shop = materialise(path.join(ROOT, 'demo/pull-requests.json'));
  shop.files = { 'OWNERS.yaml': fs.readFileSync(path.join(shopDir, 'OWNERS.yaml'), 'utf8') };
  const [tools, infra] = otherRepositories(shop);

  const { startFakeGitHub } = require(path.join(ROOT, 'out/test/fake-github/server.js'));
  // acme/bare exists and has no OWNERS.yaml (listed by a test, to be told why it adds nothing).
  const bare = {
    repo: 'acme/bare',
    pullRequests: [],
    files: { 'README.md': 'No OWNERS.yaml here.\n' },
  };
  const github = await startFakeGitHub({
    data: shop,
    repositories: [tools, infra, bare],
    port: 0,
    token: DEMO_TOKEN,
  });
  useFakeGitHub(dirs, github.url);
  return { workspace, github, env: { GH_TOKEN: DEMO_TOKEN }, stop: () => github.close() };
}

module.exports = { startTeamsEnvironment, otherRepositories };
