/**
 * Renders pages with Astro in a child process: one process per shard, and one for the site-wide
 * pages, so Astro's memory is given back after each (why: see src/build/finish/finish-site.ts).
 * The parent passes what the child needs over the IPC channel.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { TranscriptError } from '../../domain/errors.ts';
import { deferFinishing } from '../astro/finish.ts';
import { LEAN_HEAP } from '../prepare/pool.ts';

export interface RenderJob {
  /** A private root of the build (private-root.ts). */
  root: string;
  /** The checkout's public/, read where it is, for the site-wide pages; an empty folder for a shard. */
  publicDir: string;
  outDir: string;
  verbose: boolean;
}

/**
 * Rolldown (Astro's bundler) allocates through mimalloc, which by default commits its arenas
 * eagerly and keeps freed pages for a while. For a batch job that is memory held for nothing:
 * with these two options the Astro process peaks ~170 MiB lower at 50 episodes, at no measured
 * cost in time (docs/PERFORMANCE.md). https://microsoft.github.io/mimalloc/environment.html
 */
const LEAN_NATIVE_HEAP = { MIMALLOC_ARENA_EAGER_COMMIT: '0', MIMALLOC_PURGE_DELAY: '0' };

export interface Renderer {
  /** Starts the Astro process, if not yet started, so Astro, Vite and the config load (about a second). */
  start(): void;
  /** Hands the job to the Astro process; resolves when it has built the site and exited. */
  render(job: RenderJob): Promise<void>;
  /** Ends the Astro process, started but not needed after all. */
  stop(): void;
}

/**
 * The Astro process can start before the episodes are all prepared, as soon as a core is free,
 * and load while the last ones are written. It stops by itself when this process dies (its IPC
 * channel closes), so a build that fails before rendering needs no clean-up.
 */
export function renderer(root: string): Renderer {
  let child: ChildProcess | undefined;
  let done: Promise<void> | undefined;
  const start = () => {
    if (child) return;
    child = spawn(process.execPath, [...process.execArgv, ...LEAN_HEAP, fileURLToPath(import.meta.url)], {
      // In the build's private root: Astro writes its prerendered chunks under the working
      // directory when the output folder is outside it (`.astro/.prerender`), and they must be
      // this build's own and find their packages.
      cwd: root,
      stdio: ['inherit', 'inherit', 'inherit', 'ipc'],
      env: { ...process.env, ...LEAN_NATIVE_HEAP },
    });
    done = new Promise<void>((resolve, reject) => {
      child!.on('error', reject);
      child!.on('exit', (code, signal) => {
        if (code === 0) resolve();
        else reject(new TranscriptError('astro', undefined, `rendering the pages failed (${signal ?? `exit code ${code}`}); see the messages above`));
      });
    });
    // Until `render` is called, an early exit (a build that fails before Astro) is not an error.
    done.catch(() => {});
  };
  return {
    start,
    render(job) {
      start();
      child!.send(job);
      return done!;
    },
    stop() {
      // Without a job, its IPC channel closing ends it (see main below).
      if (child?.connected) child.disconnect();
    },
  };
}

/** The child: load Astro now, run its build with our integrations when the job arrives. */
async function main(job: Promise<RenderJob>): Promise<void> {
  const { build } = await import('astro');
  // The root's transcript-site.yml holds the build's settings, base and site included (private-root.ts).
  const { root, publicDir, outDir, verbose } = await job;
  // This process only renders; the CLI finishes the site (src/build/astro/finish.ts) afterwards.
  deferFinishing();
  await build({
    root,
    publicDir,
    outDir,
    // Start from an empty content store: entries cached by an earlier build (of other content)
    // must never leak into this one.
    force: true,
    logLevel: verbose ? 'info' : 'warn',
  });
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  process.on('disconnect', () => process.exit(1));
  const job = new Promise<RenderJob>((resolve) => process.once('message', (message) => resolve(message as RenderJob)));
  main(job).then(
    () => {
      process.disconnect?.();
      process.exit(0);
    },
    (error: unknown) => {
      console.error(error);
      process.exit(1);
    },
  );
}
