/** The site's base path, ending in `/`. */
export const base = import.meta.env.BASE_URL.replace(/\/?$/, '/');

/** A file Pagefind wrote into the site's `pagefind/` folder. */
export const pagefindAsset = (file: string): string => `${base}pagefind/${file}`;
