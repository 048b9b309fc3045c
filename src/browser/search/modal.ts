/**
 * The search bundle's entry: the Ctrl/⌘-K dialog (a native <dialog>: focus moves in, Escape
 * closes) and the inline UI of the /search/ page. Loaded by URL on intent (see ../site.ts), it
 * hands its API over on `window` rather than as exports.
 */
import { setUpPagefind, type Pagefind } from './engine';
import { mountSearch } from './ui';

let dialog: HTMLDialogElement | undefined;
let input: HTMLInputElement | undefined;

export function openSearch(returnTo: HTMLElement | null, engine: Promise<Pagefind>) {
  if (!dialog) {
    dialog = Object.assign(document.createElement('dialog'), { className: 'search-dialog' });
    dialog.setAttribute('aria-label', 'Search the transcripts');
    const host = Object.assign(document.createElement('div'), { id: 'search-modal' });
    const close = Object.assign(document.createElement('button'), { type: 'button', className: 'search-close', textContent: 'Close' });
    close.setAttribute('aria-label', 'Close search');
    close.addEventListener('click', () => dialog!.close());
    dialog.append(close, host);
    // A click on the backdrop (the dialog element itself, outside its content) closes it.
    dialog.addEventListener('click', (event) => {
      if (event.target === dialog) dialog.close();
    });
    // In a search field Chrome spends the first Escape on clearing it; in a dialog Escape means close.
    dialog.addEventListener('keydown', (event) => {
      if (event.key === 'Escape') {
        event.preventDefault();
        dialog!.close();
      }
    });
    document.body.append(dialog);
    input = mountSearch(host, engine);
  }
  const d = dialog;
  d.addEventListener('close', () => returnTo?.focus(), { once: true });
  if (!d.open) d.showModal();
  input!.focus();
  input!.select();
}

/** The /search/ page: the same UI inline, its query kept in the URL (`?q=…`) so that it can be shared. */
export function mountSearchPage(host: HTMLElement, engine: Promise<Pagefind>) {
  const input = mountSearch(host, engine, { syncUrl: true });
  const q = new URLSearchParams(location.search).get('q');
  if (q) {
    input.value = q;
    input.dispatchEvent(new Event('input'));
  }
  input.focus();
}

export interface SearchApi {
  openSearch: typeof openSearch;
  mountSearchPage: typeof mountSearchPage;
  /** Pagefind over every index, from the downloads the page script started. */
  setUp: typeof setUpPagefind;
}
(window as unknown as { transcriptSiteSearch: SearchApi }).transcriptSiteSearch = { openSearch, mountSearchPage, setUp: setUpPagefind };
