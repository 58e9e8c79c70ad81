import type { DB } from 'wx-server-sdk/index';
import { TEMPLATE_KEYS, type TemplateKey } from '../../types/appeal';
import { isDuplicateKey } from './errors';
import { docsOf } from './results';

export type Consents = Record<TemplateKey, number>;

const none = (): Consents => Object.fromEntries(TEMPLATE_KEYS.map((k) => [k, 0])) as Consents;

/** One-time subscribe consents a user has left, per template (one message each). */
export async function consentsOf(db: DB.Database, openid: string): Promise<Consents> {
  const [doc] = docsOf<Partial<Consents>>(await db.collection('consents').where({ _id: openid }).limit(1).get());
  return { ...none(), ...Object.fromEntries(TEMPLATE_KEYS.map((k) => [k, doc?.[k] ?? 0])) };
}

const updatedBy = (result: unknown) => (result as { stats: { updated: number } }).stats.updated;

/**
 * Adds one consent to each of `templates` (distinct) whose count is below `cap`. Each template
 * is one conditional write, atomic in CloudBase, so reports at the same moment never push a count
 * past `cap`; a template the record lacks (added to GridLink later) counts from 0. A user's first
 * report creates the record.
 */
export async function grantConsents(db: DB.Database, openid: string, templates: TemplateKey[], cap: number): Promise<void> {
  if (!templates.length) return;
  const _ = db.command;
  const consents = db.collection('consents');
  const addOne = async () =>
    (await Promise.all(templates.map(async (k) => updatedBy(await consents.where({ _id: openid, [k]: _.not(_.gte(cap)) }).update({ data: { [k]: _.inc(1) } }))))).some(Boolean);
  if (await addOne()) return;
  // Nothing was below the cap, or there is no record yet: create it (or, if someone just did, try once more).
  try {
    const fresh = none();
    for (const key of templates) fresh[key] = Math.min(1, cap);
    await consents.add({ data: { _id: openid, ...fresh } });
  } catch (error) {
    if (!isDuplicateKey(error)) throw error;
    await addOne();
  }
}

/** Uses one consent if any is left; false means WeChat would refuse the message. */
export async function useConsent(db: DB.Database, openid: string, template: TemplateKey): Promise<boolean> {
  const _ = db.command;
  const { stats } = (await db
    .collection('consents')
    .where({ _id: openid, [template]: _.gt(0) })
    .update({ data: { [template]: _.inc(-1) } })) as { stats: { updated: number } };
  return stats.updated === 1;
}

/** Gives back a consent `useConsent` took for a message that turned out not to be sent. */
export async function returnConsent(db: DB.Database, openid: string, template: TemplateKey): Promise<void> {
  await db.collection('consents').where({ _id: openid }).update({ data: { [template]: db.command.inc(1) } });
}
