/**
 * What a page fetches, from Chromium's own network log (through Playwright, which also reports
 * the requests of dedicated workers, where Pagefind does its fetching). Sizes on disk and gzipped
 * are taken from the built files, so they do not depend on how the preview server compresses.
 */
import { existsSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { gzipSync } from 'node:zlib';
import type { Page, Request } from 'playwright-core';

export interface Fetched {
  url: string;
  /** Playwright's resource type: document, stylesheet, script, fetch, image, … */
  type: string;
  /** Bytes on the wire: response headers + encoded body, as Chromium counted them. */
  transferred: number;
  /** Bytes of the file in dist/ (0 if the URL is not a file there). */
  raw: number;
  /** The same file gzipped at level 6, the `gzip -c` default, like the Starlight peer's figures. */
  gzip: number;
  /** When the request was seen, in this process's performance.now() milliseconds. */
  startedAt: number;
}

export interface Recorder {
  /** Everything finished since the last `reset()`. */
  readonly fetched: Fetched[];
  reset(): void;
  /** Resolves once no request has been in flight for `quietMs`. */
  settled(quietMs?: number): Promise<void>;
}

/** Starts recording `page`'s requests; `dist` is the folder the server serves. */
export function record(page: Page, dist: string): Recorder {
  let fetched: Fetched[] = [];
  const inFlight = new Map<Request, number>();
  let lastChange = performance.now();
  const done = async (request: Request, ok: boolean) => {
    const startedAt = inFlight.get(request) ?? performance.now();
    inFlight.delete(request);
    lastChange = performance.now();
    if (!ok) return;
    const sizes = await request.sizes().catch(() => undefined);
    const file = fileFor(dist, request.url());
    const gzip = file ? gzipSize(file) : 0;
    // Chromium reports no body size for a dedicated worker's script (Pagefind's was counted as its
    // headers alone): a file that came with an empty body is counted as it would come, gzipped.
    const body = sizes && sizes.responseBodySize === 0 && file && statSync(file).size > 0 ? gzip : (sizes?.responseBodySize ?? 0);
    fetched.push({
      url: request.url(),
      type: request.resourceType(),
      transferred: sizes ? sizes.responseHeadersSize + body : 0,
      raw: file ? statSync(file).size : 0,
      gzip,
      startedAt,
    });
  };
  page.on('request', (request) => {
    inFlight.set(request, performance.now());
    lastChange = performance.now();
  });
  page.on('requestfinished', (request) => void done(request, true));
  page.on('requestfailed', (request) => void done(request, false));
  return {
    get fetched() {
      return fetched;
    },
    reset() {
      fetched = [];
    },
    async settled(quietMs = 500) {
      while (inFlight.size > 0 || performance.now() - lastChange < quietMs) {
        await new Promise((r) => setTimeout(r, 50));
      }
    },
  };
}

/** The dist/ file a same-origin URL serves: `/a/` → `a/index.html`. */
export function fileFor(dist: string, url: string): string | undefined {
  const { pathname } = new URL(url);
  let file = path.join(dist, decodeURIComponent(pathname));
  if (pathname.endsWith('/')) file = path.join(file, 'index.html');
  return existsSync(file) && statSync(file).isFile() ? file : undefined;
}

const gzipCache = new Map<string, number>();
function gzipSize(file: string): number {
  let size = gzipCache.get(file);
  if (size === undefined) {
    size = gzipSync(readFileSync(file), { level: 6 }).length;
    gzipCache.set(file, size);
  }
  return size;
}

/** Forgets gzip sizes, for when the same paths are rebuilt with other content. */
export function clearGzipCache(): void {
  gzipCache.clear();
}

/** Adds up a list of fetches. */
export function total(list: Fetched[]): { requests: number; raw: number; gzip: number; transferred: number } {
  return list.reduce(
    (t, f) => ({ requests: t.requests + 1, raw: t.raw + f.raw, gzip: t.gzip + f.gzip, transferred: t.transferred + f.transferred }),
    { requests: 0, raw: 0, gzip: 0, transferred: 0 },
  );
}
