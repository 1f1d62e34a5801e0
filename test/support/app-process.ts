import { type ChildProcess, spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { appNodeFlags } from '@concord/platform';
import { waitFor } from '@concord/testing';

/** An app running as a process of its own, so a test can SIGKILL it mid-flow and start it again. */
export class AppProcess {
  private child: ChildProcess | undefined;

  constructor(
    private readonly main: string,
    readonly url: string,
    private readonly env: NodeJS.ProcessEnv,
  ) {}

  /** `app` is the folder under apps/, e.g. `process-onboarding`. */
  static of(app: string, port: number, env: NodeJS.ProcessEnv): AppProcess {
    const main = fileURLToPath(new URL(`../../apps/${app}/src/main.js`, import.meta.url));
    return new AppProcess(main, `http://127.0.0.1:${port}`, { ...process.env, ...env, PORT: String(port) });
  }

  async start(): Promise<void> {
    const child = spawn(process.execPath, [...appNodeFlags(this.env), this.main], {
      env: this.env,
      stdio: ['ignore', 'ignore', 'inherit'],
    });
    this.child = child;
    await waitFor(async () => {
      if (child.exitCode !== null) throw new Error(`${this.main} exited with ${child.exitCode}`);
      const live = await fetch(`${this.url}/health/live`).catch(() => undefined);
      return live?.status === 200 ? true : undefined;
    }, 60_000);
  }

  /** The hardest stop there is: no shutdown hook runs, jobs in flight are left mid-step. */
  async kill(): Promise<void> {
    await this.stop('SIGKILL');
  }

  async stop(signal: NodeJS.Signals = 'SIGTERM'): Promise<void> {
    const child = this.child;
    if (!child || child.exitCode !== null || child.signalCode !== null) return;
    await new Promise<void>((resolve) => {
      child.once('exit', () => resolve());
      child.kill(signal);
    });
  }
}
