/** What a first visit to a built page downloads, gzipped: the section pages' budget is checked with it. */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { gzipSync } from 'node:zlib';
import { parse } from 'node-html-parser';

/** The budget every section page keeps, with or without media: 14 KB on load, 2 KB of it JavaScript. */
export const BUDGET = { total: 14 * 1024, js: 2 * 1024 };

/**
 * `page`: the page's folder under `out` (`episode/section`); `base`: the site's base path, which
 * its URLs start with. Bytes gzipped: HTML + CSS + JS, and JS alone.
 */
export function onLoad(out: string, page: string, base = '/'): { total: number; js: number } {
  const file = (url: string) => path.join(out, url.startsWith(base) ? url.slice(base.length) : url);
  const html = readFileSync(path.join(out, page, 'index.html'), 'utf8');
  const doc = parse(html);
  const css = doc.querySelectorAll('link[rel=stylesheet]').map((l) => readFileSync(file(l.getAttribute('href')!)));
  const scripts = doc.querySelectorAll('script').filter((x) => !/json/.test(x.getAttribute('type') ?? ''));
  const js = gzipSync(scripts.map((x) => (x.getAttribute('src') ? readFileSync(file(x.getAttribute('src')!), 'utf8') : x.text)).join('\n')).length;
  return { total: gzipSync(html).length + css.reduce((n, c) => n + gzipSync(c).length, 0) + (scripts.length ? js : 0), js };
}
