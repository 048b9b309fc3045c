/**
 * Loads a module by adding a <script type="module">, not by `import()`: Vite wraps every dynamic
 * import in a preload helper that would be one more request on every page.
 */
import type { SearchApi } from './search/modal';

const loading = new Map<string, Promise<void>>();

export function loadScript(src: string): Promise<void> {
  let promise = loading.get(src);
  if (!promise) {
    promise = new Promise((resolve, reject) => {
      const script = Object.assign(document.createElement('script'), { type: 'module', src });
      script.addEventListener('load', () => resolve());
      script.addEventListener('error', () => reject(new Error(`could not load ${src}`)));
      document.head.append(script);
    });
    loading.set(src, promise);
  }
  return promise;
}

export async function loadSearch(src: string, styles?: string): Promise<SearchApi> {
  if (styles && !document.querySelector(`link[href="${styles}"]`)) {
    document.head.append(Object.assign(document.createElement('link'), { rel: 'stylesheet', href: styles }));
  }
  await loadScript(src);
  return (window as unknown as { transcriptSiteSearch: SearchApi }).transcriptSiteSearch;
}
