/**
 * Search over Pagefind's JS API, loaded only when the reader shows intent (see ../site.ts).
 * One UI serves the Ctrl/⌘-K modal (a native <dialog>) and the /search/ page.
 */
import type { Pagefind, Result } from './engine';
import { firstToRank, parseQuery, rankPages, type Hit, type Query, type RankedPage, type ResultData } from './rank';

const PAGE_SIZE = 8;
/** Keystrokes closer together than this are typing in progress: the search waits for a pause this long. */
const DEBOUNCE_MS = 150;
const SUMMARY_ANCHORS = new Set(['summary', 'key-points']);

/** A search as the reader sees it: the pages in order, each with its hits in order, and what is left to show. */
export interface Ranked {
  query: Query;
  /** Pages Pagefind found (for a phrase: that hold its words, not all of them in order). */
  total: number;
  pages: RankedPage[];
  rest: Result[];
}

/** Search, then load the first pages' data and rank them (rank.ts). */
async function rankedSearch(pf: Pagefind, text: string, filters: Record<string, string>): Promise<Ranked> {
  const query = parseQuery(text);
  const search = await pf.search(query.words.join(' '), { filters });
  const results = search?.results ?? [];
  const first = firstToRank(results, PAGE_SIZE);
  const pages = rankPages(await Promise.all(first.map((r) => r.data())), query);
  return { query, total: results.length, pages, rest: results.filter((r) => !first.includes(r)) };
}

function h<K extends keyof HTMLElementTagNameMap>(tag: K, props: Record<string, unknown> = {}, ...children: Array<Node | string>): HTMLElementTagNameMap[K] {
  const el: HTMLElementTagNameMap[K] = document.createElement(tag);
  Object.assign(el, props);
  el.append(...children);
  return el;
}

/** Build the search UI into `host`, searching with `engine`; returns its input. */
export function mountSearch(host: HTMLElement, engine: Promise<Pagefind>, options: { syncUrl?: boolean } = {}): HTMLInputElement {
  const input = h('input', { type: 'search', id: `${host.id}-q`, placeholder: 'Search the transcripts', autocomplete: 'off', spellcheck: false });
  input.setAttribute('aria-describedby', `${host.id}-status`);
  const label = h('label', { htmlFor: input.id, className: 'sr-only' }, 'Search the transcripts');
  const episode = h('select', { id: `${host.id}-episode` }, h('option', { value: '' }, 'All episodes'));
  const tag = h('select', { id: `${host.id}-tag` }, h('option', { value: '' }, 'Watch and optional'), h('option', { value: 'watch' }, 'Watch only'), h('option', { value: 'optional' }, 'Optional only'));
  const speaker = h('select', { id: `${host.id}-speaker`, hidden: true }, h('option', { value: '' }, 'All speakers'));
  const year = h('select', { id: `${host.id}-year`, hidden: true }, h('option', { value: '' }, 'Any year'));
  const filters = h('div', { className: 'search-filters' },
    h('label', { htmlFor: episode.id, className: 'sr-only' }, 'Episode'), episode,
    h('label', { htmlFor: tag.id, className: 'sr-only' }, 'Watch or optional'), tag,
    h('label', { htmlFor: speaker.id, className: 'sr-only' }, 'Speaker'), speaker,
    h('label', { htmlFor: year.id, className: 'sr-only' }, 'Year'), year);
  const status = h('p', { id: `${host.id}-status`, className: 'search-status' });
  status.setAttribute('role', 'status');
  const results = h('ol', { className: 'search-results' });
  const more = h('button', { type: 'button', className: 'search-more', hidden: true }, 'Show more results');
  host.append(label, h('div', { className: 'search-row' }, input), filters, status, results, more);

  // The dev server has no index (Pagefind indexes the pages `npm run build` renders): said at once.
  const unavailable = import.meta.env.DEV
    ? 'Search is not available in the dev server (npm run dev): its index is made by npm run build. Build, then npm run preview, to search.'
    : 'Search is not available: its index could not be loaded. Try reloading the page.';
  void engine.then(
    async (pf) => {
      const all = await pf.filters();
      for (const name of Object.keys(all.episode ?? {}).sort()) episode.append(h('option', { value: name }, name));
      const speakers = Object.keys(all.speaker ?? {}).sort();
      for (const name of speakers) speaker.append(h('option', { value: name }, name));
      speaker.hidden = speakers.length === 0;
      // Newest first, as the library lists them; shown once there are two years to choose between.
      const years = Object.keys(all.year ?? {}).sort().reverse();
      for (const y of years) year.append(h('option', { value: y }, y));
      year.hidden = years.length < 2;
    },
    () => {
      if (import.meta.env.DEV) status.textContent = unavailable;
    },
  );

  let current: Ranked | undefined;
  let lastInput = -Infinity;
  let timer: ReturnType<typeof setTimeout> | undefined;
  const run = async () => {
    const q = input.value.trim();
    if (options.syncUrl) history.replaceState(null, '', q ? `?q=${encodeURIComponent(q)}` : location.pathname);
    if (!q) {
      results.replaceChildren();
      status.textContent = '';
      more.hidden = true;
      current = undefined;
      return;
    }
    const chosen: Record<string, string> = {};
    if (episode.value) chosen.episode = episode.value;
    if (tag.value) chosen.tag = tag.value;
    if (speaker.value) chosen.speaker = speaker.value;
    if (year.value) chosen.year = year.value;
    let found: Ranked;
    try {
      found = await rankedSearch(await engine, q, chosen);
    } catch {
      status.textContent = unavailable;
      return;
    }
    if (input.value.trim() !== q) return; // a newer search superseded this one
    current = found;
    results.replaceChildren(...found.pages.map(group));
    more.hidden = found.rest.length === 0;
    const phrase = q.replace(/^["“]|["”]$/g, '');
    status.textContent = found.query.phrase
      ? found.pages.length === 0 && !found.rest.length ? `No page says “${phrase}”` : `Pages that say “${phrase}”`
      : found.total === 0 ? `No results for “${q}”` : `${found.total} ${found.total === 1 ? 'page matches' : 'pages match'} “${q}”`;
  };
  const showMore = async () => {
    if (!current) return;
    const shown = current;
    const next = shown.rest.splice(0, PAGE_SIZE);
    const pages = rankPages(await Promise.all(next.map((r) => r.data())), shown.query);
    if (current !== shown) return;
    results.append(...pages.map(group));
    more.hidden = shown.rest.length === 0;
  };
  // The first keystroke after a pause searches at once, so that results come as soon as they can;
  // the keystrokes that follow it quickly wait for the typing to pause, so that each does not
  // start a search of its own.
  const schedule = () => {
    clearTimeout(timer);
    const now = performance.now();
    const paused = now - lastInput >= DEBOUNCE_MS;
    lastInput = now;
    if (paused) void run();
    else timer = setTimeout(() => void run(), DEBOUNCE_MS);
  };
  input.addEventListener('input', schedule);
  for (const select of [episode, tag, speaker, year]) select.addEventListener('change', () => void run());
  more.addEventListener('click', () => void showMore());

  // Arrow keys move between the input and the result links; Enter follows a link as usual.
  host.addEventListener('keydown', (event) => {
    if (event.key !== 'ArrowDown' && event.key !== 'ArrowUp') return;
    const links = [...results.querySelectorAll<HTMLAnchorElement>('a')];
    if (links.length === 0) return;
    const at = links.indexOf(document.activeElement as HTMLAnchorElement);
    if (document.activeElement !== input && at < 0) return;
    event.preventDefault();
    const next = event.key === 'ArrowDown' ? at + 1 : at - 1;
    if (next < 0) input.focus();
    else links[Math.min(next, links.length - 1)]!.focus();
  });
  return input;
}

