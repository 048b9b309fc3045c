/**
 * Search over Pagefind's JS API, loaded only when the reader shows intent (see ../site.ts).
 * One UI serves the Ctrl/⌘-K modal (a native <dialog>) and the /search/ page.
 */
import { base } from '../base';
import { renderExcerpt } from './excerpt';

interface SubResult { title: string; url: string; excerpt: string; anchor?: { id: string }; weighted_locations?: Array<{ balanced_score: number }> }
interface ResultData { url: string; excerpt: string; meta: Record<string, string>; sub_results: SubResult[] }
interface Pagefind {
  options(o: Record<string, unknown>): Promise<void>;
  init(): Promise<void>;
  filters(): Promise<Record<string, Record<string, number>>>;
  debouncedSearch(q: string, o?: { filters?: Record<string, string> }, ms?: number): Promise<{ results: Array<{ data(): Promise<ResultData> }> } | null>;
}

let engine: Promise<Pagefind> | undefined;
/** Fetch Pagefind (script, WASM, index metadata) once; called as soon as this module loads. */
export function pagefind(): Promise<Pagefind> {
  engine ??= (async () => {
    const pf = (await import(/* @vite-ignore */ `${base}pagefind/pagefind.js`)) as Pagefind;
    await pf.options({ baseUrl: base, highlightParam: 'highlight', excerptLength: 24 });
    await pf.init();
    return pf;
  })();
  return engine;
}
void pagefind();

const PAGE_SIZE = 8;
const AI_ANCHORS = new Set(['summary', 'key-points']);
function h<K extends keyof HTMLElementTagNameMap>(tag: K, props: Record<string, unknown> = {}, ...children: Array<Node | string>): HTMLElementTagNameMap[K] {
  const el: HTMLElementTagNameMap[K] = document.createElement(tag);
  Object.assign(el, props);
  el.append(...children);
  return el;
}

/** Build the search UI into `host`; returns its input. */
export function mountSearch(host: HTMLElement, options: { syncUrl?: boolean } = {}): HTMLInputElement {
  const input = h('input', { type: 'search', id: `${host.id}-q`, placeholder: 'Search the transcripts', autocomplete: 'off', spellcheck: false });
  input.setAttribute('aria-describedby', `${host.id}-status`);
  const label = h('label', { htmlFor: input.id, className: 'sr-only' }, 'Search the transcripts');
  const episode = h('select', { id: `${host.id}-episode` }, h('option', { value: '' }, 'All episodes'));
  const tag = h('select', { id: `${host.id}-tag` }, h('option', { value: '' }, 'Watch and optional'), h('option', { value: 'watch' }, 'Watch only'), h('option', { value: 'optional' }, 'Optional only'));
  const speaker = h('select', { id: `${host.id}-speaker`, hidden: true }, h('option', { value: '' }, 'All speakers'));
  const filters = h('div', { className: 'search-filters' },
    h('label', { htmlFor: episode.id, className: 'sr-only' }, 'Episode'), episode,
    h('label', { htmlFor: tag.id, className: 'sr-only' }, 'Watch or optional'), tag,
    h('label', { htmlFor: speaker.id, className: 'sr-only' }, 'Speaker'), speaker);
  const status = h('p', { id: `${host.id}-status`, className: 'search-status' });
  status.setAttribute('role', 'status');
  const results = h('ol', { className: 'search-results' });
  const more = h('button', { type: 'button', className: 'search-more', hidden: true }, 'Show more results');
  host.append(label, h('div', { className: 'search-row' }, input), filters, status, results, more);

  void pagefind().then(async (pf) => {
    const all = await pf.filters();
    for (const name of Object.keys(all.episode ?? {}).sort()) episode.append(h('option', { value: name }, name));
    const speakers = Object.keys(all.speaker ?? {}).sort();
    for (const name of speakers) speaker.append(h('option', { value: name }, name));
    speaker.hidden = speakers.length === 0;
  });

  let shown = 0;
  let list: Array<{ data(): Promise<ResultData> }> = [];
  const run = async () => {
    const q = input.value.trim();
    if (options.syncUrl) history.replaceState(null, '', q ? `?q=${encodeURIComponent(q)}` : location.pathname);
    if (!q) {
      results.replaceChildren();
      status.textContent = '';
      more.hidden = true;
      return;
    }
    const pf = await pagefind();
    const chosen: Record<string, string> = {};
    if (episode.value) chosen.episode = episode.value;
    if (tag.value) chosen.tag = tag.value;
    if (speaker.value) chosen.speaker = speaker.value;
    const search = await pf.debouncedSearch(q, { filters: chosen }, 150);
    if (!search || input.value.trim() !== q) return; // a newer search superseded this one
    list = search.results;
    shown = 0;
    results.replaceChildren();
    status.textContent = list.length === 0 ? `No results for “${q}”` : `${list.length} ${list.length === 1 ? 'page matches' : 'pages match'} “${q}”`;
    await showMore();
  };
  const showMore = async () => {
    const page = await Promise.all(list.slice(shown, shown + PAGE_SIZE).map((r) => r.data()));
    shown += page.length;
    for (const data of page) results.append(group(data));
    more.hidden = shown >= list.length;
  };
  input.addEventListener('input', run);
  for (const select of [episode, tag, speaker]) select.addEventListener('change', run);
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

/** One page's result: section and episode, then each matching paragraph with its timestamp. */
function group(data: ResultData): HTMLLIElement {
  // Pagefind lists a page's hits in page order; the reader wants the best paragraph first.
  const score = (sub: SubResult) => (sub.weighted_locations ?? []).reduce((n, l) => n + l.balanced_score, 0);
  const subs = data.sub_results.length
    ? [...data.sub_results].sort((a, b) => score(b) - score(a))
    : [{ title: data.meta.title ?? '', url: data.url, excerpt: data.excerpt }];
  const where = [data.meta.episode, data.meta.tag === 'watch' ? 'Watch' : data.meta.tag === 'optional' ? 'Optional' : data.meta.kind]
    .filter(Boolean)
    .join(' · ');
  return h('li', { className: 'result' },
    h('p', { className: 'result-title' }, h('a', { href: data.url.replace(/\?.*$/, '') }, data.meta.title ?? data.url)),
    ...(where ? [h('p', { className: 'result-where' }, where)] : []),
    h('ul', { className: 'result-hits' }, ...subs.slice(0, 4).map((sub) => {
      const isPara = sub.anchor?.id.startsWith('t-');
      const ai = sub.anchor && AI_ANCHORS.has(sub.anchor.id);
      const head = isPara ? h('span', { className: 'hit-time' }, sub.title) : h('span', { className: 'hit-label' }, sub.title === data.meta.title ? 'Page' : sub.title);
      return h('li', {}, h('a', { href: sub.url },
        head,
        ...(ai ? [h('span', { className: 'ai-chip' }, 'AI')] : []),
        h('span', { className: 'hit-excerpt' }, ...renderExcerpt(sub.excerpt))));
    })));
}
