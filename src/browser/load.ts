/**
 * Loads a module by adding a <script type="module">, not by `import()`: Vite wraps every dynamic
 * import in a preload helper that would be one more request on every page.
 */
import { downloadPagefind, type Pagefind } from './search/engine';
import type { SearchApi } from './search/modal';

const loading = new Map<string, Promise<void>>();

export function loadScript(src: string): Promise<void> {
  let promise = loading.get(src);
  if (!promise) {
    promise = new Promise((resolve, reject) => {
      const script = Object.assign(document.createElement('script'), { type: 'module', src });
      script.addEventListener('load', () => resolve());
      script.addEventListener('error', () => {
        // Not kept: the next call tries again.
        loading.delete(src);
        script.remove();
        reject(new Error(`could not load ${src}`));
      });
      document.head.append(script);
    });
    loading.set(src, promise);
  }
  return promise;
}

const stylesheets = new Map<string, Promise<void>>();

/** Adds a stylesheet once; resolves when it has loaded (or failed: the page works unstyled). */
export function loadStyles(href: string): Promise<void> {
  let promise = stylesheets.get(href);
  if (!promise) {
    promise = new Promise((resolve) => {
      const link = Object.assign(document.createElement('link'), { rel: 'stylesheet', href });
      link.addEventListener('load', () => resolve());
      link.addEventListener('error', () => resolve());
      document.head.append(link);
    });
    stylesheets.set(href, promise);
  }
  return promise;
}

export interface Search {
  api: SearchApi;
  /** Pagefind, ready to search; its loading started with the UI's, not after it. */
  engine: Promise<Pagefind>;
}

let search: Promise<Search> | undefined;
/** The search UI (`src`, the bundle of ./search/modal.ts) and Pagefind, fetched together, once. */
export function loadSearch(src: string, styles?: string): Promise<Search> {
  search ??= (async () => {
    if (styles && !document.querySelector(`link[href="${styles}"]`)) {
      document.head.append(Object.assign(document.createElement('link'), { rel: 'stylesheet', href: styles }));
    }
    const ui = loadScript(src);
    const downloads = downloadPagefind();
    await ui;
    const api = (window as unknown as { transcriptSiteSearch: SearchApi }).transcriptSiteSearch;
    return { api, engine: api.setUp(downloads) };
  })();
  return search;
}
