/** Serves a built site with Astro's own preview server, as `npm run preview` does, on a free port. */
import { createServer } from 'node:net';
import { preview } from 'astro';
import { root as repository } from './build.ts';

export interface Served {
  /** `http://127.0.0.1:<port>`, no trailing slash. */
  url: string;
  stop(): Promise<void>;
}

/** `root`: the project whose config to serve with (the benchmark serves from its private copy). */
export async function serve(outDir: string, { base, root = repository }: { base?: string; root?: string } = {}): Promise<Served> {
  const port = await freePort();
  const server = await preview({ root, outDir, server: { port, host: '127.0.0.1' }, logLevel: 'error', ...(base ? { base } : {}) });
  return { url: `http://127.0.0.1:${port}`, stop: () => server.stop() };
}

/** A port the OS just handed out, so no two servers (tests, benchmark, another checkout) collide. */
function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = createServer();
    probe.once('error', reject);
    probe.listen(0, '127.0.0.1', () => {
      const address = probe.address();
      probe.close(() => (typeof address === 'object' && address ? resolve(address.port) : reject(new Error('no port'))));
    });
  });
}
