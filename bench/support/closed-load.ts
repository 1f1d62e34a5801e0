import { spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';

export interface ClosedLoadResult {
  rps: number;
  p50: number;
  p99: number;
  errors: number;
}

const runner = fileURLToPath(new URL('./autocannon.runner.js', import.meta.url));

/**
 * Closed-loop peak load (autocannon, `connections` in flight) from a process of its own, so the load
 * generator is scheduled like any other process instead of sharing the bench driver's event loop.
 */
export function closedLoadInChild(
  url: string,
  headers: Record<string, string>,
  connections: number,
  seconds: number,
): Promise<ClosedLoadResult> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [runner, JSON.stringify([url, headers, connections, seconds])], {
      stdio: ['ignore', 'pipe', 'inherit'],
    });
    let output = '';
    child.stdout.setEncoding('utf8');
    child.stdout.on('data', (chunk: string) => (output += chunk));
    child.once('error', reject);
    child.once('exit', (code) => {
      if (code !== 0) return reject(new Error(`load generator exited with ${code}`));
      try {
        resolve(JSON.parse(output) as ClosedLoadResult);
      } catch (error) {
        reject(error instanceof Error ? error : new Error(String(error)));
      }
    });
  });
}
