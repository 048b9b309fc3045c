/**
 * Follow along: the paragraph being said is marked (`aria-current="time"`) and kept in view,
 * until the reader scrolls on purpose; then it is only marked, and the dock offers to follow again.
 */
import { anchorTime } from '../../domain/anchor';
import { indexAt } from './timing';

/** Keys that scroll the page when no control has focus. */
const SCROLL_KEYS = new Set(['ArrowUp', 'ArrowDown', 'PageUp', 'PageDown', 'Home', 'End', ' ']);

export class Follow {
  private readonly paras: HTMLElement[];
  private readonly starts: number[];
  private readonly dockHeight: () => number;
  private readonly changed: (following: boolean) => void;
  private at = -1;
  following = true;

  /**
   * `dockHeight` says how much of the window's bottom the dock covers; `signal` ends the
   * listening when the dock closes.
   */
  constructor(dockHeight: () => number, changed: (following: boolean) => void, signal: AbortSignal) {
    this.dockHeight = dockHeight;
    this.changed = changed;
    this.paras = [...document.querySelectorAll<HTMLElement>('.para')].filter((p) => anchorTime(p.id) !== undefined);
    this.starts = this.paras.map((p) => anchorTime(p.id)!);
    const away = () => this.set(false);
    addEventListener('wheel', away, { passive: true, signal });
    // Dragging the dock's own timeline on a phone is not scrolling the page.
    addEventListener('touchmove', (event) => !(event.target as Element).closest('.dock') && away(), { passive: true, signal });
    addEventListener('keydown', (event) => {
      const target = event.target as Element;
      if (!SCROLL_KEYS.has(event.key) || target.closest('a, button, input, textarea, select, audio, video, [contenteditable]')) return;
      // Space on the dock itself plays and pauses (player.ts); every other scroll key scrolls.
      if (event.key === ' ' && target.closest('.dock')) return;
      away();
    }, { signal });
  }

  set(following: boolean): void {
    if (following !== this.following) {
      this.following = following;
      this.changed(following);
    }
    if (following) this.reveal();
  }

  /**
   * Marks the paragraph being said at `t` (the first one until it starts: the section's page opens
   * a moment before its first words), and brings it into view when following.
   */
  update(t: number): void {
    const at = Math.max(0, indexAt(this.starts, t));
    if (at === this.at) return;
    this.paras[this.at]?.removeAttribute('aria-current');
    this.at = at;
    this.paras[at]?.setAttribute('aria-current', 'time');
    if (this.following) this.reveal();
  }

  clear(): void {
    this.paras[this.at]?.removeAttribute('aria-current');
    this.at = -1;
  }

  /** Scrolls only when the paragraph is not wholly in view, and puts its top a fifth of the way down. */
  private reveal(): void {
    const para = this.paras[this.at];
    if (!para) return;
    const top = document.querySelector('.site-header')?.getBoundingClientRect().bottom ?? 0;
    const bottom = innerHeight - this.dockHeight();
    const box = para.getBoundingClientRect();
    if (box.top >= top && box.bottom <= bottom) return;
    const reduce = matchMedia('(prefers-reduced-motion: reduce)').matches;
    scrollBy({ top: box.top - top - (bottom - top) / 5, behavior: reduce ? 'instant' : 'smooth' });
  }
}
