/**
 * The only script every page loads: theme toggle, paragraph tools, the player's trigger and the
 * search trigger. The player and the search code (with Pagefind) are fetched only when the reader
 * asks for them.
 */
import './theme';
import './paragraph-tools';
import './listen';
import { pagefindAsset } from './base';
import { loadScript, loadSearch } from './load';

const trigger = document.querySelector<HTMLAnchorElement>('.search-trigger');
const load = () => loadSearch(trigger!.dataset.module!, trigger!.dataset.styles);
const open = () => void load().then(({ api, engine }) => api.openSearch(trigger, engine));
if (trigger) {
  if (/Mac|iPhone|iPad/.test(navigator.platform)) trigger.querySelector('kbd')!.textContent = '⌘ K';
  for (const intent of ['pointerenter', 'focus', 'touchstart']) trigger.addEventListener(intent, () => void load(), { once: true, passive: true });
  trigger.addEventListener('click', (event) => {
    if (event.metaKey || event.ctrlKey || event.shiftKey) return; // new tab: the /search/ page
    event.preventDefault();
    open();
  });
}
const searchPage = document.querySelector<HTMLElement>('.search-page');
if (searchPage && trigger) void load().then(({ api, engine }) => api.mountSearchPage(searchPage, engine));
document.addEventListener('keydown', (event) => {
  if ((event.metaKey || event.ctrlKey) && event.key.toLowerCase() === 'k' && !searchPage) {
    event.preventDefault();
    open();
  }
});

// The library pages' filter (<search>, the only one): hidden without JavaScript, shown here; its
// code (./library/filter.ts) is fetched on first focus, once (loadScript keeps it).
const filter = document.querySelector('search');
if (filter) {
  filter.hidden = false;
  filter.addEventListener('focusin', () => void loadScript(filter.dataset.module!));
}

// Arriving from a search result: mark the searched words in the transcript.
if (new URLSearchParams(location.search).has('highlight') && document.querySelector('.para')) {
  void loadScript(pagefindAsset('pagefind-highlight.js')).then(() => {
    const Highlight = (window as unknown as { PagefindHighlight: new (o: object) => unknown }).PagefindHighlight;
    new Highlight({ highlightParam: 'highlight', markContext: '.para > p', addStyles: false });
  });
}
