/** Serves a built site with Astro's own preview server, as `npm run preview` does. */
import { preview } from 'astro';
import { root } from './build.ts';

export async function serve(outDir: string, port: number, base?: string): Promise<{ url: string; stop: () => Promise<void> }> {
  const server = await preview({ root, outDir, server: { port, host: '127.0.0.1' }, logLevel: 'error', ...(base ? { base } : {}) });
  return { url: `http://127.0.0.1:${port}`, stop: () => server.stop() };
}
