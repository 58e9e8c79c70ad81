/**
 * The local cloud's clock: real time plus an offset that tests and demos move
 * (`POST /api/dev/clock`). Time keeps flowing after a move: the offset is what is kept, in
 * `<dataDir>/clock.json` (`{"offsetMs": 10800000}`), written whole (temporary file, then rename)
 * before a move is acknowledged, so a restart or a killed process keeps the moved clock.
 *
 * Moving backwards is allowed, with `{at}` only (a test or demo starts at a fixed moment, such as
 * 19:50 on the eve of 国庆, whatever today is); nothing stored changes, and timers do not run
 * backwards. `{advanceMinutes}` moves forward only.
 */
import { existsSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import * as z from 'zod/mini';
import type { DevClock, DevClockMove } from '../../types/devClock';

/** The furthest one `advanceMinutes` goes: a year (a further jump is an `at`). */
export const MAX_ADVANCE_MINUTES = 365 * 24 * 60;
/** `at` must fall in these years (UTC+8): WeChat cron years end at 2099. */
const EARLIEST_AT = Date.parse('2000-01-01T00:00:00+08:00');
const LATEST_AT = Date.parse('2100-01-01T00:00:00+08:00');

const ONE_OF = '请只给出 at、advanceMinutes 或 reset 中的一项，例如 {"advanceMinutes": 180}';
const AT_FORMAT = 'at 须为带时区的 ISO 时间，例如 "2026-09-30T19:50:00+08:00"';
const AT_RANGE = 'at 须在 2000 年到 2099 年之间（北京时间）';
const ADVANCE = `advanceMinutes 须为 1 到 ${MAX_ADVANCE_MINUTES} 之间的整数（分钟，最多一年）；要把时钟调回过去，请用 {"at": "…"}`;
const RESET = '要回到真实时间，请发送 {"reset": true}';

const At = z.iso.datetime({ offset: true });
const Advance = z.int().check(z.gte(1), z.lte(MAX_ADVANCE_MINUTES));

/** A move from a request body, or the Chinese sentence saying what is wrong with it. */
export function readClockMove(body: Record<string, unknown>): { move: DevClockMove } | { refusal: string } {
  const keys = Object.keys(body);
  if (keys.length !== 1) return { refusal: ONE_OF };
  const [key] = keys;
  const value = body[key];
  if (key === 'at') {
    if (!At.safeParse(value).success) return { refusal: AT_FORMAT };
    const at = Date.parse(value as string);
    return at >= EARLIEST_AT && at < LATEST_AT ? { move: { at: value as string } } : { refusal: AT_RANGE };
  }
  if (key === 'advanceMinutes') return Advance.safeParse(value).success ? { move: { advanceMinutes: value as number } } : { refusal: ADVANCE };
  if (key === 'reset') return value === true ? { move: { reset: true } } : { refusal: RESET };
  return { refusal: ONE_OF };
}

export interface LocalClock {
  /** The local cloud's time now. */
  now(): Date;
  /** Its lead over real time in whole milliseconds (negative: behind). */
  offsetMs(): number;
  /** Applies a move and keeps it on disk; answers the time just before and just after. */
  move(move: DevClockMove): { from: Date; to: Date };
  /** As `GET /api/dev/clock` answers. */
  read(): DevClock;
}

function readOffset(file: string): number {
  if (!existsSync(file)) return 0;
  const offset = Number((JSON.parse(readFileSync(file, 'utf8')) as { offsetMs?: unknown }).offsetMs);
  if (!Number.isSafeInteger(offset)) throw new Error(`${file} holds no whole offsetMs; fix it or delete it to return to real time`);
  return offset;
}

/** Opens the clock kept in `file` (real time when the file does not exist). */
export function openClock(opts: { file: string }): LocalClock {
  let offset = readOffset(opts.file);
  const now = () => new Date(Date.now() + offset);
  const keep = (next: number) => {
    const tmp = `${opts.file}.tmp`;
    writeFileSync(tmp, JSON.stringify({ offsetMs: next }), { flush: true });
    renameSync(tmp, opts.file);
    offset = next;
  };
  return {
    now,
    offsetMs: () => offset,
    move(move) {
      const real = Date.now();
      const from = new Date(real + offset);
      if ('reset' in move) keep(0);
      else if ('at' in move) keep(Date.parse(move.at) - real);
      else keep(offset + move.advanceMinutes * 60_000);
      return { from, to: new Date(real + offset) };
    },
    read: () => ({ now: now().toISOString(), offsetMinutes: offset / 60_000 }),
  };
}
