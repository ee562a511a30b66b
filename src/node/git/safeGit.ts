import { spawn, SpawnOptions } from 'child_process';
import * as fs from 'fs';
import * as path from 'path';

/**
 * Every git the product starts goes through here. A repository is untrusted input: its
 * `.git/config` can name programs (core.fsmonitor, hooks, pagers, external diff and textconv
 * drivers, filter drivers, gpg for signatures) that git would run on our behalf. We run git by
 * an absolute path found outside the repository, with those settings overridden on the command
 * line, and with an environment that disables pagers, prompts and optional locks.
 */

/** Settings that make git start a program, write, or change what its output means, overridden on every run. */
const FIXED_OVERRIDES: readonly string[] = [
  'core.fsmonitor=false',
  'core.hooksPath=' + (process.platform === 'win32' ? 'NUL' : '/dev/null'),
  'core.pager=cat',
  'core.sshCommand=false',
  'core.askPass=',
  'core.alternateRefsCommand=',
  'core.untrackedCache=false',
  'core.quotepath=off',
  'diff.external=',
  'diff.relative=false',
  'diff.submodule=short',
  'log.showSignature=false',
  'gpg.program=false',
  'gpg.ssh.program=false',
  'gpg.x509.program=false',
  'gpg.ssh.defaultKeyCommand=',
  'credential.helper=',
  'protocol.allow=never',
  'uploadpack.packObjectsHook=',
  'submodule.recurse=false',
  'gc.auto=0',
  'maintenance.auto=false',
  'color.ui=false',
  'diff.renames=true',
];

/**
 * Per-name driver settings a repository can define. Every variable of a named driver is
 * overridden, not only those present: `filter.<name>.required=true` with an emptied `clean`
 * would make git fail instead of skipping the filter.
 */
const DRIVER_VARIABLES: Record<string, readonly string[]> = {
  filter: ['clean=', 'smudge=', 'process=', 'required=false'],
  diff: ['textconv=', 'command=', 'cachetextconv=false'],
  merge: ['driver='],
};

/**
 * The driver (`filter.<name>`, `diff.<name>`, `merge.<name>`) a configuration key such as
 * `filter.lfs.clean` belongs to, if any. Sections and variables are case-insensitive, the name is
 * not; found with indexOf, not a regular expression, since the keys are the repository's.
 */
function driverOf(key: string): string | undefined {
  const first = key.indexOf('.');
  const last = key.lastIndexOf('.');
  if (first < 0 || last <= first + 1) return undefined;
  const section = key.slice(0, first).toLowerCase();
  if (!Object.prototype.hasOwnProperty.call(DRIVER_VARIABLES, section)) return undefined;
  return `${section}.${key.slice(first + 1, last)}`;
}

/** Whether `dir` is `root` or inside it (both absolute; symlinks resolved where they exist). */
function isInside(dir: string, root: string): boolean {
  const real = (p: string) => {
    try {
      return fs.realpathSync(p);
    } catch {
      return path.resolve(p);
    }
  };
  const d = real(dir) + path.sep;
  const r = real(root) + path.sep;
  return process.platform === 'win32' || process.platform === 'darwin'
    ? d.toLowerCase().startsWith(r.toLowerCase())
    : d.startsWith(r);
}

let cachedBinary: string | undefined;

/**
 * The git binary: an absolute path from PATH, never one relative to (or inside) the repository.
 * Only `git.exe` on Windows: a `git.cmd` or `git.bat` would need a shell.
 */
export function gitBinary(repositoryRoot?: string): string {
  if (cachedBinary && !(repositoryRoot && isInside(path.dirname(cachedBinary), repositoryRoot)))
    return cachedBinary;
  const names = process.platform === 'win32' ? ['git.exe'] : ['git'];
  for (const dir of (process.env.PATH ?? '').split(path.delimiter)) {
    if (!dir || !path.isAbsolute(dir)) continue; // '.' or '' would find a git.exe committed in the repository
    if (repositoryRoot && isInside(dir, repositoryRoot)) continue;
    for (const name of names) {
      const candidate = path.join(dir, name);
      try {
        if (!fs.statSync(candidate).isFile()) continue;
        if (process.platform !== 'win32') fs.accessSync(candidate, fs.constants.X_OK);
        if (!repositoryRoot) return (cachedBinary = candidate);
        // A binary found outside every repository is kept; one chosen for this repository is not cached.
        return candidate;
      } catch {
        /* not here */
      }
    }
  }
  throw new Error('git is not installed (no git on PATH outside the repository)');
}

