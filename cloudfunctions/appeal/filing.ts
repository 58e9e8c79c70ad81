/** Filing into a grid, shared by a resident's appeal (`submit`) and a staff report (`report`). */
import type { DB } from 'wx-server-sdk/index';
import { appealNumber } from '../domain/appeal';
import type { Location } from '../../types/appeal';
import type { AppealRecord, CategoryRecord, StreetRecord } from '../domain/records';
import { refuse } from '../domain/refusal';
import { inShanghai } from '../domain/time';
import { getAppeal, insertAppeal } from '../store/appeals';
import { nextSequence } from '../store/counters';
import { isDuplicateKey } from '../store/errors';

/** The category of the street's item directory (网格事项清单) with this id; INVALID_INPUT otherwise. */
export function categoryOf(street: StreetRecord, id: string): CategoryRecord {
  return street.categories.find((c) => c.id === id) ?? refuse('INVALID_INPUT', '请从本街道的事项清单中选择类别');
}

/** The words of a filing others will read, for WeChat's text check: its content and the place it names. */
export const filedWords = (input: { content: string; location?: Location | null }) =>
  [input.content, input.location?.name, input.location?.address].filter(Boolean).join('\n');

/** Enough for a burst of simultaneous appeals in one street; each draw moves the counter on. */
const MAX_NUMBER_DRAWS = 50;

/**
 * Stores a new appeal or staff report (`_id` `id`) under the next number of its street's day
 * (`GS-20261124-0007`, the day in Asia/Shanghai); `make` builds the record for a number. When
 * another record took that number, the next is drawn; when the same request raced this one and
 * won (its `id` is stored), its record is the answer. Returns the stored record and whether this
 * call stored it. Throws what the database threw otherwise, or after `MAX_NUMBER_DRAWS` draws.
 */
export async function insertNumbered(
  db: DB.Database,
  id: string,
  streetId: string,
  now: Date,
  make: (number: string) => AppealRecord,
): Promise<{ appeal: AppealRecord; created: boolean }> {
  const day = inShanghai(now).format('YYYYMMDD');
  for (let tries = 0; ; tries++) {
    const appeal = make(appealNumber(streetId, day, await nextSequence(db, `appeal-${streetId}-${day}`)));
    try {
      await insertAppeal(db, appeal);
      return { appeal, created: true };
    } catch (error) {
      if (!isDuplicateKey(error)) throw error;
      const winner = await getAppeal(db, id);
      if (winner) return { appeal: winner, created: false };
      if (tries >= MAX_NUMBER_DRAWS) throw error;
    }
  }
}
