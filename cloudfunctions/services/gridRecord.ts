import type { DB } from 'wx-server-sdk/index';
import { recordSpan, rollupsOf, shanghaiDay } from '../domain/gridRecord';
import type { Ports } from '../kit/ports';
import { activeGridsOfStreet, appealTallies } from '../store/assessments';
import { loadStreets } from '../store/registry';
import { replaceRollups, streetsRolledUpOn } from '../store/rollups';

/**
 * Counts the record of every active grid of street `streetId` for `day` (`YYYY-MM-DD`,
 * Asia/Shanghai: the RECORD_DAYS before it) and stores them as the grids' roll-ups, replacing
 * the street's former ones. Four round trips whatever the number of grids: the grids, one
 * aggregate over their appeals (the assessment's tally), one removal, one insert. Returns how
 * many grids it counted.
 */
export async function rollUpStreet(db: DB.Database, streetId: string, day: string): Promise<number> {
  const grids = await activeGridsOfStreet(db, streetId);
  const tallies = await appealTallies(db, grids.map((g) => g._id), recordSpan(day));
  await replaceRollups(db, streetId, rollupsOf(day, grids, tallies));
  return grids.length;
}

/**
 * The timer's part: once a day, on the first runs after midnight Asia/Shanghai, counts the
 * records street by street while `deadline` (ms since the epoch) has not passed; a street left
 * over is taken by the next run. Each later run reads two things (the streets, those done
 * today). Round trips grow with the streets, never with the grids. Returns how many grids it counted.
 */
export async function rollUpOnceADay(ports: Ports, deadline: number): Promise<number> {
  const today = shanghaiDay(ports.clock.now());
  const [streets, done] = await Promise.all([loadStreets(ports.db), streetsRolledUpOn(ports.db, today)]);
  let counted = 0;
  for (const street of streets.filter((s) => !done.includes(s._id))) {
    if (ports.clock.now().getTime() >= deadline) break;
    counted += await rollUpStreet(ports.db, street._id, today);
  }
  return counted;
}
