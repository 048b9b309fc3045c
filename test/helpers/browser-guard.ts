/**
 * Browser tests need Chromium. Locally, a missing browser skips them loudly with the fix; in CI
 * (CI set to anything but "false" or "0", as CI services do) it is a failure, so a green CI run
 * always means the browser tests ran.
 */
import { chromiumPath } from './browser.ts';

export function browserSkipReason(): string | false {
  if (chromiumPath()) return false;
  const message = 'Chromium not found: browser tests cannot run. Install it with `sudo apt-get install -y chromium` (Debian/Ubuntu) or set CHROMIUM_PATH.';
  const ci = process.env.CI;
  if (ci && ci !== 'false' && ci !== '0') throw new Error(message);
  console.warn(`\n*** ${message} ***\n`);
  return message;
}
