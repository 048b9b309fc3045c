/**
 * Applies the reader's stored theme before the first paint. Injected as a `head-inline` script so
 * that Astro puts it in every page and lists its hash in the Content-Security-Policy.
 */
import type { AstroIntegration } from 'astro';

export const THEME_INIT = `try{var t=localStorage.getItem('theme');if(t==='light'||t==='dark')document.documentElement.dataset.theme=t}catch(e){}`;

export default function themeInit(): AstroIntegration {
  return {
    name: 'transcript-site:theme-init',
    hooks: {
      'astro:config:setup': ({ injectScript }) => injectScript('head-inline', THEME_INIT),
    },
  };
}
