/**
 * Watch and read together, in a real browser: a local audio file plays on the section page, the
 * paragraph being said follows its currentTime, and YouTube stays a facade until the click.
 */
import assert from 'node:assert/strict';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { after, before, describe, it } from 'node:test';
import { AxeBuilder } from '@axe-core/playwright';
import type { Browser, BrowserContext, Page, Request } from 'playwright-core';
import { launch } from './helpers/browser.ts';
import { browserSkipReason } from './helpers/browser-guard.ts';
import { root, tempDir } from './helpers/build.ts';
import { SLUG, servedSite } from './helpers/site.ts';
import { silentWav } from './helpers/wav.ts';

const skip = browserSkipReason();
const shots = path.join(root, 'test-results', 'screenshots');

// The CC0 "Ten things" talk as WebVTT, with chapters, and a silent WAV as its audio. Its last cue
// ends at 12:34.769, read from the fixture.
const VTT = path.join(root, 'test', 'fixtures', 'podcast-namespace', 'long-example.vtt');
const AUDIO_SECONDS = 12 * 60 + 36;
const CHAPTERS = [{ startTime: 0, title: 'Intro' }, { startTime: 95, title: 'Rookie mistakes' }, { startTime: 300, title: 'Gear' }];
const AUDIO_EP = 'ten-things';
const MISTAKES = `/${AUDIO_EP}/rookie-mistakes/`;
const GEAR = `/${AUDIO_EP}/gear/`;
const YOUTUBE_ID = 'abcdefghijk';

/** A stand-in for YouTube's IFrame API: makes the frame YouTube's would, and keeps time. */
const FAKE_YT_API = `
window.YT = { Player: class {
  constructor(el, o) {
    this.o = o; this.t = o.playerVars.start || 0; this.state = -1;
    this.f = document.createElement('iframe');
    this.f.src = o.host + '/embed/' + o.videoId + '?start=' + this.t + '&enablejsapi=1';
    el.replaceWith(this.f);
    setTimeout(() => { this.isReady = true; o.events.onReady({ target: this }); }, 10);
  }
  getIframe() { return this.f; }
  ready() { if (!this.isReady) throw new Error('called before onReady'); }
  playVideo() { this.ready(); this.state = 1; this.since = performance.now(); this.o.events.onStateChange({ data: 1 }); }
  pauseVideo() { this.ready(); this.t = this.getCurrentTime(); this.state = 2; this.o.events.onStateChange({ data: 2 }); }
  seekTo(t) { this.ready(); this.t = t; this.since = performance.now(); }
  getCurrentTime() { return this.state === 1 ? this.t + (performance.now() - this.since) / 1000 : this.t; }
  destroy() { this.f.remove(); }
} };
window.onYouTubeIframeAPIReady();`;

/** Paragraph ids on the page with the second each starts at, read from the ids (`t-<s>[-n]`). */
async function paragraphs(page: Page): Promise<Array<{ id: string; t: number }>> {
  const ids = await page.locator('.para').evaluateAll((els) => els.map((el) => el.id));
  return ids.map((id) => ({ id, t: Number(/^t-(\d+)/.exec(id)![1]) }));
}

/**
 * The paragraph being said at `t` by the rule: the last one starting at or before it, and the
 * first one before it starts (a section's page opens a moment before its first words).
 */
const saidAt = (paras: Array<{ id: string; t: number }>, t: number) => (paras.filter((p) => p.t <= t).at(-1) ?? paras[0]!).id;

const audioTime = (page: Page) => page.locator('.dock audio').evaluate((a: HTMLAudioElement) => a.currentTime);
const audioPaused = (page: Page) => page.locator('.dock audio').evaluate((a: HTMLAudioElement) => a.paused);
const seek = (page: Page, t: number) => page.locator('.dock audio').evaluate((a: HTMLAudioElement, s) => void (a.currentTime = s), t);
const current = (page: Page) => page.locator('.para[aria-current="time"]').evaluateAll((els) => els.map((el) => el.id));

