import * as fs from 'fs';
import * as path from 'path';

/**
 * Reading and writing files a repository names, without leaving the repository. A committed
 * symbolic link is untrusted input: `.github/CODEOWNERS -> ~/.ssh/id_rsa` would import a private
 * key, a dangling `OWNERS.yaml -> /home/u/.bashrc` would make `--output` write outside, and
 * `OWNERS.yaml -> /dev/zero` (size 0 to stat) would be read without end.
 *
 * The rule: a path that lies (as written) inside the repository must, with every link resolved,
 * still lie inside it, and be a regular file. A path outside the repository was typed by the
 * user and is taken as given, but is still read only if it is a regular file, and written only
 * if it is not a link. Reads stop at the size limit plus one byte; writes go to a new temporary
 * file next to the target (created exclusively, never through a link) and are renamed over it.
 */

export type BoundedRead =
  | { kind: 'ok'; bytes: Buffer }
  | { kind: 'too-large'; bytes: number }
  | { kind: 'missing' }
  | { kind: 'refused'; reason: string };

const O_NOFOLLOW = fs.constants.O_NOFOLLOW ?? 0;
const O_NONBLOCK = fs.constants.O_NONBLOCK ?? 0;

function caseFolds(): boolean {
  return process.platform === 'win32' || process.platform === 'darwin';
}

/** Whether `p` is `dir` or below it (both absolute, compared as written). */
export function isWithin(p: string, dir: string): boolean {
  const rel = path.relative(
    caseFolds() ? dir.toLowerCase() : dir,
    caseFolds() ? p.toLowerCase() : p,
  );
  return rel === '' || (!rel.startsWith('..') && !path.isAbsolute(rel));
}

/**
 * Where `file` really is, or a refusal when it lies inside `root` as written but its links lead
 * outside. `undefined` when it does not exist (nor its links' targets).
 */
function realInside(file: string, root: string | undefined): { real?: string; refused?: string } {
  const lexical = path.resolve(file);
  let real: string;
  try {
    real = fs.realpathSync(lexical);
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code === 'ENOENT') {
      // A dangling link is a link all the same: refuse it rather than say "missing".
      try {
        if (fs.lstatSync(lexical).isSymbolicLink())
          return { refused: `${file} is a symbolic link to something that does not exist` };
      } catch {
        /* really missing */
      }
      return {};
    }
    throw e;
  }
  if (root !== undefined && isWithin(lexical, path.resolve(root))) {
    let realRoot: string;
    try {
      realRoot = fs.realpathSync(root);
    } catch {
      realRoot = path.resolve(root);
    }
    if (!isWithin(real, realRoot))
      return {
        refused: `${file} is a symbolic link to ${real}, outside the repository; it is not read`,
      };
  }
  return { real };
}

/**
 * The bytes of `file` if it is a regular file (inside `root`, see above), at most `maxBytes`:
 * one byte more says "too large" without reading the rest.
 */
export function readRegularFile(file: string, maxBytes: number, root?: string): BoundedRead {
  let where: { real?: string; refused?: string };
  try {
    where = realInside(file, root);
  } catch (e) {
    return {
      kind: 'refused',
      reason: `${file} cannot be read (${(e as NodeJS.ErrnoException).code ?? (e as Error).message})`,
    };
  }
  if (where.refused) return { kind: 'refused', reason: where.refused };
  if (!where.real) return { kind: 'missing' };
  let fd: number;
  try {
    const stat = fs.lstatSync(where.real);
    if (stat.isDirectory()) return { kind: 'refused', reason: `${file} is a directory` };
    // Before opening: opening a FIFO would wait for a writer, a device would never end.
    if (!stat.isFile())
      return {
        kind: 'refused',
        reason: `${file} is not a regular file (a device, pipe or socket)`,
      };
    fd = fs.openSync(where.real, fs.constants.O_RDONLY | O_NOFOLLOW | O_NONBLOCK);
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    if (code === 'ENOENT') return { kind: 'missing' };
    return { kind: 'refused', reason: `${file} cannot be read (${code ?? (e as Error).message})` };
  }
  try {
    if (!fs.fstatSync(fd).isFile())
      return { kind: 'refused', reason: `${file} is not a regular file` };
    const chunks: Buffer[] = [];
    let total = 0;
    for (;;) {
      const buf = Buffer.alloc(Math.min(1 << 20, maxBytes + 1 - total));
      const n = fs.readSync(fd, buf, 0, buf.length, null);
      if (n === 0) break;
      chunks.push(n === buf.length ? buf : buf.subarray(0, n));
      total += n;
      if (total > maxBytes) {
        const size = fs.fstatSync(fd).size;
        return { kind: 'too-large', bytes: Math.max(size, total) };
      }
    }
    return { kind: 'ok', bytes: Buffer.concat(chunks, total) };
  } catch (e) {
    return {
      kind: 'refused',
      reason: `${file} cannot be read (${(e as NodeJS.ErrnoException).code ?? (e as Error).message})`,
    };
  } finally {
    fs.closeSync(fd);
  }
}

/** Thrown by `writeFileNoFollow` when the file exists and `overwrite` was not given. */
export class FileExistsError extends Error {}

/**
 * Writes `data` to `file` without following a link: the target must not be a symbolic link nor
 * anything but a regular file, and (when it lies inside `root` as written) its folder must really
 * be inside `root`. Written to a new temporary file beside it, then renamed over it.
 */
export function writeFileNoFollow(
  file: string,
  data: string | Uint8Array,
  options: { root?: string; overwrite: boolean },
): void {
  const target = path.resolve(file);
  const dir = path.dirname(target);
  let realDir: string;
  try {
    realDir = fs.realpathSync(dir);
  } catch (e) {
    throw new Error(
      `${path.dirname(file)} cannot be written to (${(e as NodeJS.ErrnoException).code ?? (e as Error).message})`,
    );
  }
  if (options.root !== undefined && isWithin(target, path.resolve(options.root))) {
    let realRoot: string;
    try {
      realRoot = fs.realpathSync(options.root);
    } catch {
      realRoot = path.resolve(options.root);
    }
    if (!isWithin(realDir, realRoot))
      throw new Error(
        `${path.dirname(file)} is a symbolic link to ${realDir}, outside the repository; ${file} is not written`,
      );
  }
  const final = path.join(realDir, path.basename(target));
  let mode = 0o644;
  try {
    const stat = fs.lstatSync(final);
    if (stat.isSymbolicLink())
      throw new Error(
        `${file} is a symbolic link; it is not written through (remove the link first)`,
      );
    if (!stat.isFile()) throw new Error(`${file} is not a regular file; it is not written`);
    if (!options.overwrite) throw new FileExistsError(`${file} exists`);
    mode = stat.mode & 0o777;
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code !== 'ENOENT') throw e;
  }
  const tmp = path.join(
    realDir,
    `.${path.basename(target)}.${process.pid}.${Math.random().toString(36).slice(2)}.tmp`,
  );
  const fd = fs.openSync(
    tmp,
    fs.constants.O_WRONLY | fs.constants.O_CREAT | fs.constants.O_EXCL | O_NOFOLLOW,
    mode,
  );
  try {
    fs.writeSync(fd, typeof data === 'string' ? Buffer.from(data, 'utf8') : data);
    fs.closeSync(fd);
    fs.renameSync(tmp, final);
  } catch (e) {
    try {
      fs.closeSync(fd);
    } catch {
      /* closed */
    }
    fs.rmSync(tmp, { force: true });
    throw e;
  }
}
