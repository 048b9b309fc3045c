/**
 * The library pages' filter: as the reader types, the episodes of the whole library whose title
 * or speakers' names match take the place of the page's cards; an empty box (or Escape) puts the
 * page back as it was. Loaded by URL on the box's first focus (see ../site.ts, which only shows the
 * box), it starts by fetching `library.json` (./format.ts) and needs nothing else.
 *
 * Matching: every word typed must begin a word of the title or of a speaker's name, whatever
 * the case or accents ("rosa di" finds "Rosa Díaz"); matches are listed in the library's order.
 */
import { decodeLibrary, type LibraryIndex } from './format';

interface Episode {
  href: string;
  title: string;
  date?: string | undefined;
  people: Array<{ name: string; href: string }>;
  /** The words of the title and the names, folded (see fold). */
  words: string[];
}

/** Matches shown at once; "Show more" adds as many again. */
const STEP = 50;
/** The status waits for the reader to pause, so a screen reader is not told of every keystroke. */
const SETTLE_MS = 400;

/** Lower case, without accents: what both the words and the query are compared as. */
const fold = (text: string) => text.normalize('NFD').replace(/\p{M}/gu, '').toLowerCase();
const wordsOf = (text: string) => fold(text).split(/[^\p{L}\p{N}]+/u).filter(Boolean);

const box = document.querySelector<HTMLElement>('search')!;
const input = box.querySelector('input')!;
const status = document.getElementById('library-filter-status')!;
const cards = document.querySelector<HTMLElement>('ul.library')!;
/** What the matches hide besides the cards: the way to the library's other pages. */
const pager = document.querySelector<HTMLElement>('.library-pager');
const results = Object.assign(document.createElement('ul'), { className: 'library library-matches', hidden: true });
const more = Object.assign(document.createElement('button'), { type: 'button', className: 'library-more', hidden: true });
cards.after(results, more);

const shortDate = new Intl.DateTimeFormat('en', { dateStyle: 'medium', timeZone: 'UTC' });

let library: Promise<Episode[]> | undefined;
function load(): Promise<Episode[]> {
  library ??= fetch(box.dataset.index!)
    .then((response) => {
      if (!response.ok) throw new Error(`${response.status}`);
      return response.json() as Promise<LibraryIndex>;
    })
    .then((index) => {
      // The links are relative to the file, which is at the site's base.
      const base = new URL(box.dataset.index!, location.href);
      const resolve = (link: string) => new URL(link, base).pathname;
      return decodeLibrary(index).map((e) => {
        const people = e.people.map((p) => ({ name: p.name, href: resolve(p.link) }));
        return { href: resolve(e.link), title: e.title, date: e.date, people, words: wordsOf([e.title, ...people.map((p) => p.name)].join(' ')) };
      });
    });
  // Not kept when it fails: the next keystroke tries again.
  library.catch(() => (library = undefined));
  return library;
}

const matches = (episode: Episode, terms: string[]) => terms.every((t) => episode.words.some((w) => w.startsWith(t)));

/** `text` with the words a term begins marked. */
function marked(text: string, terms: string[]): Node[] {
  return text.split(/([\p{L}\p{N}\p{M}]+)/u).map((part, i) => {
    const hit = i % 2 === 1 && terms.some((t) => fold(part).startsWith(t));
    return hit ? Object.assign(document.createElement('mark'), { textContent: part }) : document.createTextNode(part);
  });
}

function el<K extends keyof HTMLElementTagNameMap>(tag: K, props: Partial<HTMLElementTagNameMap[K]>, ...children: Array<Node | string>) {
  const node = Object.assign(document.createElement(tag), props);
  node.append(...children);
  return node;
}

function card(episode: Episode, terms: string[]): HTMLLIElement {
  const item = el('li', { className: 'episode-card' }, el('h2', {}, el('a', { href: episode.href }, ...marked(episode.title, terms))));
  if (episode.date) {
    const time = el('time', {}, shortDate.format(new Date(`${episode.date}T00:00:00Z`)));
    time.dateTime = episode.date;
    item.append(el('p', { className: 'meta' }, time));
  }
  if (episode.people.length) {
    const names = episode.people.flatMap((p, i) => [...(i ? [', '] : []), el('a', { href: p.href }, ...marked(p.name, terms))]);
    item.append(el('p', { className: 'card-people' }, el('span', { className: 'sr-only' }, 'Speaking: '), ...names));
  }
  return item;
}

let found: Episode[] = [];
let terms: string[] = [];
let shown = 0;
let settle: ReturnType<typeof setTimeout> | undefined;

function say(message: string, now = false) {
  clearTimeout(settle);
  if (now) status.textContent = message;
  else settle = setTimeout(() => (status.textContent = message), SETTLE_MS);
}

function showMore() {
  const next = found.slice(shown, shown + STEP).map((e) => card(e, terms));
  results.append(...next);
  shown += next.length;
  const left = found.length - shown;
  more.hidden = left === 0;
  more.textContent = left > STEP ? `Show ${STEP} more (${left.toLocaleString('en')} left)` : `Show the last ${left}`;
  return next[0];
}

function restore() {
  results.hidden = more.hidden = true;
  results.replaceChildren();
  cards.hidden = false;
  if (pager) pager.hidden = false;
  found = [];
  say('', true);
}

/** Runs on every change of the box; only the latest query's answer is shown. */
async function update() {
  const query = input.value.trim();
  const asked = wordsOf(query);
  if (!asked.length) return restore();
  let all: Episode[];
  try {
    all = await load();
  } catch {
    say('The list of episodes could not be loaded. Try again, or browse the pages below.', true);
    return;
  }
  if (input.value.trim() !== query) return; // a later keystroke's update is under way
  terms = asked;
  found = all.filter((e) => matches(e, terms));
  shown = 0;
  results.replaceChildren();
  showMore();
  results.hidden = false;
  cards.hidden = true;
  if (pager) pager.hidden = true;
  const n = found.length;
  say(n === 0 ? `No episodes match “${query}”` : `${n.toLocaleString('en')} ${n === 1 ? 'episode matches' : 'episodes match'} “${query}”`);
}

input.addEventListener('input', () => void update());
input.addEventListener('keydown', (event) => {
  if (event.key !== 'Escape' || !input.value) return;
  // Chrome clears a search box on Escape itself; this way every browser does, and the page comes back.
  event.preventDefault();
  input.value = '';
  void update();
});
more.addEventListener('click', () => showMore()?.querySelector('a')?.focus());
// A year's link to a card on this page, followed while matches hide the cards: they come back,
// and the card is brought into view.
addEventListener('hashchange', () => {
  if (results.hidden) return;
  input.value = '';
  restore();
  document.querySelector(':target')?.scrollIntoView();
});
// Fetch the list now (the reader has just focused the box) and catch up with what was typed meanwhile.
void load().catch(() => {});
if (input.value) void update();
