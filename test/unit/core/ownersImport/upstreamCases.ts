/**
 * Cases from the upstream test suites, translated: each names the upstream file and test it comes
 * from, the input, and the owners upstream asserts for each path ('' = none). `derived` marks paths
 * that upstream's test does not assert but that follow from its code (file.rb, repoowners.go) on the
 * same input. `refused` lists paths the import may not answer as upstream does, provided a note names
 * the given file and line and says what to write instead.
 */
export interface UpstreamCase {
  name: string;
  from: { repo: string; file: string; test: string };
  kind: 'gitlab' | 'prow';
  /** GitLab: the CODEOWNERS text; Prow: files by repository-relative path. */
  input: string | Record<string, string>;
  expect: [path: string, owners: string][];
  derived?: [path: string, owners: string][];
  refused?: { path: string; file: string; line: number }[];
  /** The import names overlaps between sections it cannot write exactly (inexact notes); the listed paths still agree. */
  inexactNamed?: true;
}

const GITLAB = { repo: 'gitlab-org/gitlab', file: 'ee/spec/lib/gitlab/code_owners/file_spec.rb' };
const PROW = { repo: 'kubernetes-sigs/prow', file: 'pkg/repoowners/repoowners_test.go' };

/** ee/spec/fixtures/codeowners_example, as the spec's parsed patterns and owner lines describe it. */
const CODEOWNERS_EXAMPLE = `# This is an example code owners file, lines starting with a \`#\` will
# be ignored.

# app/ @commented-rule

# We can specify a default match using wildcards:
* @default-codeowner

# Rules defined later in the file take precedence over the rules
# defined before.
*.rb @ruby-owner

# Files with a \`#\` can still be accesssed by escaping the pound sign
\\#file_with_pound.rb @owner-file-with-pound

# Multiple codeowners can be specified, separated by spaces or tabs
CODEOWNERS @multiple @owners\t@tab-separated

# Both usernames or email addresses can be used to match users. Everything else will be ignored.
LICENSE @legal this does not match janedoe@gitlab.com

# Ending a path in a \`/\` will specify the code owners for every file nested in that directory
/docs/ @all-docs

# Ending a path in \`/*\` will specify code owners for every file in that directory, not deeper
/docs/* @root-docs

# This will make a \`lib\` directory nested anywhere in the repository match
lib/ @lib-owner

# This will only match a \`config\` directory in the root of the repository
/config/ @config-owner

# If the path contains spaces, these need to be escaped like this:
path\\ with\\ spaces/ @space-owner
`;

/** ee/spec/fixtures/sectional_codeowners_example: the example above plus the sections the spec lists. */
const SECTIONAL_EXAMPLE = `${CODEOWNERS_EXAMPLE}
[Documentation]
ee/docs    @gl-docs
docs       @gl-docs

[Database]
README.md  @gl-database
model/db   @gl-database

[Two Words]
README.md  @gl-database
model/db   @gl-database

[Double::Colon]
README.md  @gl-database
model/db   @gl-database

[DefaultOwners] @config-owner @gl-docs
README.md
model/db

[OverriddenOwners] @config-owner
README.md  @gl-docs
model/db   @gl-docs

[Documentation]
README.md  @gl-docs
`;

const RETURNS_EXPECTED_MATCHES: [string, string][] = [
  ['app/assets/something.vue', 'default-codeowner'],
  ['hello.rb', 'ruby-owner'],
  ['app/models/repository.rb', 'ruby-owner'],
  ['CODEOWNERS', 'multiple owners tab-separated'],
  ['LICENSE', 'janedoe@gitlab.com legal'],
  ['examples/#file_with_pound.rb', 'owner-file-with-pound'],
  ['docs/projects/index.md', 'all-docs'],
  ['docs/index.md', 'root-docs'],
  ['lib/gitlab/git/repository.rb', 'lib-owner'],
  ['ee/lib/gitlab/git/repository.rb', 'lib-owner'],
  ['config/database.yml', 'config-owner'],
  ['other/config/database.yml', 'default-codeowner'],
  ['path with spaces/docs.md', 'space-owner'],
];

