/**
 * The section page's player, built as its own bundle and fetched when the reader first asks to
 * play (../listen.ts): the episode's media in a dock at the bottom of the window, the paragraph
 * being said marked and kept in view, on to the next section's page when the section ends, and
 * the reader's position remembered per episode.
 */
import { anchorTime } from '../../domain/anchor';
import { mediaAt } from '../../domain/media';
import { formatClock } from '../../domain/time';
import { loadStyles } from '../load';
import { Follow } from './follow';
import { nativeMedia, youtubeMedia, type Media } from './media';
import { savePosition } from './position';
import { placeOf, playHref, resolveHref } from './timing';

export interface PlayerApi {
  /**
   * Plays from the moment `from` names (a paragraph's ▶, the section's play link, "Resume"): here
   * when this section holds it, else on the page that does. Without `from`, from the moment in the
   * address (`?play=`), which the page that played on into this one asked for: the browser may
   * then want a click of its own before it plays.
   */
  play(slot: HTMLElement, from?: HTMLElement): void;
}

/** Saved at most this often while playing, and at every pause. */
const SAVE_EVERY_MS = 5000;

/** What the section page says about itself, read once from the player's slot and the page. */
interface Page {
  kind: 'youtube' | 'audio' | 'video';
  src: string;
  episode: string;
  /** The moments this page plays: `[from, until)` (sectionMoments in the domain). */
  from: number;
  until: number;
  /** The episode's moment resolver, for moments on other pages. */
  at: string;
  next: string | undefined;
  title: string;
}

function readPage(slot: HTMLElement): Page {
  const d = slot.dataset;
  return {
    kind: d.kind as Page['kind'],
    src: d.src!,
    episode: d.episode!,
    from: d.from ? Number(d.from) : -Infinity,
    until: d.until ? Number(d.until) : Infinity,
    at: d.at!,
    next: document.querySelector<HTMLAnchorElement>('a[rel=next]')?.getAttribute('href') ?? undefined,
    title: document.querySelector('h1')?.textContent ?? '',
  };
}

interface Dock {
  root: HTMLElement;
  /** The control that last asked to play: focus goes back to it when the dock closes. */
  opener: HTMLElement | undefined;
  media: Media;
  follow: Follow;
  /** Shows the moment `t` as the dock's time and the page's marked paragraph. */
  show(t: number): void;
  /** Shows a line under the controls (an offer, a failure); cleared when playback starts. */
  note(content: Array<Node | string>): void;
  /** The media cannot play here: leaves the message and "Close". */
  failed(): void;
}

let dock: Dock | undefined;

function say(message: string) {
  const announcer = document.getElementById('announcer');
  if (announcer) announcer.textContent = message;
}

function element<K extends keyof HTMLElementTagNameMap>(tag: K, props: Partial<HTMLElementTagNameMap[K]>): HTMLElementTagNameMap[K] {
  return Object.assign(document.createElement(tag), props);
}

const button = (className: string, textContent: string) => element('button', { type: 'button', className, textContent });

