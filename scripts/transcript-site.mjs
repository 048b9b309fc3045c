#!/usr/bin/env node
/**
 * The `transcript-site` command (`npm run build` runs it). Plain JavaScript that any Node can read,
 * so that an old Node gets one sentence saying what to install instead of a stack trace; then the
 * TypeScript command itself (cli.ts). Node 22.12–22.17 run TypeScript only with a flag, so the
 * command starts itself again with it there.
 */
import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';

const NEEDED = [22, 12];
const [major, minor] = process.versions.node.split('.').map(Number);
if (major < NEEDED[0] || (major === NEEDED[0] && minor < NEEDED[1])) {
  console.error(
    `transcript-site needs Node ${NEEDED.join('.')} or newer (Node 24 LTS is best); this is Node ${process.versions.node}. ` +
      'Install it from https://nodejs.org/ or with a version manager (nvm install 24), then run the command again.',
  );
  process.exit(1);
}

const cli = fileURLToPath(new URL('../src/build/cli.ts', import.meta.url));
if (process.features.typescript) {
  await import(cli);
} else {
  const run = spawnSync(process.execPath, [...process.execArgv, '--experimental-strip-types', '--no-warnings=ExperimentalWarning', cli, ...process.argv.slice(2)], { stdio: 'inherit' });
  process.exit(run.status ?? 1);
}
