import { type ChildProcess, spawn } from 'node:child_process';
import { createWriteStream, existsSync, mkdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { appNodeFlags } from '@concord/platform';

export interface ManagedProcess {
  name: string;
  child: ChildProcess;
  logFile: string;
}

/** Starts one app as a child process, its log lines going to a file (or to the terminal). */
export function startProcess(
  name: string,
  script: string,
  env: NodeJS.ProcessEnv,
  logDir: string,
  toTerminal: boolean,
): ManagedProcess {
  mkdirSync(logDir, { recursive: true });
  const logFile = join(logDir, `${name}.log`);
  const child = spawn(process.execPath, ['--enable-source-maps', ...appNodeFlags(env), script], {
    env,
    stdio: toTerminal ? ['ignore', 'inherit', 'inherit'] : ['ignore', 'pipe', 'pipe'],
  });
  if (!toTerminal) {
    const out = createWriteStream(logFile, { flags: 'a' });
    child.stdout?.pipe(out);
    child.stderr?.pipe(out);
  }
  return { name, child, logFile };
}

/** Polls `url` until it answers 200 or the process exits or the deadline passes. */
export async function waitUntilReady(managed: ManagedProcess, url: string, timeoutMs: number): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (managed.child.exitCode !== null)
      throw new Error(
        `${managed.name} exited with code ${managed.child.exitCode}; see ${managed.logFile}${lastLines(managed.logFile)}`,
      );
    try {
      const response = await fetch(url, { signal: AbortSignal.timeout(1000) });
      if (response.status === 200) return;
    } catch {
      // not listening yet
    }
    await new Promise((resolve) => setTimeout(resolve, 150));
  }
  throw new Error(`${managed.name} was not ready within ${timeoutMs / 1000} s; see ${managed.logFile}`);
}

/** SIGTERM to all, then SIGKILL to whoever is still running after the grace period. */
export async function stopAll(processes: readonly ManagedProcess[], graceMs = 10_000): Promise<void> {
  const running = processes.filter(
    (managed) => managed.child.exitCode === null && managed.child.signalCode === null,
  );
  await Promise.all(
    running.map(
      (managed) =>
        new Promise<void>((resolve) => {
          const timer = setTimeout(() => {
            managed.child.kill('SIGKILL');
            resolve();
          }, graceMs);
          managed.child.once('exit', () => {
            clearTimeout(timer);
            resolve();
          });
          managed.child.kill('SIGTERM');
        }),
    ),
  );
}

/** The end of an app's log, so a failed start says why without opening the file. */
function lastLines(logFile: string, count = 5): string {
  if (!existsSync(logFile)) return '';
  const lines = readFileSync(logFile, 'utf8').trimEnd().split('\n').slice(-count);
  return lines.length > 0 && lines[0] !== '' ? `\n${lines.map((line) => `  ${line}`).join('\n')}` : '';
}
