import { act, fireEvent, render, screen, waitFor } from '@testing-library/react';
import type { ComponentType } from 'react';
import { DevClock, offsetWords } from './DevClock';

/** Real time in these tests: 20:00 in Beijing. */
const REAL_NOW = Date.parse('2026-11-29T12:00:00Z');

type Answer = { status: number; body: unknown };
/** The cloud's clock `offsetMinutes` ahead of real time, as `GET /api/dev/clock` answers. */
const cloudAt = (offsetMinutes: number) => ({ now: new Date(Date.now() + offsetMinutes * 60_000).toISOString(), offsetMinutes });
let clock = cloudAt(0);
let moveAnswer: (body: Record<string, unknown>) => Answer;
let posted: Array<Record<string, unknown>> = [];

/** The local cloud's dev endpoints as the dock reaches them. */
function fakeCloud(url: string, init?: { method?: string; body?: string }) {
  const answer = (a: Answer) => Promise.resolve({ status: a.status, ok: a.status === 200, json: async () => a.body });
  if (url === '/api/dev/identities') return answer({ status: 200, body: [] });
  if (url !== '/api/dev/clock') return Promise.reject(new TypeError(`unexpected fetch ${url}`));
  if (init?.method !== 'POST') return answer({ status: 200, body: clock });
  const body = JSON.parse(init.body ?? '{}');
  posted.push(body);
  return answer(moveAnswer(body));
}

beforeEach(() => {
  jest.useFakeTimers({ now: REAL_NOW });
  clock = cloudAt(0);
  posted = [];
  moveAnswer = (body) => {
    clock = cloudAt('reset' in body ? 0 : clock.offsetMinutes + Number(body.advanceMinutes));
    return { status: 200, body: { ...clock, caughtUp: [] } };
  };
  (globalThis as { fetch?: unknown }).fetch = jest.fn(fakeCloud);
});
afterEach(() => {
  jest.useRealTimers();
  delete (globalThis as { fetch?: unknown }).fetch;
});

async function openClock(onMoved = jest.fn()) {
  render(<DevClock onMoved={onMoved} />);
  await act(async () => undefined); // the clock was read
  fireEvent.click(screen.getByText(/时钟/));
  return onMoved;
}

describe('the local cloud’s clock in the dev dock', () => {
  it('shows the cloud’s time in Beijing time and how far it runs from real time; collapsed, no time at all', async () => {
    clock = cloudAt(180);
    render(<DevClock onMoved={jest.fn()} />);
    await act(async () => undefined);
    expect(document.body.textContent).not.toMatch(/\d\d:\d\d/);
    fireEvent.click(screen.getByText(/时钟/));
    expect(screen.getByText('本地云时间：2026-11-29 23:00')).toBeTruthy();
    expect(screen.getByText('快 3 小时')).toBeTruthy();
  });

  it('at real time, says so', async () => {
    await openClock();
    expect(screen.getByText('本地云时间：2026-11-29 20:00')).toBeTruthy();
    expect(screen.getByText('真实时间')).toBeTruthy();
  });

  it('its time flows on between moves', async () => {
    await openClock();
    await act(async () => {
      jest.advanceTimersByTime(5 * 60_000);
    });
    expect(screen.getByText('本地云时间：2026-11-29 20:05')).toBeTruthy();
  });

  it.each([
    ['+1 小时', { advanceMinutes: 60 }, '2026-11-29 21:00'],
    ['+3 小时', { advanceMinutes: 180 }, '2026-11-29 23:00'],
    ['+1 天', { advanceMinutes: 1440 }, '2026-11-30 20:00'],
  ])('%s moves the cloud’s clock (%j) and reloads the page to show what the functions now say', async (label, move, shown) => {
    const onMoved = await openClock();
    fireEvent.click(screen.getByText(label));
    await waitFor(() => expect(onMoved).toHaveBeenCalledTimes(1));
    expect(posted).toEqual([move]);
    expect(screen.getByText(`本地云时间：${shown}`)).toBeTruthy();
  });

  it('回到现在 puts the cloud back on real time', async () => {
    clock = cloudAt(1440);
    const onMoved = await openClock();
    expect(screen.getByText('快 1 天')).toBeTruthy();
    fireEvent.click(screen.getByText('回到现在'));
    await waitFor(() => expect(onMoved).toHaveBeenCalledTimes(1));
    expect(posted).toEqual([{ reset: true }]);
    expect(screen.getByText('真实时间')).toBeTruthy();
  });

  it('a move the cloud refuses shows its message and reloads nothing', async () => {
    moveAnswer = () => ({ status: 400, body: { ok: false, code: 'INVALID_INPUT', message: 'advanceMinutes 须为 1 到 525600 之间的整数' } });
    const onMoved = await openClock();
    fireEvent.click(screen.getByText('+1 天'));
    expect(await screen.findByText('advanceMinutes 须为 1 到 525600 之间的整数')).toBeTruthy();
    expect(onMoved).not.toHaveBeenCalled();
    expect(screen.getByText('真实时间')).toBeTruthy();
  });

  it('a cloud that does not answer is said plainly', async () => {
    (globalThis as { fetch?: unknown }).fetch = jest.fn(() => Promise.reject(new TypeError('Failed to fetch')));
    const onMoved = await openClock();
    expect(screen.getByText('读不到本地云的时钟')).toBeTruthy();
    fireEvent.click(screen.getByText('+1 小时'));
    expect(await screen.findByText('本地云没有回应')).toBeTruthy();
    expect(onMoved).not.toHaveBeenCalled();
  });
});

describe('offsetWords', () => {
  it.each([
    [0, '真实时间'],
    [0.4, '真实时间'],
    [180, '快 3 小时'],
    [1620, '快 1 天 3 小时'],
    [1445, '快 1 天 5 分钟'],
    [-20, '慢 20 分钟'],
  ])('%s minutes: %s', (minutes, words) => {
    expect(offsetWords(minutes)).toBe(words);
  });
});

describe('the dev dock', () => {
  const env = process.env.TARO_ENV;
  afterEach(() => {
    process.env.TARO_ENV = env;
  });

  it('in the browser (the local cloud), carries the clock', async () => {
    // DevDock reads the build's platform once, when it is first loaded: here, after this line
    process.env.TARO_ENV = 'h5';
    const Dock: ComponentType = require('./DevDock').DevDock;
    render(<Dock />);
    await act(async () => undefined);
    fireEvent.click(screen.getByText(/时钟/));
    expect(screen.getByText('本地云时间：2026-11-29 20:00')).toBeTruthy();
  });
});
