import { mkdir, readFile, rm, writeFile } from 'node:fs/promises';
import { join, resolve } from 'node:path';

/** What a running `npm start` tells other tools (the CLI) about itself. */
export interface RuntimeInfo {
  pid: number;
  databaseUrl: string;
  embedded: boolean;
  startedAt: string;
}

export function dataDir(env: NodeJS.ProcessEnv = process.env): string {
  return resolve(env.CONCORD_DATA_DIR ?? '.data');
}

const runtimeFile = (env?: NodeJS.ProcessEnv) => join(dataDir(env), 'runtime.json');

export async function writeRuntimeInfo(info: RuntimeInfo): Promise<void> {
  await mkdir(dataDir(), { recursive: true });
  await writeFile(runtimeFile(), JSON.stringify(info, null, 2));
}

export async function clearRuntimeInfo(): Promise<void> {
  await rm(runtimeFile(), { force: true });
}

/** The running product's runtime info, or undefined when none is running. */
export async function readRuntimeInfo(
  env: NodeJS.ProcessEnv = process.env,
): Promise<RuntimeInfo | undefined> {
  try {
    const info = JSON.parse(await readFile(runtimeFile(env), 'utf8')) as RuntimeInfo;
    process.kill(info.pid, 0);
    return info;
  } catch {
    return undefined;
  }
}
