/** Every internal link in a built site, checked against the files and ids that exist. */
import { existsSync, readFileSync, readdirSync, statSync } from 'node:fs';
import path from 'node:path';
import { parse, type HTMLElement } from 'node-html-parser';

export function htmlFiles(dir: string): string[] {
  return readdirSync(dir, { recursive: true, encoding: 'utf8' })
    .filter((f) => f.endsWith('.html'))
    .sort()
    .map((f) => path.join(dir, f));
}

const docs = new Map<string, HTMLElement>();
export function load(file: string): HTMLElement {
  let doc = docs.get(file);
  if (!doc) docs.set(file, (doc = parse(readFileSync(file, 'utf8'))));
  return doc;
}

/** The file a site URL path points at, or undefined. `base` is the path the site is served under. */
export function fileFor(out: string, urlPath: string, base = '/'): string | undefined {
  if (!urlPath.startsWith(base)) return undefined;
  const rel = decodeURIComponent(urlPath.slice(base.length));
  const target = path.join(out, rel);
  if (existsSync(target) && statSync(target).isDirectory()) {
    const index = path.join(target, 'index.html');
    return existsSync(index) ? index : undefined;
  }
  return existsSync(target) ? target : undefined;
}

/** Problems with `href`s and `src`s (and their #fragments) across the site; empty when all resolve. */
export function brokenLinks(out: string, base = '/'): string[] {
  const broken: string[] = [];
  for (const file of htmlFiles(out)) {
    const doc = load(file);
    const page = `${base}${path.relative(out, path.dirname(file)).split(path.sep).filter(Boolean).map((p) => `${p}/`).join('')}`;
    for (const el of doc.querySelectorAll('[href], [src]')) {
      const raw = el.getAttribute('href') ?? el.getAttribute('src')!;
      if (/^[a-z]+:/i.test(raw) || raw.startsWith('//')) continue;
      const url = new URL(raw, `http://site${file.endsWith('404.html') ? base : page}`);
      const target = fileFor(out, url.pathname, base);
      const where = `${path.relative(out, file)}: ${raw}`;
      if (!target) {
        broken.push(`${where} → no such file`);
        continue;
      }
      const id = decodeURIComponent(url.hash.slice(1));
      if (id && target.endsWith('.html') && !load(target).getElementById(id)) broken.push(`${where} → no element with id "${id}"`);
    }
  }
  return broken;
}