/** The environment git runs in: no pager, no prompt, no optional index writes, no inherited redirects. */
export function gitEnvironment(base: NodeJS.ProcessEnv = process.env): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = {};
  for (const [k, v] of Object.entries(base)) {
    // GIT_DIR, GIT_WORK_TREE, GIT_EXTERNAL_DIFF, GIT_CONFIG_* … from an outer process (a hook, a test runner) would redirect us.
    if (!/^(GIT_|SSH_ASKPASS$)/i.test(k)) env[k] = v;
  }
  env.GIT_PAGER = 'cat';
  env.PAGER = 'cat';
  env.GIT_TERMINAL_PROMPT = '0';
  env.GIT_OPTIONAL_LOCKS = '0';
  env.GIT_CONFIG_NOSYSTEM = '1';
  env.GIT_NO_REPLACE_OBJECTS = '1';
  env.GIT_PROTOCOL_FROM_USER = '0';
  env.LC_ALL = 'C';
  return env;
}

/**
 * `-c key=value` for the fixed overrides and for every variable of every driver that
 * `driverKeys` (configuration keys such as `filter.lfs.clean`) names. Throws for a driver name
 * that `-c` cannot express (an '=' in it would move the split between key and value).
 */
export function safeConfigArgs(driverKeys: readonly string[] = []): string[] {
  const args: string[] = [];
  for (const kv of FIXED_OVERRIDES) args.push('-c', kv);
  const drivers = new Set(driverKeys.map(driverOf).filter((d): d is string => d !== undefined));
  for (const driver of drivers) {
    if (driver.includes('='))
      throw new Error(
        `git not started: the repository's configuration names a driver "${driver.replace(/[^\x20-\x7e]/g, '?')}" that cannot be overridden`,
      );
    for (const kv of DRIVER_VARIABLES[driver.slice(0, driver.indexOf('.'))])
      args.push('-c', `${driver}.${kv}`);
  }
  return args;
}

const driverCache = new Map<string, Promise<string[]>>();
/** More configuration keys than any real repository has; beyond it we refuse rather than guess. */
const MAX_CONFIG_CHARS = 4 << 20;
/** Reading configuration takes milliseconds; longer means it waits on something (a FIFO it includes). */
const CONFIG_TIMEOUT_MS = 10_000;

/** The driver keys (filters, textconv, diff commands) a repository's configuration names. */
export function repositoryDriverKeys(root: string): Promise<string[]> {
  const key = path.resolve(root);
  let found = driverCache.get(key);
  if (!found) {
    found = new Promise<string[]>((resolve, reject) => {
      if (!gitAllowed) throw new Error('git is not started in an untrusted workspace');
      // `git config --list` reads configuration only; it starts no program. Fails closed: a
      // configuration we could not read whole may name a driver we would then not override.
      const child = spawn(
        gitBinary(root),
        [...safeConfigArgs(), '--no-pager', 'config', '--list', '--name-only', '-z'],
        {
          cwd: root,
          env: gitEnvironment(),
          stdio: ['ignore', 'pipe', 'ignore'],
          windowsHide: true,
        },
      );
      let out = '';
      let tooLong = false;
      // An include.path naming a FIFO would keep git (and us) waiting for ever.
      let timedOut = false;
      const timer = setTimeout(() => {
        timedOut = true;
        child.kill();
      }, CONFIG_TIMEOUT_MS);
      timer.unref?.();
      child.stdout!.setEncoding('utf8');
      child.stdout!.on('data', (s: string) => {
        out += s;
        if (out.length > MAX_CONFIG_CHARS) {
          tooLong = true;
          child.kill();
        }
      });
      child.on('error', e =>
        reject(new Error(`git could not run (${(e as NodeJS.ErrnoException).code ?? e.message})`)),
      );
      child.on('close', code => {
        clearTimeout(timer);
        if (timedOut)
          return reject(
            new Error(
              `git not started: reading the repository's configuration took more than ${CONFIG_TIMEOUT_MS / 1000} s`,
            ),
          );
        if (tooLong)
          return reject(
            new Error(
              `git not started: the repository's configuration lists more than ${MAX_CONFIG_CHARS} characters of keys`,
            ),
          );
        if (code !== 0)
          return reject(new Error("git could not read the repository's configuration"));
        resolve([...new Set(out.split('\0').filter(k => driverOf(k) !== undefined))]);
      });
    });
    driverCache.set(key, found);
    // A repository's config can change; keep the answer briefly only.
    setTimeout(() => driverCache.delete(key), 5_000).unref?.();
  }
  return found;
}

