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

/** Settings that make git start a program or write, overridden on every run. */
const FIXED_OVERRIDES: readonly string[] = [
  'core.fsmonitor=false',
  'core.hooksPath=' + (process.platform === 'win32' ? 'NUL' : '/dev/null'),
  'core.pager=cat',
  'core.sshCommand=false',
  'core.askPass=',
  'core.untrackedCache=false',
  'core.quotepath=off',
  'diff.external=',
  'log.showSignature=false',
  'gpg.program=false',
  'gpg.ssh.program=false',
  'gpg.x509.program=false',
  'credential.helper=',
  'protocol.allow=never',
  'uploadpack.packObjectsHook=',
  'diff.renames=true',
];

/** Per-name driver keys a repository can define (`filter.<name>.clean`, `diff.<name>.textconv`…). */
const DRIVER_KEY = /^(filter\.[^\n]+\.(clean|smudge|process)|diff\.[^\n]+\.(textconv|command)|merge\.[^\n]+\.driver)$/i;

let cachedBinary: string | undefined;

/** The git binary: an absolute path from PATH, never one relative to (or inside) the repository. */
export function gitBinary(repositoryRoot?: string): string {
  if (cachedBinary) return cachedBinary;
  const names = process.platform === 'win32' ? ['git.exe', 'git.cmd'] : ['git'];
  const root = repositoryRoot ? path.resolve(repositoryRoot) + path.sep : undefined;
  for (const dir of (process.env.PATH ?? '').split(path.delimiter)) {
    if (!dir || !path.isAbsolute(dir)) continue; // '.' or '' would find a git.exe committed in the repository
    if (root && (path.resolve(dir) + path.sep).startsWith(root)) continue;
    for (const name of names) {
      const candidate = path.join(dir, name);
      try {
        if (fs.statSync(candidate).isFile()) return (cachedBinary = candidate);
      } catch { /* not here */ }
    }
  }
  throw new Error('git is not installed (no git on PATH)');
}

/** The environment git runs in: no pager, no prompt, no optional index writes, no inherited redirects. */
export function gitEnvironment(base: NodeJS.ProcessEnv = process.env): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = {};
  for (const [k, v] of Object.entries(base)) {
    // GIT_DIR, GIT_WORK_TREE, GIT_EXTERNAL_DIFF, GIT_CONFIG_* … from an outer process (a hook, a test runner) would redirect us.
    if (!/^GIT_/i.test(k)) env[k] = v;
  }
  env.GIT_PAGER = 'cat';
  env.PAGER = 'cat';
  env.GIT_TERMINAL_PROMPT = '0';
  env.GIT_OPTIONAL_LOCKS = '0';
  env.GIT_CONFIG_NOSYSTEM = '1';
  env.GIT_NO_REPLACE_OBJECTS = '1';
  env.LC_ALL = 'C';
  return env;
}

/** `-c key=value` for the fixed overrides and for every driver the repository's config defines. */
export function safeConfigArgs(driverKeys: readonly string[] = []): string[] {
  const args: string[] = [];
  for (const kv of FIXED_OVERRIDES) args.push('-c', kv);
  for (const key of driverKeys) args.push('-c', `${key}=`);
  return args;
}

const driverCache = new Map<string, Promise<string[]>>();

/** The driver keys (filters, textconv, diff commands) a repository's configuration names. */
export function repositoryDriverKeys(root: string): Promise<string[]> {
  const key = path.resolve(root);
  let found = driverCache.get(key);
  if (!found) {
    found = new Promise<string[]>(resolve => {
      // `git config --list` reads configuration only; it starts no program.
      const child = spawn(gitBinary(root), [...safeConfigArgs(), 'config', '--list', '--name-only', '-z'], {
        cwd: root, env: gitEnvironment(), stdio: ['ignore', 'pipe', 'ignore'], windowsHide: true,
      });
      let out = '';
      child.stdout!.setEncoding('utf8');
      child.stdout!.on('data', (s: string) => { if (out.length < 1 << 20) out += s; });
      child.on('error', () => resolve([]));
      child.on('close', () => resolve([...new Set(out.split('\0').filter(k => DRIVER_KEY.test(k)))]));
    });
    driverCache.set(key, found);
    // A repository's config can change; keep the answer briefly only.
    setTimeout(() => driverCache.delete(key), 5_000).unref?.();
  }
  return found;
}

export interface SafeGitOptions {
  /** Extra spawn options; `cwd` defaults to the repository root. */
  spawn?: Omit<SpawnOptions, 'env' | 'shell'>;
}

/**
 * Spawns git in `root` with the safe binary, overrides and environment. Returns the child
 * process (stdio pipes by default), so callers stream its output.
 */
export async function spawnGit(root: string, args: readonly string[], options: SafeGitOptions = {}) {
  const drivers = await repositoryDriverKeys(root);
  return spawn(gitBinary(root), [...safeConfigArgs(drivers), ...args], {
    cwd: root,
    stdio: ['ignore', 'pipe', 'pipe'],
    windowsHide: true,
    ...options.spawn,
    env: gitEnvironment(),
    shell: false,
  });
}

export interface GitResult {
  code: number;
  stdout: Buffer;
  stderr: string;
}

/** Runs git to completion, collecting stdout (up to `maxBytes`, default 256 MB). */
export async function runGit(root: string, args: readonly string[], input?: string, maxBytes = 1 << 28): Promise<GitResult> {
  const child = await spawnGit(root, args, { spawn: { stdio: [input === undefined ? 'ignore' : 'pipe', 'pipe', 'pipe'] } });
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    let stderr = '';
    child.stdout!.on('data', (b: Buffer) => {
      size += b.length;
      if (size > maxBytes) { child.kill(); return reject(new Error(`git ${args[0]} printed more than ${maxBytes} bytes`)); }
      chunks.push(b);
    });
    child.stderr!.setEncoding('utf8');
    child.stderr!.on('data', (s: string) => { if (stderr.length < 8192) stderr += s; });
    child.on('error', e => reject(new Error(`git could not run (${(e as NodeJS.ErrnoException).code ?? e.message})`)));
    child.on('close', code => resolve({ code: code ?? 1, stdout: Buffer.concat(chunks), stderr }));
    if (input !== undefined) {
      child.stdin!.on('error', () => { /* git exited early; 'close' answers */ });
      child.stdin!.end(input);
    }
  });
}
