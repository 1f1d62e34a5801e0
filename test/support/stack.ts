import { APPS, type AppDefinition, bootApp, type RunningApp } from '@concord/platform';
import { testDatabaseUrl, testRedisUrl } from '@concord/testing';

export interface LogCapture {
  lines: Array<Record<string, unknown>>;
  write(line: string): void;
}

export function captureLogs(): LogCapture {
  const lines: Array<Record<string, unknown>> = [];
  return {
    lines,
    write(line: string) {
      for (const part of line.split('\n'))
        if (part.trim()) lines.push(JSON.parse(part) as Record<string, unknown>);
    },
  };
}

export interface Stack {
  apps: Map<string, RunningApp>;
  logs: Map<string, LogCapture>;
  url(app: string): string;
  close(): Promise<void>;
}

/**
 * Boots the given apps in this process, bottom layer first, each on a free port and wired to the
 * ones already running, against the real test PostgreSQL and Redis.
 */
export async function bootStack(
  definitions: AppDefinition[],
  extraEnv: NodeJS.ProcessEnv = {},
): Promise<Stack> {
  const order = { system: 0, process: 1, experience: 2 } as const;
  const sorted = [...definitions].sort((a, b) => order[APPS[a.name].layer] - order[APPS[b.name].layer]);
  const apps = new Map<string, RunningApp>();
  const logs = new Map<string, LogCapture>();
  const env: NodeJS.ProcessEnv = {
    DATABASE_URL: testDatabaseUrl(),
    REDIS_URL: testRedisUrl(),
    LOG_LEVEL: 'info',
    // Tests follow single requests through the logs of every app, so no access line is sampled away.
    ACCESS_LOG_SAMPLE_RATE: '1',
    PORT: '0',
    // Stacks of parallel test files share one job store; each gets its own queues.
    QUEUE_NAMESPACE: `t${Date.now().toString(36)}${Math.floor(Math.random() * 1e6).toString(36)}`,
    // The CRM trigger onboards whatever the sandbox feed holds; a test that wants it turns it on.
    CRM_CHANGES_POLL_MS: '0',
    ...extraEnv,
  };
  try {
    for (const definition of sorted) {
      const capture = captureLogs();
      const running = await bootApp(definition, { env: { ...env }, logDestination: capture });
      apps.set(definition.name, running);
      logs.set(definition.name, capture);
      env[APPS[definition.name].urlEnv] = running.url;
    }
  } catch (error) {
    for (const running of [...apps.values()].reverse()) await running.close();
    throw error;
  }
  return {
    apps,
    logs,
    url(app: string) {
      const running = apps.get(app);
      if (!running) throw new Error(`${app} is not part of this stack`);
      return running.url;
    },
    async close() {
      for (const running of [...apps.values()].reverse()) await running.close();
    },
  };
}
