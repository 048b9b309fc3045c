#!/usr/bin/env node
/**
 * The `transcript-site` command (see lib/commands.ts). This entry only turns on Node's compile
 * cache before anything else loads: V8's compiled code for Astro, Vite and our own modules is kept
 * in node_modules/.cache between builds, and the build's other processes inherit it through the
 * environment. It saves about a second per build once warm. Node checks each cached entry against
 * the source, so a changed file is compiled afresh.
 */
import module from 'node:module';
import path from 'node:path';

const cache = path.resolve(import.meta.dirname, '..', '..', 'node_modules', '.cache', 'transcript-site', 'v8');
if (!process.env.NODE_COMPILE_CACHE) {
  process.env.NODE_COMPILE_CACHE = cache;
  module.enableCompileCache?.(cache);
}
await import('./commands.ts');
