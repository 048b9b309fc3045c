/**
 * `npm run screenshots`: pictures of the built site (library, overview, section; light and dark;
 * desktop and phone) in test-results/screenshots/, to look at before calling a change done.
 */
import { mkdir } from 'node:fs/promises';
import path from 'node:path';
import { preview } from 'astro';
import { launch } from '../test/helpers/browser.ts';

const root = path.resolve(import.meta.dirname, '..');
const out = path.join(root, 'test-results', 'screenshots');
await mkdir(out, { recursive: true });
const server = await preview({ root, server: { port: 4399 }, logLevel: 'error' });
const browser = await launch();
try {
  const page0 = await browser.newPage();
  await page0.goto('http://localhost:4399/');
  const overview = await page0.locator('.library a').first().getAttribute('href');
  await page0.goto(`http://localhost:4399${overview}`);
  const section = await page0.locator('.section-list a').nth(1).getAttribute('href');
  const pages = { library: '/', overview: overview!, section: section!, search: '/search/?q=continual+learning' };
  for (const scheme of ['light', 'dark'] as const) {
    for (const [device, viewport] of [['desktop', { width: 1280, height: 900 }], ['phone', { width: 375, height: 812 }]] as const) {
      const context = await browser.newContext({ viewport, colorScheme: scheme, deviceScaleFactor: 1 });
      const page = await context.newPage();
      for (const [name, url] of Object.entries(pages)) {
        await page.goto(`http://localhost:4399${url}`);
        await page.waitForLoadState('networkidle');
        await page.screenshot({ path: path.join(out, `${name}-${scheme}-${device}.png`), fullPage: name !== 'section' });
      }
      await context.close();
    }
  }
  console.log(`screenshots in ${path.relative(process.cwd(), out)}/`);
} finally {
  await browser.close();
  await server.stop();
}
