/** Serves a built site with Astro's preview server (what `npm run preview` runs), on a free port. */
import { createServer } from 'node:net';
import { preview } from 'astro';

export interface Served {
  origin: string;
  stop(): Promise<void>;
}

export async function serve(root: string, outDir: string): Promise<Served> {
  const port = await freePort();
  const server = await preview({ root, outDir, server: { port, host: '127.0.0.1' }, logLevel: 'error' });
  return { origin: `http://127.0.0.1:${port}`, stop: () => server.stop() };
}

/** A port the OS just handed out, so the benchmark never collides with a test run's server. */
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