/** One page's result: section and episode, then its best hits, each paragraph with its timestamp and speaker. */
function group({ data, hits }: RankedPage): HTMLLIElement {
  const where = [data.meta.episode, data.meta.tag === 'watch' ? 'Watch' : data.meta.tag === 'optional' ? 'Optional' : data.meta.kind]
    .filter(Boolean)
    .join(' · ');
  return h('li', { className: 'result' },
    h('p', { className: 'result-title' }, h('a', { href: data.url.replace(/\?.*$/, '') }, data.meta.title ?? data.url)),
    ...(where ? [h('p', { className: 'result-where' }, where)] : []),
    h('ul', { className: 'result-hits' }, ...hits.slice(0, 4).map((hit) => h('li', {}, hitLink(hit, data)))));
}

function hitLink({ sub, speaker, said, excerpt }: Hit, data: ResultData): HTMLAnchorElement {
  const time = said ? sub.title.replace(/ · .*$/, '') : undefined;
  const summary = sub.anchor && SUMMARY_ANCHORS.has(sub.anchor.id) ? data.meta.summary : undefined;
  const head = time
    ? h('span', { className: 'hit-time' }, time)
    : h('span', { className: 'hit-label' }, sub.title === data.meta.title ? 'Page' : sub.title);
  return h('a', { href: sub.url },
    head,
    ...(speaker ? [h('span', { className: 'hit-speaker' }, speaker)] : []),
    ...(summary === 'ai' ? [h('span', { className: 'ai-chip' }, 'AI')] : summary === 'extracted' ? [h('span', { className: 'extracted-chip' }, 'Extracted')] : []),
    // Text nodes and <mark>s only: transcript text never becomes markup.
    h('span', { className: 'hit-excerpt' }, ...excerpt.map((part) => (part.marked ? h('mark', { textContent: part.text }) : document.createTextNode(part.text)))));
}
