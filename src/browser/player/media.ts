/**
 * The episode's media behind one interface: a native <audio> or <video>, or YouTube's player in a
 * youtube-nocookie.com frame through its IFrame API. Nothing here runs before the reader asks to
 * play: this module is part of the player's bundle, fetched on that click.
 */
import { youtubeId } from '../../domain/media';

export type MediaEvent = 'time' | 'play' | 'pause' | 'ended';

export interface Media {
  /** What the dock shows: the media element, or the frame's box. */
  element: HTMLElement;
  time(): number;
  paused(): boolean;
  /** Seeks to `t` and plays; rejects when the browser will not play without a click of its own. */
  playFrom(t: number): Promise<void>;
  toggle(): void;
  /** Told as time moves (a few times a second while playing), and on play, pause and end. */
  listen(listener: (event: MediaEvent) => void): void;
  destroy(): void;
}

export function nativeMedia(kind: 'audio' | 'video', src: string, label: string): Media {
  const el = document.createElement(kind);
  el.controls = true;
  el.preload = 'metadata';
  el.src = src;
  el.setAttribute('aria-label', label);
  if (el instanceof HTMLVideoElement) el.playsInline = true;
  return {
    element: el,
    time: () => el.currentTime,
    paused: () => el.paused,
    playFrom(t) {
      el.currentTime = t;
      return el.play();
    },
    toggle: () => void (el.paused ? el.play().catch(() => undefined) : el.pause()),
    listen(listener) {
      el.addEventListener('timeupdate', () => listener('time'));
      el.addEventListener('seeked', () => listener('time'));
      el.addEventListener('play', () => listener('play'));
      el.addEventListener('pause', () => listener('pause'));
      el.addEventListener('ended', () => listener('ended'));
    },
    destroy() {
      el.pause();
      el.removeAttribute('src');
      el.load();
      el.remove();
    },
  };
}

/** The part of YouTube's IFrame API used here (https://developers.google.com/youtube/iframe_api_reference). */
interface YTPlayer {
  playVideo(): void;
  pauseVideo(): void;
  seekTo(seconds: number, allowSeekAhead: boolean): void;
  getCurrentTime(): number;
  getIframe(): HTMLIFrameElement;
  destroy(): void;
}
interface YTApi {
  Player: new (target: HTMLElement, options: object) => YTPlayer;
}
type YTWindow = Window & { YT?: YTApi; onYouTubeIframeAPIReady?: () => void };

/** YouTube's player states. */
const ENDED = 0;
const PLAYING = 1;
const PAUSED = 2;
const BUFFERING = 3;

/** How long YouTube's API and frame may take to load, and a video to start once asked. */
const API_TIMEOUT_MS = 15_000;
const START_TIMEOUT_MS = 6_000;

export const YOUTUBE_API = 'https://www.youtube.com/iframe_api';
/** The frame's host: no cookies until the reader plays (the page's CSP allows only this frame host). */
export const YOUTUBE_HOST = 'https://www.youtube-nocookie.com';

let api: Promise<YTApi> | undefined;
function loadApi(): Promise<YTApi> {
  api ??= new Promise<YTApi>((resolve, reject) => {
    const w = window as YTWindow;
    w.onYouTubeIframeAPIReady = () => resolve(w.YT!);
    const script = Object.assign(document.createElement('script'), { src: YOUTUBE_API, async: true });
    script.addEventListener('error', () => reject(new Error('blocked or offline')));
    document.head.append(script);
    setTimeout(() => reject(new Error('no answer')), API_TIMEOUT_MS);
  }).catch((error: unknown) => {
    api = undefined; // the next click tries again
    throw error;
  });
  return api;
}

export function youtubeMedia(url: string, label: string): Media {
  const box = document.createElement('div');
  box.className = 'dock-frame';
  const target = box.appendChild(document.createElement('div'));
  const listeners: Array<(event: MediaEvent) => void> = [];
  const emit = (event: MediaEvent) => listeners.forEach((l) => l(event));
  let player: Promise<YTPlayer> | undefined;
  let ready: YTPlayer | undefined;
  let state = -1;
  let from = 0;
  let ticker: ReturnType<typeof setInterval> | undefined;

  // Told when the state changes; playFrom waits on it.
  let stateChanged: () => void = () => {};
  const create = (start: number) =>
    (player ??= loadApi()
      .then(
        (YT) =>
          new Promise<YTPlayer>((resolve, reject) => {
            // The API loaded but its frame never said it was ready (blocked, offline).
            const timeout = setTimeout(() => reject(new Error('no answer')), API_TIMEOUT_MS);
            const p: YTPlayer = new YT.Player(target, {
              host: YOUTUBE_HOST,
              videoId: youtubeId(url),
              width: '100%',
              height: '100%',
              playerVars: { autoplay: 1, start: Math.floor(start), playsinline: 1, rel: 0, origin: location.origin },
              events: {
                onReady: () => {
                  clearTimeout(timeout);
                  p.getIframe().title = label;
                  ready = p;
                  resolve(p);
                },
                onStateChange: ({ data }: { data: number }) => {
                  state = data;
                  stateChanged();
                  clearInterval(ticker);
                  if (data === PLAYING) {
                    ticker = setInterval(() => emit('time'), 250);
                    emit('play');
                  } else if (data === PAUSED) emit('pause');
                  else if (data === ENDED) emit('ended');
                },
              },
            });
          }),
      )
      .catch((error: unknown) => {
        player = undefined; // the next click tries again
        throw error;
      }));

  /**
   * Resolves once the video plays (or is loading to play); rejects as a browser's refusal would
   * when it has not started after a while: autoplay blocked, the reader must press play in it.
   */
  const started = () =>
    new Promise<void>((resolve, reject) => {
      const check = () => {
        if (state === PLAYING || state === BUFFERING) {
          clearTimeout(timer);
          stateChanged = () => {};
          resolve();
        }
      };
      const timer = setTimeout(() => {
        stateChanged = () => {};
        reject(new DOMException('the video did not start', 'NotAllowedError'));
      }, START_TIMEOUT_MS);
      stateChanged = check;
      check();
    });

  return {
    element: box,
    time: () => ready?.getCurrentTime() ?? from,
    paused: () => state !== PLAYING,
    async playFrom(t) {
      from = t;
      const fresh = player === undefined;
      const p = await create(t);
      if (!fresh) p.seekTo(t, true);
      p.playVideo();
      await started();
    },
    toggle() {
      if (!ready) return;
      if (state === PLAYING) ready.pauseVideo();
      else ready.playVideo();
    },
    listen: (listener) => void listeners.push(listener),
    destroy() {
      clearInterval(ticker);
      ready?.destroy();
      box.remove();
    },
  };
}