/** repoowners_test.go's shared testFiles with its OWNERS_ALIASES (alias names in mixed case). */
const PROW_TEST_FILES: Record<string, string> = {
  OWNERS:
    'approvers:\n- cjwagner\nreviewers:\n- Alice\n- bob\nrequired_reviewers:\n- chris\nlabels:\n- EVERYTHING\n',
  'src/OWNERS': 'approvers:\n- Best-Approvers\n',
  'src/dir/OWNERS':
    'approvers:\n- bob\nreviewers:\n- alice\n- "@CJWagner"\n- jakub\nrequired_reviewers:\n- ben\nlabels:\n- src-code\n',
  'src/dir/subdir/OWNERS': 'approvers:\n- bob\n- alice\nreviewers:\n- bob\n- alice\n',
  'src/dir/conformance/OWNERS':
    'options:\n  no_parent_owners: true\n  auto_approve_unowned_subfolders: true\napprovers:\n- mml\n',
  'vendor/OWNERS': 'approvers:\n- alice\n',
  'vendor/k8s.io/client-go/OWNERS': 'approvers:\n- bob\n',
  OWNERS_ALIASES:
    'aliases:\n  Best-approvers:\n  - carl\n  - cjwagner\n  best-reviewers:\n  - Carl\n  - BOB',
};

