/** Light / dark / auto, remembered across pages; the <head> script applies it before paint. */
const MODES = ['auto', 'light', 'dark'] as const;
type Mode = (typeof MODES)[number];
const button = document.querySelector<HTMLButtonElement>('.theme-toggle');
const root = document.documentElement;

function current(): Mode {
  const t = root.dataset.theme;
  return t === 'light' || t === 'dark' ? t : 'auto';
}

function show(mode: Mode) {
  const text = button?.querySelector('.btn-text');
  if (text) text.textContent = `Theme: ${mode}`;
}

if (button) {
  button.hidden = false;
  show(current());
  button.addEventListener('click', () => {
    const next = MODES[(MODES.indexOf(current()) + 1) % MODES.length]!;
    if (next === 'auto') delete root.dataset.theme;
    else root.dataset.theme = next;
    try {
      if (next === 'auto') localStorage.removeItem('theme');
      else localStorage.setItem('theme', next);
    } catch {
      // Storage can be off (private mode); the choice then lasts for this page only.
    }
    show(next);
  });
}