async function inView(page: Page, selector: string): Promise<boolean> {
  return page.locator(selector).evaluate((el) => {
    const box = el.getBoundingClientRect();
    const header = document.querySelector('.site-header')!.getBoundingClientRect().bottom;
    const dock = document.querySelector('.dock')!.getBoundingClientRect().top;
    return box.top >= header - 1 && box.top < dock;
  });
}

describe('the player', { skip }, () => {
  let browser: Browser;
  let site: Awaited<ReturnType<typeof servedSite>>;

  before(async () => {
    const dir = tempDir('player-content');
    const vtt = path.join(dir, `${AUDIO_EP}.vtt`);
    writeFileSync(vtt, readFileSync(VTT));
    writeFileSync(path.join(dir, `${AUDIO_EP}.yml`), `title: Ten Things\nmedia: media/${AUDIO_EP}.wav\nchapters: ${AUDIO_EP}.chapters.json\n`);
    writeFileSync(path.join(dir, `${AUDIO_EP}.chapters.json`), JSON.stringify({ version: '1.2.0', chapters: CHAPTERS }));
    site = await servedSite('player', `media: https://www.youtube.com/watch?v=${YOUTUBE_ID}\n`, [
      vtt, path.join(dir, `${AUDIO_EP}.yml`), path.join(dir, `${AUDIO_EP}.chapters.json`),
    ]);
    // The media file sits in the site, as a user's would in public/.
    mkdirSync(path.join(site.out, 'media'), { recursive: true });
    writeFileSync(path.join(site.out, 'media', `${AUDIO_EP}.wav`), silentWav(AUDIO_SECONDS));
    browser = await launch();
    mkdirSync(shots, { recursive: true });
  });
  after(async () => {
    await browser?.close();
    await site?.stop();
  });

  async function open(path: string, options: Parameters<Browser['newContext']>[0] = {}): Promise<{ context: BrowserContext; page: Page; requests: Request[] }> {
    const context = await browser.newContext({ viewport: { width: 1280, height: 800 }, ...options });
    const page = await context.newPage();
    const requests: Request[] = [];
    page.on('request', (r) => requests.push(r));
    await page.goto(`${site.url}${path}`);
    return { context, page, requests };
  }

  it('loads nothing of the player before the reader asks; without JavaScript the link opens the media', async () => {
    const { context, page, requests } = await open(MISTAKES);
    await page.waitForLoadState('networkidle');
    const fetched = requests.map((r) => new URL(r.url()).pathname);
    assert.deepEqual(fetched.filter((p) => /player|\.wav$/.test(p)), [], fetched.join('\n'));
    assert.equal(await page.locator('.dock').count(), 0);
    assert.equal(await page.locator('.listen-play').getAttribute('href'), `/media/${AUDIO_EP}.wav#t=95`);
    assert.match(await page.locator('.listen-play').innerText(), /Listen from 1:35/);
    assert.equal(await page.locator('.resume').isVisible(), false, 'nothing to resume on a first visit');
    // Every paragraph's ▶, made by the page's script: the media at the paragraph's second, named
    // with its time.
    const plays = await page.locator('.para').evaluateAll((els) => els.map((el) => {
      const links = el.querySelectorAll('a.play');
      return { id: el.id, n: links.length, href: (links[0] as HTMLAnchorElement | undefined)?.href, label: links[0]?.ariaLabel, clock: el.querySelector('.ts')?.textContent };
    }));
    assert.ok(plays.length > 3);
    for (const p of plays) {
      assert.equal(p.n, 1, p.id);
      assert.equal(p.href, new URL(`/media/${AUDIO_EP}.wav#t=${/^t-(\d+)/.exec(p.id)![1]}`, page.url()).href, p.id);
      assert.equal(p.label, `Play from ${p.clock}`, p.id);
    }
    await context.close();
  });

  it('a paragraph’s ▶ plays the audio from its moment on the page, marks that paragraph and keeps the dock off the text', async () => {
    const { context, page } = await open(MISTAKES);
    const paras = await paragraphs(page);
    const target = paras[3]!;
    await page.locator(`#${target.id} a.play`).click();
    await page.locator('.dock audio').waitFor();
    await page.waitForFunction(() => { const a = document.querySelector<HTMLAudioElement>('.dock audio'); return a && !a.paused && a.currentTime > 0; });
    assert.equal(new URL(page.url()).pathname, MISTAKES, 'stayed on the page');
    const t = await audioTime(page);
    assert.ok(t >= target.t && t < target.t + 5, `playing from ${target.t}, at ${t}`);
    assert.deepEqual(await current(page), [saidAt(paras, t)]);
    // The page's end can scroll above the dock: the last paragraph is never hidden under it.
    await page.keyboard.press('End');
    await page.evaluate(() => scrollTo(0, document.documentElement.scrollHeight));
    const last = await page.locator('.pager').boundingBox();
    const dock = await page.locator('.dock').boundingBox();
    assert.ok(last!.y + last!.height <= dock!.y + 1, `pager ends at ${last!.y + last!.height}, dock starts at ${dock!.y}`);
    await page.screenshot({ path: path.join(shots, 'player-audio-desktop.png') });
    await context.close();
  });

  it('follows currentTime: the paragraph being said is marked and kept in view, until the reader scrolls away', async () => {
    const { context, page } = await open(MISTAKES);
    const paras = await paragraphs(page);
    await page.locator('.listen-play').click();
    await page.locator('.dock audio').waitFor();
    await page.waitForFunction(() => !document.querySelector<HTMLAudioElement>('.dock audio')!.paused);
    assert.equal(new URL(page.url()).pathname, MISTAKES, 'the section’s own play link plays on its page');
    const t0 = await audioTime(page);
    assert.ok(t0 >= 95 && t0 < 100, `from the section’s start, at ${t0}`);
    assert.ok(paras.length >= 6, `${paras.length} paragraphs`);
    for (const p of [paras[2]!, paras[4]!, paras.at(-1)!]) {
      await seek(page, p.t + 0.5);
      await page.waitForFunction((id) => document.getElementById(id)?.getAttribute('aria-current') === 'time', p.id);
      assert.deepEqual(await current(page), [p.id], 'one paragraph marked');
      await page.waitForTimeout(700); // smooth scrolling
      assert.ok(await inView(page, `#${p.id}`), `${p.id} is in view above the dock`);
    }
    assert.equal(await page.getByRole('button', { name: 'Follow along' }).getAttribute('aria-pressed'), 'true');
    // The reader scrolls up on purpose: the mark moves on, the page stays where they put it.
    await page.mouse.move(600, 400);
    await page.mouse.wheel(0, -5000);
    await page.waitForTimeout(400);
    assert.equal(await inView(page, `#${paras[3]!.id}`), false, 'the next paragraph to be marked is out of view');
    assert.equal(await page.getByRole('button', { name: 'Follow along' }).getAttribute('aria-pressed'), 'false');
    const y = await page.evaluate(() => scrollY);
    await seek(page, paras[3]!.t + 0.5);
    await page.waitForFunction((id) => document.getElementById(id)?.getAttribute('aria-current') === 'time', paras[3]!.id);
    await page.waitForTimeout(500);
    assert.equal(await page.evaluate(() => scrollY), y, 'not scrolled while the reader looks elsewhere');
    // Following again brings the paragraph back.
    await page.getByRole('button', { name: 'Follow along' }).click();
    await page.waitForTimeout(700);
    assert.ok(await inView(page, `#${paras[3]!.id}`));
    await context.close();
  });

  it('at the section’s end it goes on to the next section’s page at the same moment, and remembers where the reader stopped', async () => {
    const { context, page } = await open(MISTAKES);
    await page.locator('.listen-play').click();
    await page.locator('.dock audio').waitFor();
    await page.waitForFunction(() => !document.querySelector<HTMLAudioElement>('.dock audio')!.paused);
    await seek(page, 298.5);
    await page.waitForURL((url) => url.pathname === GEAR, { timeout: 15_000 });
    await page.locator('.dock audio').waitFor();
    await page.waitForFunction(() => document.querySelector<HTMLAudioElement>('.dock audio')!.currentTime >= 299);
    // Either the browser let it play on, or the dock offers to.
    const playing = !(await audioPaused(page));
    if (!playing) assert.match(await page.locator('.dock-note').innerText(), /Press Play to go on from 5:\d\d/);
    assert.equal(new URL(page.url()).search, '', 'the ?play= request is not left in the address');
    const paras = await paragraphs(page);
    assert.deepEqual(await current(page), [saidAt(paras, await audioTime(page))]);
    // Stopped at 6:40: back on another page of the episode, the offer is to resume there.
    await seek(page, 400);
    await page.getByRole('button', { name: /^(Pause|Play)$/ }).click();
    if (!(await audioPaused(page))) await page.getByRole('button', { name: 'Pause' }).click();
    await page.waitForFunction(() => document.querySelector<HTMLAudioElement>('.dock audio')!.paused);
    await page.goto(`${site.url}/${AUDIO_EP}/intro/`);
    const resume = page.locator('.resume');
    await resume.waitFor();
    assert.equal(await resume.innerText(), 'Resume from 6:40');
    await resume.click();
    await page.waitForURL((url) => url.pathname === GEAR);
    await page.waitForFunction(() => (document.querySelector<HTMLAudioElement>('.dock audio')?.currentTime ?? 0) >= 400);
    await context.close();
  });

  it('works from the keyboard: Enter on ▶ opens the player with focus, space plays and pauses, every control has a name', async () => {
    const { context, page } = await open(MISTAKES);
    const paras = await paragraphs(page);
    await page.locator(`#${paras[2]!.id} a.play`).focus();
    await page.keyboard.press('Enter');
    await page.locator('.dock audio').waitFor();
    await page.waitForFunction(() => !document.querySelector<HTMLAudioElement>('.dock audio')!.paused);
    assert.equal(await page.evaluate(() => document.activeElement?.className), 'dock');
    await page.keyboard.press(' ');
    await page.waitForFunction(() => document.querySelector<HTMLAudioElement>('.dock audio')!.paused);
    await page.keyboard.press(' ');
    await page.waitForFunction(() => !document.querySelector<HTMLAudioElement>('.dock audio')!.paused);
    const dock = page.getByRole('region', { name: 'Player' });
    await dock.getByRole('button', { name: 'Pause' }).waitFor();
    // Scrolling from the keyboard is scrolling away, even with the player focused.
    await page.keyboard.press('PageDown');
    assert.equal(await dock.getByRole('button', { name: 'Follow along' }).getAttribute('aria-pressed'), 'false');
    for (const name of ['Pause', 'Follow along', 'Close player']) assert.equal(await dock.getByRole('button', { name }).count(), 1, name);
    assert.equal(await dock.locator('audio').getAttribute('aria-label'), 'Audio: Ten Things');
    await dock.getByRole('button', { name: 'Close player' }).click();
    assert.equal(await page.locator('.dock').count(), 0);
    assert.deepEqual(await current(page), []);
    await context.close();
  });

  it('a modified click (new tab) still opens the media itself', async () => {
    const { context, page } = await open(MISTAKES);
    const paras = await paragraphs(page);
    const popup = context.waitForEvent('page');
    await page.locator(`#${paras[1]!.id} a.play`).click({ modifiers: ['ControlOrMeta'] });
    const tab = await popup;
    assert.match(tab.url(), new RegExp(`/media/${AUDIO_EP}\\.wav#t=${paras[1]!.t}$`));
    assert.equal(await page.locator('.dock').count(), 0);
    await context.close();
  });

  it('YouTube is a facade: no request to YouTube before the click, then its API and a youtube-nocookie.com frame at the moment', async () => {
    const { context, page, requests } = await open(`/${SLUG}/timelines-and-benchmarks/`);
    await page.route('https://www.youtube.com/iframe_api', (route) => route.fulfill({ contentType: 'text/javascript', body: FAKE_YT_API }));
    await page.route(/^https:\/\/www\.youtube-nocookie\.com\/embed\//, (route) => route.fulfill({ contentType: 'text/html', body: '<!doctype html><title>video</title>' }));
    await page.waitForLoadState('networkidle');
    assert.deepEqual(requests.filter((r) => /youtube/.test(r.url())).map((r) => r.url()), []);
    const csp = (await page.locator('meta[http-equiv="content-security-policy"]').getAttribute('content'))!;
    assert.match(csp, /frame-src https:\/\/www\.youtube-nocookie\.com(;|$)/);
    assert.match(csp, /script-src [^;]*https:\/\/www\.youtube\.com/);
    const frame = page.waitForRequest(/youtube-nocookie\.com\/embed\//);
    await page.locator('#t-113 a.play').click();
    const url = new URL((await frame).url());
    assert.equal(url.pathname, `/embed/${YOUTUBE_ID}`);
    assert.equal(url.searchParams.get('start'), '113');
    await page.locator('.dock iframe[title]').waitFor();
    assert.equal(await page.locator('.dock iframe').getAttribute('title'), 'Video: OpenAI’s Chief Scientist on Continual Learning Hype, RL Beyond Code, & Future Alignment Directions');
    await page.waitForFunction(() => document.getElementById('t-113')?.getAttribute('aria-current') === 'time');
    await page.screenshot({ path: path.join(shots, 'player-youtube-desktop.png') });
    await context.close();
  });

  it('when YouTube cannot load, the dock says so and links to the video at the moment', async () => {
    const { context, page } = await open(`/${SLUG}/timelines-and-benchmarks/`);
    await page.route('https://www.youtube.com/iframe_api', (route) => route.abort());
    await page.locator('#t-113 a.play').click();
    const note = page.locator('.dock-note');
    await note.waitFor();
    assert.match(await note.innerText(), /YouTube’s player did not load here/);
    assert.equal(await note.getByRole('link').getAttribute('href'), `https://youtu.be/${YOUTUBE_ID}?t=113`);
    await context.close();
  });

  it('allows a frame only on pages of episodes on YouTube, and only youtube-nocookie.com', async () => {
    for (const [p, youtube] of [[MISTAKES, false], [`/${SLUG}/timelines-and-benchmarks/`, true], ['/', false], [`/${SLUG}/`, false]] as const) {
      const html = readFileSync(path.join(site.out, ...p.split('/').filter(Boolean), 'index.html'), 'utf8');
      const csp = /<meta http-equiv="content-security-policy" content="([^"]*)">/.exec(html)![1]!;
      const frame = /frame-src ([^;]*)/.exec(csp)?.[1];
      assert.equal(frame, youtube ? 'https://www.youtube-nocookie.com' : undefined, p);
      assert.match(csp, /default-src 'self'/, p);
      assert.equal(/youtube\.com/.test(csp.replace(/frame-src [^;]*/, '')), youtube, `${p}: script host only with YouTube`);
    }
  });

  for (const scheme of ['light', 'dark'] as const) {
    it(`has no axe violations with the player open, ${scheme}; docks at the bottom on a phone`, async () => {
      const { context, page } = await open(MISTAKES, { colorScheme: scheme, viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true });
      const paras = await paragraphs(page);
      await page.locator(`#${paras[4]!.id} a.play`).click();
      await page.locator('.dock audio').waitFor();
      await page.waitForFunction(() => !document.querySelector<HTMLAudioElement>('.dock audio')!.paused);
      const dock = (await page.locator('.dock').boundingBox())!;
      assert.ok(Math.abs(dock.y + dock.height - 844) <= 1, `dock at the bottom (${dock.y}+${dock.height})`);
      assert.ok(dock.height < 844 / 3, `dock takes ${dock.height}px`);
      const result = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22a', 'wcag22aa', 'best-practice']).analyze();
      assert.deepEqual(result.violations.map((v) => `${v.id}: ${v.nodes[0]!.target.join(' ')} — ${v.nodes[0]!.failureSummary}`), []);
      await page.screenshot({ path: path.join(shots, `player-audio-mobile-${scheme}.png`) });
      await context.close();
    });
  }
});
