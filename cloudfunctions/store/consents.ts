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

export async function grantConsents(db: DB.Database, openid: string, accepted: TemplateKey[]): Promise<void> {
  if (!accepted.length) return;
  const _ = db.command;
  const inc: Record<string, unknown> = {};
  for (const key of accepted) inc[key] = _.inc(accepted.filter((k) => k === key).length);
  const { stats } = (await db.collection('consents').where({ _id: openid }).update({ data: inc })) as { stats: { updated: number } };
  if (stats.updated) return;
  try {
    const fresh = none();
    for (const key of accepted) fresh[key] += 1;
    await db.collection('consents').add({ data: { _id: openid, ...fresh } });
  } catch (error) {
    if (!isDuplicateKey(error)) throw error;
    await grantConsents(db, openid, accepted);
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
