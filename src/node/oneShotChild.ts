import { fork } from 'child_process';

/**
 * Sends one request to a fresh Node child process running `processFile` and resolves with its one
 * answer (`{ error }` rejects); the child exits after answering. A process, not a worker: its memory
 * goes back to the system when it ends. `writeStdin` streams a large input after the request.
 */
export function askChildProcess<Answer extends object>(
  processFile: string,
  what: string,
  request: object,
  writeStdin?: (stdin: NodeJS.WritableStream) => Promise<void>,
): Promise<Exclude<Answer, { error: string }>> {
  // ELECTRON_RUN_AS_NODE: in desktop VS Code, execPath is Electron, which must run as Node here.
  const child = fork(processFile, [], {
    stdio: [writeStdin ? 'pipe' : 'ignore', 'ignore', 'pipe', 'ipc'],
    serialization: 'advanced',
    execArgv: [],
    env: { ...process.env, ELECTRON_RUN_AS_NODE: '1' },
  });
  let stderr = '';
  child.stderr?.setEncoding('utf8');
  child.stderr?.on('data', (s: string) => {
    if (stderr.length < 4096) stderr += s;
  });
  return new Promise((resolve, reject) => {
    let answered = false;
    child.once('message', (m: Answer | { error: string }) => {
      answered = true;
      if ('error' in m) reject(new Error(m.error));
      else resolve(m as Exclude<Answer, { error: string }>);
    });
    child.once('error', e => {
      child.kill();
      reject(e);
    });
    child.once('exit', (code, signal) => {
      if (!answered) {
        const last = stderr ? `: ${stderr.trim().split('\n').slice(-3).join(' | ')}` : '';
        reject(
          new Error(`the ${what} process exited with ${signal ?? code} before answering${last}`),
        );
      }
    });
    child.send(request);
    void writeStdin?.(child.stdin!).catch(() => {
      /* the child died: 'exit' rejects */
    });
  });
}
