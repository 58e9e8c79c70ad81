import { existsSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import type { Envelope } from '../../types/envelope';
import { asyncApis, cloudApis, storageApis, syncApis, type AsyncApi, type SyncApi, type WxApi } from './wxApis';

/**
 * The WeChat build (`dist/weapp`, as `npm run build:weapp` leaves it) run page by page the way
 * WeChat runs it, under miniprogram-simulate: the official template compiler (wcc) compiles every
 * WXML, WeChat's component engine (exparser, via j-component) renders the page, and Taro's
 * runtime, React and the page code run unchanged. What the harness adds, per page:
 * - a fresh module registry and a fresh `wx` holding only the APIs in ./wxApis.ts; any other wx
 *   API is a tripwire, and a cloud call without a stub is refused: both fail the test, loudly;
 * - App/getApp/getCurrentPages and a `Page` that registers the page as a component (WeChat's
 *   own `Page` is not available outside WeChat);
 * - App onLaunch/onShow, then the page's onLoad(query), onShow, onReady, in WeChat's order;
 * - checks on everything the page does: it registered and rendered, no console.error or uncaught
 *   error, and every setData payload survives a JSON round trip and stays within 1 MB.
 * The load order and its reasons: tests/weapp/README.md.
 */

export const WEAPP = resolve(__dirname, '..', '..', 'dist', 'weapp');

/** Every route of app.json: main package pages, then each subpackage's. */
export function routes(): string[] {
  const file = join(WEAPP, 'app.json');
  if (!existsSync(file)) throw new Error(`${file} is missing: run \`npm run build:weapp\` first (npm test does)`);
  const app = JSON.parse(readFileSync(file, 'utf8')) as { pages: string[]; subPackages?: Array<{ root: string; pages: string[] }> };
  return [...app.pages, ...(app.subPackages ?? []).flatMap((p) => p.pages.map((page) => `${p.root}/${page}`))];
}

let wxApiNames: string[] | null = null;

/**
 * Every wx API name: miniprogram-simulate's list joined with the methods of `interface Wx` in
 * WeChat's own typings (miniprogram-api-typings), which also has the APIs the simulator lacks
 * (the privacy ones, say). Read once.
 */
export function everyWxApi(): string[] {
  if (!wxApiNames) {
    const typings = readFileSync(require.resolve('miniprogram-api-typings/types/wx/lib.wx.api.d.ts'), 'utf8');
    const body = typings.slice(typings.indexOf('interface Wx {'));
    const methods = [...body.matchAll(/^ {8}([a-z][A-Za-z0-9]*)\s*[<(]/gm)].map((m) => m[1]);
    wxApiNames = [...new Set([...Object.keys(require('miniprogram-simulate/src/api')), ...methods])];
  }
  return wxApiNames;
}

/**
 * WeChat's cap on one setData payload: "单次设置的数据不能超过1024kB", and the data must be
 * JSON-serialisable (Page.prototype.setData in
 * developers.weixin.qq.com/miniprogram/dev/reference/api/Page.html).
 */
export const SET_DATA_LIMIT_BYTES = 1024 * 1024;

/** A cloud function's answer for one `function.action`, given the call's data (action included). */
export type CloudStub = (data: Record<string, unknown>) => Envelope<unknown> | Promise<Envelope<unknown>>;
export type CloudStubs = Record<string, CloudStub>;
/** Answers every call itself, e.g. by forwarding it to the local cloud's functions. */
export type CloudHandler = (name: string, data: Record<string, unknown>) => Promise<Envelope<unknown>>;
export type WxAnswers = Partial<Record<AsyncApi | SyncApi, (...args: any[]) => unknown>>;

export type OpenOptions = {
  /** The page's query (onLoad's options and the launch query). */
  query?: Record<string, string>;
  /** Answers keyed `function.action` (any other call fails the test), or one handler for all. */
  cloud?: CloudStubs | CloudHandler;
  /** Answers replacing ./wxApis.ts's defaults for this page. */
  wx?: WxAnswers;
  /** Storage as the page finds it. */
  storage?: Record<string, unknown>;
  /** APIs left out of the list for this page (to prove that leaving the list fails). */
  without?: WxApi[];
};

export type CloudCall = { name: string; data: Record<string, unknown> };

type JComponent = {
  dom: HTMLElement;
  instance: PageInstance;
  attach(parent: Element): void;
  detach(): void;
};
type PageInstance = Record<string, any> & { setData(data: Record<string, unknown>, cb?: () => void): void };
type Options = Record<string, unknown>;

const WAIT_MS = 5000;
const POLL_MS = 20;
const QUIET_POLLS = 5;
const sleep = (ms: number) => new Promise((done) => setTimeout(done, ms));
const firstLine = (x: unknown) => String(x instanceof Error ? x.message : x).split('\n')[0].slice(0, 300);

/** Why a setData payload would not reach the view intact in WeChat, or null when it would. */
export function setDataFault(data: Options): string | null {
  const lost = notJson(data, '');
  if (lost) return `holds ${lost}, which a JSON round trip does not keep`;
  const bytes = Buffer.byteLength(JSON.stringify(data), 'utf8');
  return bytes > SET_DATA_LIMIT_BYTES ? `is ${bytes} bytes, over WeChat's 1 MB` : null;
}

/**
 * The first value under `value` that JSON does not carry unchanged (undefined, a function, NaN,
 * a Date or other class instance, a cycle), named by its path; null when all of it is plain data.
 * Plain objects may come from another realm or have a null prototype (Taro's payloads do).
 */
function notJson(value: unknown, path: string, seen = new Set<object>()): string | null {
  if (value === null || typeof value === 'string' || typeof value === 'boolean') return null;
  if (typeof value === 'number') return Number.isFinite(value) ? null : `${value} at ${path}`;
  if (typeof value !== 'object') return `${typeof value} at ${path}`;
  if (seen.has(value)) return `a cycle at ${path}`;
  const proto = Object.getPrototypeOf(value);
  const isArray = Array.isArray(value);
  if (!isArray && proto !== null && Object.getPrototypeOf(proto) !== null) return `a ${proto.constructor?.name ?? 'class instance'} at ${path}`;
  seen.add(value);
  for (const [key, child] of Object.entries(value)) {
    const lost = notJson(child, isArray ? `${path}[${key}]` : `${path}.${key}`, seen);
    if (lost) return lost;
  }
  seen.delete(value);
  return null;
}

const opened: SimPage[] = [];

/**
 * Lets every page opened since the last call settle, closes it (onUnload) and throws listing
 * every problem they had. Runs after each test; a test may call it to see the harness fail.
 */
export async function verifyOpenedPages(): Promise<void> {
  // Newest first: each page restores the globals as the page before it left them.
  const pages = opened.splice(0).reverse();
  for (const page of pages) await page.settle();
  const faults = pages.flatMap((page) => {
    page.close();
    return page.takeProblems().map((p) => `${page.route}: ${p}`);
  });
  if (faults.length) throw new Error(`the WeChat build misbehaved:\n${faults.join('\n')}`);
}

afterEach(verifyOpenedPages);

/** One compiled page, loaded, registered and rendered; see openPage. */
export class SimPage {
  readonly cloudCalls: CloudCall[] = [];
  readonly wxCalls: Array<{ api: string; args: unknown[] }> = [];
  readonly setDataPayloads: Options[] = [];
  readonly storage = new Map<string, unknown>();
  private problems: string[] = [];
  /** wx callbacks and cloud calls not yet answered. */
  private pending = 0;
  /** Set once the page has been closed (onUnload). */
  closed = false;
  private restore: Array<() => void> = [];
  root!: JComponent;
  app: Options | null = null;

  constructor(readonly route: string) {}

  /** The page instance WeChat calls lifecycles on (onShareAppMessage, …). */
  get instance(): PageInstance {
    return this.root.instance;
  }

  /** The page's visible text (whitespace collapsed). */
  text(): string {
    return (this.root.dom.textContent ?? '').replace(/\s+/g, ' ').trim();
  }

  /** Waits (real timers) until the page shows `text`; throws with what it shows instead. */
  async waitForText(text: string): Promise<void> {
    await this.waitFor(() => this.text().includes(text), `text "${text}"`);
  }

  /** Waits (real timers) until `done()` holds; throws naming `what` otherwise. */
  async waitFor(done: () => boolean, what: string): Promise<void> {
    for (let waited = 0; !done(); waited += POLL_MS) {
      if (waited > WAIT_MS) throw new Error(`${this.route} never showed ${what}; it shows: ${this.text().slice(0, 500)}`);
      await sleep(POLL_MS);
    }
  }

  /**
   * Waits (real timers) until the page is quiet: no cloud call or wx callback pending and no
   * setData for QUIET_POLLS polls in a row, so effects after the last render have run.
   */
  async settle(): Promise<void> {
    let seen = -1;
    for (let quiet = 0, waited = 0; quiet < QUIET_POLLS; waited += POLL_MS) {
      if (waited > WAIT_MS) throw new Error(`${this.route} never settled: ${this.pending} calls pending`);
      await sleep(POLL_MS);
      quiet = this.pending === 0 && seen === this.setDataPayloads.length ? quiet + 1 : 0;
      seen = this.setDataPayloads.length;
    }
  }

  /** Calls to `api` (wx or wx.cloud), each call's arguments. */
  callsTo(api: string): unknown[][] {
    return this.wxCalls.filter((c) => c.api === api).map((c) => c.args);
  }

  /**
   * Taps the `nth` innermost element showing exactly `text` (else containing it), inside an
   * element of class `within` (the class as the source names it) when given, as a finger would:
   * touchstart, touchend, and the tap WeChat's engine derives from them.
   */
  async tap(text: string, { nth = 0, within }: { nth?: number; within?: string } = {}): Promise<void> {
    await this.waitForText(text);
    const target = this.elementShowing(text, nth, within);
    for (const type of ['touchstart', 'touchend'] as const) {
      const touch = new Touch({ identifier: 1, target, clientX: 1, clientY: 1, pageX: 1, pageY: 1 });
      const ended = type === 'touchend';
      target.dispatchEvent(new TouchEvent(type, { bubbles: true, cancelable: true, touches: ended ? [] : [touch], changedTouches: [touch] }));
    }
    await sleep(POLL_MS);
  }

  /** Types `value` into the n-th input or textarea, as WeChat reports typing (an `input` event). */
  async type(value: string, nth = 0): Promise<void> {
    const fields = Array.from(this.root.dom.querySelectorAll('wx-input, wx-textarea'));
    const field = fields[nth];
    if (!field) throw new Error(`${this.route} has ${fields.length} input fields, not ${nth + 1}`);
    this.dispatchCustom(field, 'input', { value, cursor: value.length, keyCode: 0 });
    await sleep(POLL_MS);
  }

  /** Problems seen so far (then forgotten): the test fails on any left when it ends. */
  takeProblems(): string[] {
    return this.problems.splice(0);
  }

  /** onUnload, as WeChat calls it when the page closes; restores the globals it replaced. */
  close(): void {
    if (this.closed) return;
    this.closed = true;
    try {
      if (this.root) {
        this.instance.onUnload?.();
        this.root.detach();
      }
    } catch (e) {
      this.problem(`onUnload threw: ${firstLine(e)}`);
    }
    this.restore.splice(0).forEach((undo) => undo());
  }

  /** Records what went wrong with the page; the test fails on it when it ends. */
  problem(text: string): void {
    this.problems.push(text);
  }

  private elementShowing(text: string, nth: number, within?: string): Element {
    // miniprogram-simulate prefixes each class with its component's tag name ("main--card").
    const scope = within ? `[class~="${within}"], [class$="--${within}"], [class*="--${within} "]` : '*';
    const all = Array.from(this.root.dom.querySelectorAll('*')).filter((el) => (el.textContent ?? '').includes(text) && el.closest(scope));
    const innermost = all.filter((el) => !Array.from(el.children).some((child) => all.includes(child)));
    const exact = innermost.filter((el) => el.textContent?.trim() === text);
    if (exact[nth]) return exact[nth];
    if (!innermost[nth]) throw new Error(`${this.route}: ${innermost.length} elements show "${text}", no number ${nth + 1}`);
    return innermost[nth];
  }

  private dispatchCustom(el: Element, name: string, detail: Options): void {
    const exparser = require('miniprogram-exparser');
    const original = new CustomEvent(name, { detail });
    exparser.Event.dispatchEvent(el, exparser.Event.create(name, detail, { originalEvent: original, bubbles: true, capturePhase: true, composed: true }));
  }

  /** Replaces `console.error` and listens for uncaught errors until the page closes. */
  watchErrors(): void {
    const error = console.error;
    console.error = (...args: unknown[]) => this.problem(`console.error: ${args.map(firstLine).join(' ')}`);
    const uncaught = (e: ErrorEvent) => this.problem(`uncaught: ${firstLine(e.error ?? e.message)}`);
    window.addEventListener('error', uncaught);
    this.restore.push(() => {
      console.error = error;
      window.removeEventListener('error', uncaught);
    });
  }

  /** Wraps setData on every component the page registers, to check each payload. */
  checkSetData(options: Options): Options {
    const lifetimes = (options.lifetimes ?? {}) as Options;
    const created = (lifetimes.created ?? options.created) as ((this: PageInstance) => void) | undefined;
    // eslint-disable-next-line @typescript-eslint/no-this-alias
    const page = this;
    return {
      ...options,
      lifetimes: {
        ...lifetimes,
        created(this: PageInstance) {
          const setData = this.setData;
          this.setData = function checkedSetData(data, cb) {
            page.setDataPayloads.push(data);
            const fault = setDataFault(data);
            if (fault) page.problem(`a setData payload ${fault}: keys ${Object.keys(data).slice(0, 5).join(', ')}`);
            return setData.call(this, data, cb);
          };
          created?.call(this);
        },
      },
    };
  }

  /** The strict wx: listed APIs (answered, recorded), tripwires for every other WeChat API. */
  makeWx(options: OpenOptions, query: Record<string, string>): Options {
    const without = new Set<string>(options.without ?? []);
    const answers: Record<string, (...args: any[]) => unknown> = {
      ...asyncApis,
      ...syncApis,
      getEnterOptionsSync: () => ({ path: this.route, query, scene: 1001, referrerInfo: {} }),
      ...options.wx,
    };
    const wx: Options = { env: { USER_DATA_PATH: 'http://usr' }, cloud: this.makeCloud(options.cloud ?? {}) };
    // Every API WeChat has starts as a tripwire: a page that merely checks one exists (as Taro's
    // copy of wx does) must see it, or it would skip the call silently.
    for (const name of everyWxApi()) {
      if (name !== 'env' && name !== 'cloud') wx[name] = this.tripwire(`wx.${name}`);
    }
    for (const name of Object.keys(asyncApis)) {
      if (!without.has(name)) wx[name] = this.asyncApi(name, answers[name]);
    }
    for (const name of Object.keys(syncApis)) {
      if (!without.has(name)) wx[name] = (...args: unknown[]) => this.record(name, args, () => answers[name](...args));
    }
    const storage: Record<(typeof storageApis)[number], (...args: any[]) => unknown> = {
      getStorageSync: (key: string) => (this.storage.has(key) ? this.storage.get(key) : ''),
      setStorageSync: (key: string, value: unknown) => void this.storage.set(key, value),
      removeStorageSync: (key: string) => void this.storage.delete(key),
    };
    for (const name of storageApis) {
      if (!without.has(name)) wx[name] = (...args: unknown[]) => this.record(name, args, () => storage[name](...args));
    }
    return new Proxy(wx, {
      get: (target, key) => {
        if (typeof key === 'string' && !(key in target) && key !== 'webpackJsonp') this.problem(`read wx.${key}, which is not in tests/weapp/wxApis.ts`);
        return target[key as string];
      },
    });
  }

  private record(api: string, args: unknown[], answer: () => unknown): unknown {
    this.wxCalls.push({ api, args });
    return answer();
  }

  private tripwire(api: string) {
    return (...args: unknown[]) => {
      this.wxCalls.push({ api, args });
      this.problem(`called ${api}, which is not in tests/weapp/wxApis.ts`);
      throw new Error(`${api} is not in the list of wx APIs GridLink uses (tests/weapp/wxApis.ts)`);
    };
  }

  /** A callback-style API: answers success (or fail when the answer throws) on a later tick. */
  private asyncApi(api: string, answer: (options: Options) => unknown) {
    return (options: Options = {}) => {
      this.wxCalls.push({ api, args: [options] });
      const callback = (name: string, res: unknown) => (options[name] as ((r: unknown) => void) | undefined)?.(res);
      this.pending += 1;
      setTimeout(() => {
        this.pending -= 1;
        let res: unknown;
        try {
          res = answer(options);
        } catch (e) {
          const fail = { errMsg: firstLine(e) };
          callback('fail', fail);
          callback('complete', fail);
          return;
        }
        callback('success', res);
        callback('complete', res);
      });
    };
  }

  /**
   * wx.cloud: callFunction answered by the handler, or by the stub for `name.action` (none: the
   * call fails and so does the test); files answered in kind.
   */
  private makeCloud(stubs: CloudStubs | CloudHandler): Options {
    const answer: CloudHandler =
      typeof stubs === 'function'
        ? stubs
        : async (name, data) => {
            const key = `${name}.${String(data.action)}`;
            const stub = stubs[key];
            if (!stub) {
              this.problem(`called the cloud function ${key}, which this test has no stub for`);
              throw new Error(`cloud.callFunction:fail no stub for ${key}`);
            }
            return stub(data);
          };
    const calls: Record<(typeof cloudApis)[number], (options: any) => unknown> = {
      init: () => undefined,
      CloudID: (cloudID: string) => ({ cloudID }),
      callFunction: async ({ name, data }: CloudCall) => {
        this.cloudCalls.push({ name, data });
        this.pending += 1;
        try {
          await sleep(0);
          return { errMsg: 'cloud.callFunction:ok', requestID: `req-${this.cloudCalls.length}`, result: await answer(name, data) };
        } finally {
          this.pending -= 1;
        }
      },
      uploadFile: async ({ cloudPath }: { cloudPath: string }) => ({ errMsg: 'cloud.uploadFile:ok', fileID: `cloud://test-env.test/${cloudPath}` }),
      downloadFile: async ({ fileID }: { fileID: string }) => ({ errMsg: 'cloud.downloadFile:ok', tempFilePath: `http://tmp/${fileID.split('/').pop()}` }),
    };
    const cloud: Options = {};
    for (const name of cloudApis) cloud[name] = (...args: unknown[]) => this.record(`cloud.${name}`, args, () => (calls[name] as (...a: unknown[]) => unknown)(...args));
    return cloud;
  }
}

/**
 * Opens `route` (e.g. 'pages/grid/index') of dist/weapp as WeChat would, in a fresh module
 * registry: App launch, the page loaded, registered, rendered, onLoad(query) → onShow → onReady,
 * then waits until the page has set its first data. A page the test opened before is hidden
 * (onHide) and stays below this one in getCurrentPages(), as after navigateTo. Throws when the page never registers or
 * renders nothing. The test fails afterwards on any problem the page had (see SimPage.problem).
 */
export async function openPage(route: string, options: OpenOptions = {}): Promise<SimPage> {
  const page = new SimPage(route);
  // Pages this test opened before: the stack this one is pushed onto (as navigateTo does).
  const below = opened.filter((p) => p.root && !p.closed);
  opened.push(page);
  const query = options.query ?? {};
  Object.entries(options.storage ?? {}).forEach(([k, v]) => page.storage.set(k, v));
  jest.resetModules();
  page.watchErrors();

  const g = globalThis as unknown as Options;
  const wx = page.makeWx(options, query);
  // Taro copies Object.keys(wx) once, when taro.js runs (required by app.js): wx must be set first.
  g.wx = wx;
  const simulate = require('miniprogram-simulate');
  g.wx = wx; // miniprogram-simulate merged its permissive mock under ours: put the strict one back
  const register = g.Component as (options: Options) => void;
  g.Component = (def: Options) => register(page.checkSetData(def));
  let registered = false;
  g.App = (app: Options) => {
    page.app = app;
  };
  g.getApp = () => page.app;
  g.getCurrentPages = () => [...below, page].filter((p) => p.root).map((p) => p.instance);
  g.Page = (def: Options) => {
    registered = true;
    const methods = Object.fromEntries(Object.entries(def).filter(([, v]) => typeof v === 'function'));
    (g.Component as (o: Options) => void)({ data: def.data ?? {}, methods });
  };

  require(join(WEAPP, 'app.js'));
  if (!page.app) throw new Error('dist/weapp/app.js never called App()');
  const launch = { path: route, query, scene: 1001, referrerInfo: {} };
  (page.app.onLaunch as (o: Options) => void)?.call(page.app, launch);
  (page.app.onShow as (o: Options) => void)?.call(page.app, launch);

  const id = simulate.load(join(WEAPP, route), { rootPath: WEAPP });
  if (!registered) throw new Error(`${route} never called Page(): its chunk did not run`);
  page.root = simulate.render(id) as JComponent;
  page.root.attach(document.createElement('parent-wrapper'));
  Object.assign(page.instance, { route, __route__: route, options: query });
  below.at(-1)?.instance.onHide(); // the page navigated away from
  page.instance.onLoad(query);
  page.instance.onShow();
  page.instance.onReady();
  await page.waitFor(() => page.setDataPayloads.length > 0 && page.text() !== '', 'any text (it rendered nothing)');
  return page;
}

/** Opens the page a navigation URL names ('/packages/appeal/detail/index?id=ap-1'), with its query. */
export function openUrl(url: string, options: Omit<OpenOptions, 'query'> = {}): Promise<SimPage> {
  const [path, search = ''] = url.replace(/^\//, '').split('?');
  return openPage(path, { ...options, query: Object.fromEntries(new URLSearchParams(search)) });
}
