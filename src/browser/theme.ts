/** Light / dark / auto, remembered across pages; the <head> script applies it before paint. */
const MODES = ['auto', 'light', 'dark'] as const;
const button = document.querySelector<HTMLButtonElement>('.theme-toggle');
const root = document.documentElement;

if (button) {
  // Only the head script (light or dark, checked) and this one set the theme: unset is auto.
  const show = () => (button.querySelector('.btn-text')!.textContent = `Theme: ${root.dataset.theme ?? 'auto'}`);
  button.hidden = false;
  show();
  button.addEventListener('click', () => {
    const next = MODES[(MODES.indexOf((root.dataset.theme ?? 'auto') as (typeof MODES)[number]) + 1) % MODES.length]!;
    if (next === 'auto') delete root.dataset.theme;
    else root.dataset.theme = next;
    try {
      if (next === 'auto') delete localStorage.theme;
      else localStorage.theme = next;
    } catch {
      // Storage can be off (private mode); the choice then lasts for this page only.
    }
    show();
  });
}
