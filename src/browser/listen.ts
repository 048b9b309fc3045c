/**
 * The section page's "Play" links and "Resume" offer. The player itself (./player/) is fetched
 * only when the reader first asks to play; a modified click (new tab) still opens the media.
 */
import { loadScript } from './load';
import { savedPosition } from './player/position';
import type { PlayerApi } from './player/player';

const slot = document.querySelector<HTMLElement>('.listen');
if (slot) {
  /** `from`: the control clicked; none when the address asks to play (`?play=`). */
  const play = (from?: HTMLElement) =>
    void loadScript(slot.dataset.module!).then(
      () => (window as unknown as { transcriptSitePlayer: PlayerApi }).transcriptSitePlayer.play(slot, from),
      // No player (offline, blocked): a link still goes to the media itself.
      () => from instanceof HTMLAnchorElement && location.assign(from.href),
    );
  document.addEventListener('click', (event) => {
    const link = (event.target as Element).closest<HTMLElement>('a.play, .listen [data-t]');
    if (!link || event.metaKey || event.ctrlKey || event.shiftKey) return;
    event.preventDefault();
    play(link);
  });
  const saved = savedPosition(slot.dataset.episode!);
  const resume = slot.querySelector<HTMLButtonElement>('.resume');
  if (saved && resume) {
    resume.dataset.t = String(saved.t);
    resume.textContent = `Resume from ${saved.clock}`;
    resume.hidden = false;
  }
  if (new URLSearchParams(location.search).has('play')) play();
}
