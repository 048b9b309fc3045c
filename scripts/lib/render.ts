/**
 * Renders the site with Astro in a child process (see the note in src/integrations/pagefind.ts).
 * The parent passes what the child needs as JSON on the command line.
 */
import { spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { TranscriptError } from '../../src/domain/errors.ts';

export interface RenderJob {
  root: string;
  outDir: string;
  base?: string;
  site?: string;
  /** Add the sitemap integration (a --site given on the command line, none in the config). */
  sitemap: boolean;
  /** Each episode's slug and the words.json its pages are checked against. */
  check: Array<{ slug: string; words: string }>;
  verbose: boolean;
}

export function render(job: RenderJob): Promise<void> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [fileURLToPath(import.meta.url), JSON.stringify(job)], {
      // The IPC channel closes when this process dies, and the child then stops too.
      stdio: ['inherit', 'inherit', 'inherit', 'ipc'],
      env: { ...process.env, TRANSCRIPT_SITE_INDEX_AFTER: '1' },
    });
    child.on('error', reject);
    child.on('exit', (code, signal) => {
      if (code === 0) resolve();
      else reject(new TranscriptError('astro', undefined, `rendering the pages failed (${signal ?? `exit code ${code}`}); see the messages above`));
    });
  });
}

/** The child: run Astro's build with our integrations. */
async function main(job: RenderJob): Promise<void> {
  const { build } = await import('astro');
  const { default: checkHtml } = await import('../../src/integrations/check-html.ts');
  const { sitemapFor } = await import('../../astro.config.mjs');
  await build({
    root: job.root,
    outDir: job.outDir,
    // Start from an empty content store: entries cached by an earlier build (of other content)
    // must never leak into this one.
    force: true,
    logLevel: job.verbose ? 'info' : 'warn',
    ...(job.base ? { base: job.base } : {}),
    ...(job.site ? { site: job.site } : {}),
    integrations: [checkHtml(job.check), ...(job.sitemap ? [sitemapFor()] : [])],
  });
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  process.on('disconnect', () => process.exit(1));
  main(JSON.parse(process.argv[2]!) as RenderJob).then(
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
