/** The site's base path, ending in `/`. */
export const base = import.meta.env.BASE_URL.replace(/\/?$/, '/');