export const UPSTREAM_CASES: UpstreamCase[] = [
  {
    name: 'GitLab: the documented example, no sections',
    from: {
      ...GITLAB,
      test: '#entries_for_path returns expected matches (when CODEOWNERS file contains no sections)',
    },
    kind: 'gitlab',
    input: CODEOWNERS_EXAMPLE,
    expect: RETURNS_EXPECTED_MATCHES,
    derived: [
      ['docs', 'default-codeowner'],
      ['src/LICENSE', 'janedoe@gitlab.com legal'],
      ['LICENSE/notes.txt', 'default-codeowner'],
      ['a/lib/b/c.txt', 'lib-owner'],
    ],
  },
  {
    name: 'GitLab: the sectional example (the default section decides the first entry; every section adds its own)',
    from: {
      ...GITLAB,
      test: '#entries_for_path returns expected matches (when CODEOWNERS file contains multiple sections); #parsed_data sectional',
    },
    kind: 'gitlab',
    input: SECTIONAL_EXAMPLE,
    inexactNamed: true,
    expect: [
      ['app/assets/something.vue', 'default-codeowner'],
      ['hello.rb', 'ruby-owner'],
      ['docs/projects/index.md', 'all-docs'],
      ['config/database.yml', 'config-owner'],
    ],
    derived: [
      // `model/db` and `docs` are file names in GitLab: at any depth, and nothing below them.
      ['model/db', 'config-owner default-codeowner gl-database gl-docs'],
      ['src/model/db', 'config-owner default-codeowner gl-database gl-docs'],
      ['model/db/schema.rb', 'ruby-owner'],
      ['ee/docs', 'default-codeowner gl-docs'],
      ['docs', 'default-codeowner gl-docs'],
      ['docs/index.md', 'root-docs'],
      ['README.md', 'config-owner default-codeowner gl-database gl-docs'],
      ['deep/README.md', 'config-owner default-codeowner gl-database gl-docs'],
    ],
  },
  {
    name: 'GitLab: exclusions per section',
    from: { ...GITLAB, test: '#entries_for_path when handling excluded patterns' },
    kind: 'gitlab',
    input: '* @group-x\n!*.rb\n\n[Ruby]\n*.rb @ruby-devs\n!/config/*\n',
    expect: [
      ['file.txt', 'group-x'],
      ['app/models/user.rb', 'ruby-devs'],
      ['config/routes.rb', ''],
      ['config/database.rb', ''],
    ],
    derived: [
      ['config/deep/routes.rb', 'ruby-devs'],
      ['config/x.txt', 'group-x'],
    ],
  },
  {
    name: 'GitLab: nested exclusions',
    from: {
      ...GITLAB,
      test: '#entries_for_path when handling excluded patterns with nested exclusions',
    },
    kind: 'gitlab',
    input: '* @group-x\n\n!/app/temp/*\n!/app/*/temp/*\n',
    expect: [
      ['app/models/user.rb', 'group-x'],
      ['app/temp/temp.rb', ''],
      ['app/models/temp/file.rb', ''],
    ],
    derived: [['app/temp/deeper/x.rb', 'group-x']],
  },
  {
    name: 'GitLab: a glob on the root directory',
    from: { ...GITLAB, test: '#entries_for_path a glob on the root directory' },
    kind: 'gitlab',
    input: '/* @user-1 @user-2',
    expect: [
      ['README.md', 'user-1 user-2'],
      ['nested/path/README.md', ''],
    ],
  },
  {
    name: 'GitLab: foo/* matches in any folder',
    from: { ...GITLAB, test: '#entries_for_path a glob on the root directory partial matches' },
    kind: 'gitlab',
    input: 'foo/* @user-1 @user-2',
    expect: [
      ['fufoo/bar', ''],
      ['baz/foo/bar', 'user-1 user-2'],
      ['foo/bar', 'user-1 user-2'],
    ],
    derived: [['foo/bar/baz', '']],
  },
  {
    name: 'GitLab: escaped spaces and owner lookalikes in a path',
    from: { ...GITLAB, test: '#entries_for_path paths with whitespaces and username lookalikes' },
    kind: 'gitlab',
    input:
      'a/weird\\ path\\ with/\\ @username\\ /\\ and-email@lookalikes.com\\ / @user-1 email@gitlab.org @user-2',
    expect: [
      [
        'a/weird path with/ @username / and-email@lookalikes.com /test.rb',
        'email@gitlab.org user-1 user-2',
      ],
    ],
  },
  {
    name: 'GitLab: non-owner words on a rule line are ignored',
    from: {
      ...GITLAB,
      test: '#parsed_data when there are entries that do not look like user references (and the LICENSE line)',
    },
    kind: 'gitlab',
    input: 'a-path/ this is all random @username and email@gitlab.org\n',
    expect: [
      ['a-path/x', 'email@gitlab.org username'],
      ['deep/a-path/x', 'email@gitlab.org username'],
    ],
  },
  {
    name: 'GitLab: sections only at the start of a line; approval counts',
    from: { ...GITLAB, test: '#parsed_data sections at the middle of a line; approvals_required' },
    kind: 'gitlab',
    input:
      '[Required][2]\n*_spec.rb @gl-test\n\n^[Optional]\n*_spec.rb @gl-test\n\nSomething before [Partially optional]\n*.md @gl-docs\n',
    expect: [
      ['a/b_spec.rb', 'gl-test'],
      ['README.md', 'gl-docs'],
    ],
    derived: [
      ['Something', ''],
      ['x/Something/y.txt', ''],
    ],
  },
  {
    name: 'GitLab: a repeated pattern keeps its first place (parsed_data is a hash)',
    from: {
      ...GITLAB,
      test: 'derived from Gitlab::CodeOwners::File#parsed_data (entries keyed by pattern)',
    },
    kind: 'gitlab',
    input: '*.rb @a\n/lib/ @b\n*.rb @c\n',
    expect: [],
    derived: [
      ['x.rb', 'c'],
      ['lib/x.rb', 'b'],
      ['lib/x.txt', 'b'],
    ],
  },
  {
    name: 'GitLab: a character class cannot be written in OWNERS.yaml',
    from: {
      ...GITLAB,
      test: 'derived from normalize_pattern + File.fnmatch (FNM_PATHNAME | FNM_DOTMATCH)',
    },
    kind: 'gitlab',
    input: '* @all\nfile[12].txt @nums\n',
    expect: [],
    derived: [['file3.txt', 'all']],
    refused: [{ path: 'file1.txt', file: 'CODEOWNERS', line: 2 }],
  },
  {
    name: 'Prow: approvers up the tree, aliases without case, vendor/ read but not vendor/*/*',
    from: {
      ...PROW,
      test: 'TestLoadRepoOwnersV2 "alias, no md" (expectedApprovers) with Approvers() walking up',
    },
    kind: 'prow',
    input: PROW_TEST_FILES,
    expect: [
      ['main.go', 'cjwagner'],
      ['src/x.go', 'carl cjwagner'],
      ['src/dir/x.go', 'bob carl cjwagner'],
      ['src/dir/subdir/x.go', 'alice bob carl cjwagner'],
      ['src/dir/conformance/x.go', 'mml'],
      ['vendor/x.go', 'alice cjwagner'],
      ['vendor/k8s.io/client-go/x.go', 'alice cjwagner'],
    ],
  },
  {
    name: 'Prow: filters, no_parent_owners and regular expressions (TestGetApprovers)',
    from: { ...PROW, test: 'TestGetApprovers' },
    kind: 'prow',
    input: {
      OWNERS: 'approvers: [alice, bob]\n',
      'a/b/c/OWNERS': 'approvers: [carl, dave]\n',
      'a/b/e/OWNERS':
        'filters:\n  ".*\\\\.md":\n    approvers: [carl, dave]\n  ".*\\\\.txt":\n    approvers: [elic]\n',
      'd/OWNERS': 'options:\n  no_parent_owners: true\napprovers: [mml]\n',
      'f/OWNERS':
        'options:\n  no_parent_owners: true\nfilters:\n  ".*\\\\.md":\n    approvers: [carl, dave]\n  ".*\\\\.txt":\n    approvers: [flex]\n',
    },
    expect: [
      ['testFile.md', 'alice bob'],
      ['a/b/c/testFile.md', 'alice bob carl dave'],
      ['a/b/e/testFile.dat', 'alice bob'],
      ['d/testFile.go', 'mml'],
      ['f/testFile.go_to_parent', 'alice bob'],
      ['DELETED_DIR/testFile.md', 'alice bob'],
      ['a/b/e/testFile.md', 'alice bob carl dave'],
      ['f/testFile.txt', 'flex'],
    ],
    derived: [
      ['a/b/e/testFile.txt', 'alice bob elic'],
      ['f/testFile.md', 'carl dave'],
    ],
    refused: [
      { path: 'a/b/e/testFile.md', file: 'a/b/e/OWNERS', line: 2 },
      { path: 'a/b/e/testFile.txt', file: 'a/b/e/OWNERS', line: 4 },
      { path: 'f/testFile.md', file: 'f/OWNERS', line: 4 },
      { path: 'f/testFile.txt', file: 'f/OWNERS', line: 6 },
    ],
  },
  {
    name: 'Prow: aliases as lists, flow mappings, empty and null (TestParseAliasesConfig)',
    from: {
      ...PROW,
      test: 'TestParseAliasesConfig "valid aliases", "flow style mapping", "empty alias group with braces", "empty alias group"',
    },
    kind: 'prow',
    input: {
      OWNERS_ALIASES:
        'aliases:\n  team1: {alice, bob}\n  Team2:\n    - nikhilnishad\n  empty-braces: {}\n  empty-list: []\n  empty-alias-group:\n',
      OWNERS: 'approvers: [root]\n',
      'a/OWNERS': 'approvers: [TEAM1]\n',
      'b/OWNERS': 'approvers: [team2]\n',
      'c/OWNERS':
        'options:\n  no_parent_owners: true\napprovers: [empty-braces, empty-list, empty-alias-group]\n',
    },
    expect: [],
    derived: [
      ['a/x', 'alice bob root'],
      ['b/x', 'nikhilnishad root'],
      ['c/x', 'root'],
    ],
  },
];
