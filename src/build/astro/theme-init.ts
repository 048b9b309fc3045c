/**
 * Applies the reader's stored theme before the first paint. Injected as a `head-inline` script so
 * that Astro puts it in every page and lists its hash in the Content-Security-Policy.
 */
import type { AstroIntegration } from 'astro';

// Only "light" or "dark" is applied: the toggle (src/browser/theme.ts) reads an unset theme as auto.
export const THEME_INIT = `try{var t=localStorage.theme;if(/^(light|dark)$/.test(t))document.documentElement.dataset.theme=t}catch(e){}`;

export default function themeInit(): AstroIntegration {
  return {
    name: 'transcript-site:theme-init',
    hooks: {
      'astro:config:setup': ({ injectScript }) => injectScript('head-inline', THEME_INIT),
    },
  };
}