function open(slot: HTMLElement, page: Page): Dock {
  const episodeTitle = document.querySelector<HTMLElement>('[data-episode-title]')?.dataset.episodeTitle ?? document.title;
  const label = `${page.kind === 'audio' ? 'Audio' : 'Video'}: ${episodeTitle}`;
  const media = page.kind === 'youtube' ? youtubeMedia(page.src, label) : nativeMedia(page.kind, page.src, label);

  const root = element('section', { className: 'dock', tabIndex: -1 });
  root.setAttribute('aria-label', 'Player');
  const side = root.appendChild(element('div', { className: 'dock-side' }));
  const now = side.appendChild(element('p', { className: 'dock-now' }));
  const note = side.appendChild(element('p', { className: 'dock-note', hidden: true }));
  const buttons = side.appendChild(element('div', { className: 'dock-buttons' }));
  const toggle = buttons.appendChild(button('dock-toggle', 'Play'));
  const followButton = buttons.appendChild(button('dock-follow', 'Follow along'));
  const close = buttons.appendChild(button('dock-close', 'Close player'));
  root.prepend(media.element);
  document.querySelector('main')!.append(root);

  // The page keeps room for the dock at its bottom, so that it covers no text.
  const html = document.documentElement;
  const resize = new ResizeObserver(() => html.style.setProperty('--dock-h', `${root.offsetHeight}px`));
  resize.observe(root);

  // Everything this dock listens to on the window ends when it closes.
  const listening = new AbortController();
  const { signal } = listening;
  const follow = new Follow(
    () => root.offsetHeight,
    (on) => followButton.setAttribute('aria-pressed', String(on)),
    signal,
  );
  followButton.setAttribute('aria-pressed', 'true');
  followButton.addEventListener('click', () => follow.set(!follow.following));
  toggle.addEventListener('click', () => media.toggle());
  root.addEventListener('keydown', (event) => {
    if (event.key === ' ' && !(event.target as Element).closest('a, button, input, audio, video, iframe')) {
      event.preventDefault();
      media.toggle();
    }
  });

  const showNote = (content: Array<Node | string>) => {
    note.replaceChildren(...content);
    note.hidden = content.length === 0;
    if (content.length) say(note.textContent ?? '');
  };
  const show = (t: number) => {
    now.textContent = `${formatClock(t)} · ${page.title}`;
    toggle.textContent = media.paused() ? 'Play' : 'Pause';
    follow.update(t);
  };
  const leave = (href: string) => {
    leaving = true;
    savePosition(page.episode, media.time());
    location.assign(href);
  };

  let savedAt = 0;
  let leaving = false;
  let closed = false;
  media.listen((event) => {
    if (closed || leaving) return; // the pause that closing or leaving causes
    const t = media.time();
    show(t);
    if (event === 'ended') {
      savePosition(page.episode, undefined);
      return;
    }
    if (event === 'pause' || performance.now() - savedAt > SAVE_EVERY_MS) {
      savedAt = performance.now();
      savePosition(page.episode, t);
    }
    if (event === 'play') showNote([]);
    // Playing past this section (or back before it): its words are on another page.
    const place = placeOf(t, page.from, page.until, page.next !== undefined);
    if (place === 'here' || media.paused()) return;
    const there = place === 'next' ? playHref(page.next!, t) : resolveHref(page.at, t);
    if (follow.following) leave(there);
    else if (note.hidden) {
      const go = element('a', { href: there, textContent: 'Go to that part' });
      go.addEventListener('click', (click) => {
        if (click.metaKey || click.ctrlKey || click.shiftKey) return;
        click.preventDefault();
        leave(resolveHref(page.at, media.time()));
      });
      showNote([`Now playing ${formatClock(t)}, past this part. `, go]);
    }
  });
  addEventListener('pagehide', () => {
    if (!closed && !media.paused()) savePosition(page.episode, media.time());
  }, { signal });
  // Back to this page from the next section's (the browser kept it): it plays here again.
  addEventListener('pageshow', (event) => {
    if (event.persisted) leaving = false;
  }, { signal });
  close.addEventListener('click', () => {
    if (!media.paused()) savePosition(page.episode, media.time());
    closed = true;
    listening.abort();
    media.destroy();
    follow.clear();
    resize.disconnect();
    root.remove();
    html.style.removeProperty('--dock-h');
    const opener = current.opener?.isConnected ? current.opener : slot.querySelector<HTMLElement>('.listen-play');
    dock = undefined;
    opener?.focus({ preventScroll: true });
    say('Player closed');
  });

  const failed = () => {
    // Nothing to control: only the message and "Close" stay.
    media.element.hidden = true;
    toggle.hidden = true;
    followButton.hidden = true;
  };
  const current: Dock = { root, opener: undefined, media, follow, show, note: showNote, failed };
  return current;
}

/** `from`: the control the reader used; none when arriving from the previous section's page. */
function start(slot: HTMLElement, page: Page, t: number, from: HTMLElement | undefined) {
  const fresh = dock === undefined;
  dock ??= open(slot, page);
  dock.opener = from ?? dock.opener;
  const { root, media, follow, show, note, failed } = dock;
  if (fresh) root.focus({ preventScroll: true });
  show(t);
  follow.set(true);
  media.playFrom(t).then(
    () => say(`Playing from ${formatClock(t)}`),
    (error: unknown) => {
      const name = error instanceof DOMException ? error.name : '';
      // Paused (or sought again) before playback began: the reader's doing, not a failure.
      if (name === 'AbortError') return;
      if (name === 'NotAllowedError') {
        // Browsers may refuse to start sound without a click on this page (arriving from the
        // previous section's, say).
        note([`Press Play to go on from ${formatClock(t)}.`]);
        return;
      }
      const what = page.kind === 'youtube' ? 'YouTube’s player' : `The ${page.kind}`;
      const link = element('a', { href: mediaAt(page.src, t), textContent: page.kind === 'youtube' ? `Watch on YouTube from ${formatClock(t)}` : `Open the ${page.kind} file` });
      note([`${what} did not load here. `, link]);
      failed();
    },
  );
}

/**
 * The `?play=` moment, taken out of the address so that reloading does not play again; undefined
 * when it is not a number of seconds.
 */
function arrival(): number | undefined {
  const query = new URLSearchParams(location.search);
  const t = Number(query.get('play') ?? NaN);
  query.delete('play');
  history.replaceState(history.state, '', `${location.pathname}${query.size ? `?${query}` : ''}${location.hash}`);
  return Number.isFinite(t) && t >= 0 ? t : undefined;
}

/** The moment a play control names: its own `data-t`, or its paragraph's anchor. */
const momentOf = (from: HTMLElement): number => Number(from.dataset.t ?? anchorTime(from.closest('.para')?.id ?? '') ?? 0);

const api: PlayerApi = {
  play(slot, from) {
    const page = readPage(slot);
    const t = from ? momentOf(from) : arrival();
    if (t === undefined) return;
    if (placeOf(t, page.from, page.until, false) !== 'here') location.assign(resolveHref(page.at, t));
    else void loadStyles(slot.dataset.styles!).then(() => start(slot, page, t, from));
  },
};

(window as unknown as { transcriptSitePlayer: PlayerApi }).transcriptSitePlayer = api;
