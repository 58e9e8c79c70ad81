/**
 * The local cloud's movable clock (`GET` / `POST /api/dev/clock`, scripts/localcloud/README.md):
 * tests and demos move it, and every function and timer the local cloud runs reads it. The real
 * cloud has no such thing: there the variable below is never set and functions read real time.
 */

/**
 * How far the local cloud's clock runs ahead of real time (negative: behind), in whole
 * milliseconds, as each function call's environment carries it. Read only by `kit/platform.ts`.
 */
export const CLOCK_OFFSET_VARIABLE = 'GRIDLINK_CLOCK_OFFSET_MS';

/** The clock as `GET /api/dev/clock` answers: its time now (ISO, UTC) and its lead over real time in minutes (fractional). */
export type DevClock = { now: string; offsetMinutes: number };

/**
 * A move: to a moment (`at`, ISO with its time zone, earlier than now allowed), forward by whole
 * minutes, or back to real time.
 */
export type DevClockMove = { at: string } | { advanceMinutes: number } | { reset: true };

/** One timer run a forward move caused: the function, its trigger, the event's `Time` and what the function answered. */
export type CaughtUpRun = { function: string; trigger: string; time: string; result: unknown };

/** What `POST /api/dev/clock` answers: the clock after the move and the timers it ran (none unless it went forward). */
export type DevClockMoved = DevClock & { caughtUp: CaughtUpRun[] };
