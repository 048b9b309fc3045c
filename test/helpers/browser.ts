/** Debian's Chromium driven by playwright-core: no browser download needed (or possible) here. */
import { existsSync } from 'node:fs';
import { chromium, type Browser } from 'playwright-core';

const CANDIDATES = [process.env.CHROMIUM_PATH, '/usr/bin/chromium', '/usr/bin/chromium-browser', '/usr/bin/google-chrome'];

/** Flags that work on a headless machine without a GPU, sandbox or network access for updates. */
export const CHROME_FLAGS = ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'];

export function chromiumPath(): string | undefined {
  return CANDIDATES.find((p): p is string => !!p && existsSync(p));
}

export async function launch(): Promise<Browser> {
  const executablePath = chromiumPath();
  if (!executablePath) {
    throw new Error('No Chromium found. Install it (Debian/Ubuntu: sudo apt-get install -y chromium) or set CHROMIUM_PATH.');
  }
  return chromium.launch({
    executablePath,
    args: CHROME_FLAGS,
  });
}
