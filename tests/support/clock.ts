import type { DevClock, DevClockMove, DevClockMoved } from '../../types/devClock';

/** A running local cloud: `LocalCloud` or `SpawnedCloud`. */
type Cloud = { url: string };

/** The local cloud's clock now (`GET /api/dev/clock`). */
export async function cloudClock(cloud: Cloud): Promise<DevClock> {
  return (await fetch(`${cloud.url}/api/dev/clock`)).json() as Promise<DevClock>;
}

/**
 * Moves the local cloud's clock (`POST /api/dev/clock`): to a moment (`{at}`, ISO with its zone),
 * forward (`{advanceMinutes}`) or back to real time (`{reset: true}`); every function called after
 * it reads the moved time. Answers the clock and the timer runs the move caused: none in a test
 * cloud without timers (the default: fire one with `fireTimer`); with `LocalCloud.start(dir,
 * { timers: true })`, each trigger the move skipped, run once before this resolves. A refused move
 * fails the test with what the cloud said.
 */
export async function moveClock(cloud: Cloud, move: DevClockMove): Promise<DevClockMoved> {
  const res = await fetch(`${cloud.url}/api/dev/clock`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(move) });
  const body = await res.json();
  if (res.status !== 200) throw new Error(`the local cloud refused to move its clock (${res.status}): ${JSON.stringify(body)}`);
  return body as DevClockMoved;
}
