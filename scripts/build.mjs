// Transpiles every TypeScript source of the monorepo into dist/ in one pass (SWC keeps Nest's
// decorator metadata) and maps the @concord/* library aliases for Node's resolver.
// Type checking is `npm run typecheck`; this step only emits, so it takes seconds.
import { readFile, writeFile, mkdir, readdir, stat } from 'node:fs/promises';
import { dirname, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { transform } from '@swc/core';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const sourceRoots = ['apps', 'libs', 'scripts', 'test', 'bench'];
const outRoot = join(root, 'dist');
const quiet = process.argv.includes('--quiet');

const swcOptions = {
  jsc: {
    parser: { syntax: 'typescript', decorators: true },
    transform: { legacyDecorator: true, decoratorMetadata: true, useDefineForClassFields: false },
    target: 'es2022',
    keepClassNames: true,
  },
  module: { type: 'es6' },
  sourceMaps: 'inline',
};

async function* walk(dir) {
  let entries;
  try {
    entries = await readdir(dir, { withFileTypes: true });
  } catch {
    return;
  }
  for (const entry of entries) {
    const full = join(dir, entry.name);
    if (entry.isDirectory()) {
      if (entry.name === 'node_modules' || entry.name === 'dist') continue;
      yield* walk(full);
    } else if (entry.name.endsWith('.ts') && !entry.name.endsWith('.d.ts')) {
      yield full;
    }
  }
}

async function isFresh(source, target) {
  try {
    const [s, t] = await Promise.all([stat(source), stat(target)]);
    return t.mtimeMs >= s.mtimeMs;
  } catch {
    return false;
  }
}

async function compile(source) {
  const rel = relative(root, source);
  const target = join(outRoot, rel.replace(/\.ts$/, '.js'));
  if (await isFresh(source, target)) return false;
  const code = await readFile(source, 'utf8');
  const output = await transform(code, { ...swcOptions, filename: source, sourceFileName: source });
  await mkdir(dirname(target), { recursive: true });
  await writeFile(target, output.code);
  return true;
}

async function writeLibraryAliases() {
  const libs = await readdir(join(root, 'libs'), { withFileTypes: true });
  for (const lib of libs.filter((entry) => entry.isDirectory())) {
    const aliasDir = join(outRoot, 'node_modules', '@concord', lib.name);
    await mkdir(aliasDir, { recursive: true });
    await writeFile(
      join(aliasDir, 'package.json'),
      JSON.stringify({ name: `@concord/${lib.name}`, type: 'module', main: 'index.js' }),
    );
    await writeFile(join(aliasDir, 'index.js'), `export * from '../../../libs/${lib.name}/src/index.js';\n`);
  }
}

const started = Date.now();
const files = [];
for (const dir of sourceRoots) for await (const file of walk(join(root, dir))) files.push(file);
const results = await Promise.all(files.map(compile));
await writeLibraryAliases();
await writeFile(join(outRoot, 'package.json'), JSON.stringify({ type: 'module' }));
if (!quiet) {
  const changed = results.filter(Boolean).length;
  console.log(`build: ${changed} of ${files.length} files compiled in ${Date.now() - started} ms`);
}
