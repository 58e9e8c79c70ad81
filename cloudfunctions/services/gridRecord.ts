import type { DB } from 'wx-server-sdk/index';
import { recordSpan, rollupsOf, shanghaiDay } from '../domain/gridRecord';
import type { Ports } from '../kit/ports';
import { appealTallies } from '../store/assessments';
import { activeGridIds, replaceRollups, rolledUpOn } from '../store/rollups';

/**
 * Counts every active grid's record for `day` (`YYYY-MM-DD`, Asia/Shanghai: the RECORD_DAYS
 * before it) and stores it as the grids' roll-ups, replacing the former ones. Four round trips
 * whatever the number of grids: the grids, one aggregate over their appeals (the assessment's
 * tally, at once), one removal, one insert. Returns how many grids it counted.
 */
export async function rollUpRecords(db: DB.Database, day: string): Promise<number> {
  const [gridIds, tallies] = await Promise.all([activeGridIds(db), appealTallies(db, null, recordSpan(day))]);
  await replaceRollups(db, rollupsOf(day, gridIds, tallies));
  return gridIds.length;
}

/**
 * The timer's part: counts the records once a day, on the first run after midnight Asia/Shanghai
 * (one read on every other run). Returns how many grids it counted (0 when already done today).
 */
export async function rollUpOnceADay(ports: Ports): Promise<number> {
  const today = shanghaiDay(ports.clock.now());
  return (await rolledUpOn(ports.db, today)) ? 0 : rollUpRecords(ports.db, today);
}
