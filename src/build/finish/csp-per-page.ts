/**
 * Astro's CSP puts every hash it knows into every page: its own island and directive scripts
 * (unused here) and all inline scripts of the site. This pass keeps, per page, only the hashes
 * of the inline scripts and styles that page has, so each page allows exactly its own code, and
 * fails the build if a page has an inline script the policy would block. Run by the finishing pass
 * (finish.ts) on every page.
 */
import { createHash } from 'node:crypto';
import type { HTMLElement } from 'node-html-parser';

const META = /<meta http-equiv="content-security-policy" content="([^"]*)">/;

const sha256 = (text: string) => `'sha256-${createHash('sha256').update(text).digest('base64')}'`;
/** Scripts the browser runs (not JSON data blocks). */
const executable = (type: string | undefined) => !type || type === 'module' || type === 'text/javascript';

/**
 * The page's policy with only the hashes of its own inline code. `doc` is the page parsed (a real
 * parser: "<script>" may appear as text inside attributes, a transcript's title say).
 */
export function tightenPolicy(html: string, file: string, doc: HTMLElement): string {
  const meta = META.exec(html);
  if (!meta) throw new Error(`${file}: no Content-Security-Policy <meta>`);
  const scripts = doc
    .querySelectorAll('script')
    .filter((el) => !el.hasAttribute('src') && executable(el.getAttribute('type')))
    .map((el) => sha256(el.rawText));
  const styles = doc.querySelectorAll('style').map((el) => sha256(el.rawText));
  const policy = meta[1]!;
  const directives = policy.split(';').map((d) => d.trim()).filter(Boolean).map((directive) => {
    const [name, ...sources] = directive.split(/\s+/);
    if (name !== 'script-src' && name !== 'style-src') return directive;
    const own = name === 'script-src' ? scripts : styles;
    const known = sources.filter((s) => s.startsWith("'sha256-"));
    for (const hash of own) {
      if (!known.includes(hash)) throw new Error(`${file}: an inline ${name === 'script-src' ? 'script' : 'style'} (${hash}) is not allowed by the Content-Security-Policy`);
    }
    return [name, ...sources.filter((s) => !s.startsWith("'sha256-") || own.includes(s))].join(' ');
  });
  return html.replace(meta[0], `<meta http-equiv="content-security-policy" content="${directives.join('; ')}">`);
}