/** Subcommands that can start an external diff or a textconv driver. */
const DIFFING = new Set([
  'diff',
  'log',
  'show',
  'whatchanged',
  'diff-tree',
  'diff-index',
  'diff-files',
]);

/**
 * The overrides above empty the drivers, which makes git fail rather than run them; diffing
 * subcommands are also told not to look for them, so they answer instead of failing.
 */
function withoutDrivers(args: readonly string[]): readonly string[] {
  if (!DIFFING.has(args[0])) return args;
  return [args[0], '--no-ext-diff', '--no-textconv', ...args.slice(1)];
}

let gitAllowed = true;

/**
 * Turns starting git on or off for this process. The editor turns it off in an untrusted
 * workspace (Restricted Mode), so no code path, present or future, starts git there.
 */
export function setGitAllowed(allowed: boolean): void {
  gitAllowed = allowed;
}

export interface SafeGitOptions {
  /** Extra spawn options; `cwd` defaults to the repository root. */
  spawn?: Omit<SpawnOptions, 'env' | 'shell'>;
}

/**
 * Spawns git in `root` with the safe binary, overrides and environment. Returns the child
 * process (stdio pipes by default), so callers stream its output.
 */
export async function spawnGit(
  root: string,
  args: readonly string[],
  options: SafeGitOptions = {},
) {
  if (!gitAllowed) throw new Error('git is not started in an untrusted workspace');
  const drivers = await repositoryDriverKeys(root);
  return spawn(
    gitBinary(root),
    [...safeConfigArgs(drivers), '--no-pager', ...withoutDrivers(args)],
    {
      cwd: root,
      stdio: ['ignore', 'pipe', 'pipe'],
      windowsHide: true,
      ...options.spawn,
      env: gitEnvironment(),
      shell: false,
    },
  );
}

export interface GitResult {
  code: number;
  stdout: Buffer;
  stderr: string;
}

/** Runs git to completion, collecting stdout (up to `maxBytes`, default 256 MB). */
export async function runGit(
  root: string,
  args: readonly string[],
  input?: string,
  maxBytes = 1 << 28,
): Promise<GitResult> {
  const child = await spawnGit(root, args, {
    spawn: { stdio: [input === undefined ? 'ignore' : 'pipe', 'pipe', 'pipe'] },
  });
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    let stderr = '';
    child.stdout!.on('data', (b: Buffer) => {
      size += b.length;
      if (size > maxBytes) {
        child.kill();
        return reject(new Error(`git ${args[0]} printed more than ${maxBytes} bytes`));
      }
      chunks.push(b);
    });
    child.stderr!.setEncoding('utf8');
    child.stderr!.on('data', (s: string) => {
      if (stderr.length < 8192) stderr += s;
    });
    child.on('error', e =>
      reject(new Error(`git could not run (${(e as NodeJS.ErrnoException).code ?? e.message})`)),
    );
    child.on('close', code => resolve({ code: code ?? 1, stdout: Buffer.concat(chunks), stderr }));
    if (input !== undefined) {
      child.stdin!.on('error', () => {
        /* git exited early; 'close' answers */
      });
      child.stdin!.end(input);
    }
  });
}
