import { type ChildProcess, spawn } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';
import { appNodeFlags } from '@concord/platform';

export interface BenchProcess {
  name: string;
  child: ChildProcess;
  url: string;
}

/** Starts a compiled script as its own process (stdout discarded) and waits until `readyPath` answers 200. */
export async function startBenchProcess(
  name: string,
  script: string,
  env: NodeJS.ProcessEnv,
  url: string,
  readyPath = '/health/live',
): Promise<BenchProcess> {
  const child = spawn(process.execPath, [...appNodeFlags(env), ...profileArgs(name), script], {
    env,
    stdio: ['ignore', 'ignore', 'inherit'],
  });
  const deadline = Date.now() + 60_000;
  for (;;) {
    if (child.exitCode !== null) throw new Error(`${name} exited with ${child.exitCode}`);
    try {
      const response = await fetch(`${url}${readyPath}`);
      if (response.status === 200) break;
    } catch {
      // not up yet
    }
    if (Date.now() > deadline) throw new Error(`${name} did not start`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  return { name, child, url };
}

/** With `BENCH_CPU_PROF_DIR` set, each app writes a V8 CPU profile there when it stops. */
function profileArgs(name: string): string[] {
  const dir = process.env.BENCH_CPU_PROF_DIR;
  return dir ? ['--cpu-prof', `--cpu-prof-dir=${dir}`, `--cpu-prof-name=${name}.cpuprofile`] : [];
}

/** Peak resident set size of a process so far (VmHWM), in MB. */
export function peakRssMb(pid: number | undefined): number {
  if (!pid) return 0;
  const status = readFileSync(`/proc/${pid}/status`, 'utf8');
  const match = /VmHWM:\s+(\d+) kB/.exec(status);
  return match ? Math.round(Number(match[1]) / 1024) : 0;
}

/** CPU time (user + system) a process has used so far, in ms; Linux reports it in clock ticks of 10 ms. */
export function cpuTimeMs(pid: number | undefined): number {
  if (!pid) return 0;
  const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1]?.split(' ') ?? [];
  return (Number(fields[11] ?? 0) + Number(fields[12] ?? 0)) * 10;
}

export async function stopBenchProcesses(processes: readonly BenchProcess[]): Promise<void> {
  await Promise.all(
    processes.map(
      (managed) =>
        new Promise<void>((resolve) => {
          if (managed.child.exitCode !== null) return resolve();
          managed.child.once('exit', () => resolve());
          managed.child.kill('SIGTERM');
          setTimeout(() => managed.child.kill('SIGKILL'), 5000).unref();
        }),
    ),
  );
}

/** The vendor sandboxes, unseeded, in a process of their own on the given ports. */
export function startBenchSandbox(
  script: string,
  env: NodeJS.ProcessEnv,
  ports: { sf: number; bc: number; stripe: number },
): Promise<BenchProcess> {
  return startBenchProcess(
    'sandbox',
    script,
    {
      ...env,
      SANDBOX_SEED: 'false',
      SANDBOX_SALESFORCE_PORT: String(ports.sf),
      SANDBOX_BUSINESS_CENTRAL_PORT: String(ports.bc),
      SANDBOX_STRIPE_PORT: String(ports.stripe),
    },
    `http://127.0.0.1:${ports.sf}`,
  );
}

/**
 * CPU time (user + system) used so far by every PostgreSQL process this machine shows, in ms; 0 when
 * the server runs elsewhere. Backends that exit between two readings take their time with them.
 */
export function postgresCpuTimeMs(): number {
  let ticks = 0;
  for (const entry of readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      const stat = readFileSync(`/proc/${entry}/stat`, 'utf8');
      if (!stat.includes('(postgres)')) continue;
      const fields = stat.split(') ')[1]?.split(' ') ?? [];
      ticks += Number(fields[11] ?? 0) + Number(fields[12] ?? 0);
    } catch {
      // the process ended while being read
    }
  }
  return ticks * 10;
}
