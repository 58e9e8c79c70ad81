import type { DB } from 'wx-server-sdk/index';
import { TEMPLATE_KEYS, type TemplateKey } from '../../types/appeal';
import { docsOf } from './results';

/**
 * Subscribe-message template ids belong to the deployment (each appid picks its own from
 * WeChat's library), so they live in the `settings` collection, not in code.
 */
export async function templateIds(db: DB.Database): Promise<Record<TemplateKey, string>> {
  const [doc] = docsOf<Partial<Record<TemplateKey, string>>>(await db.collection('settings').where({ _id: 'templates' }).limit(1).get());
  return Object.fromEntries(TEMPLATE_KEYS.map((k) => [k, doc?.[k] ?? ''])) as Record<TemplateKey, string>;
}

/** Stored settings documents as read, by `_id`; one that is not stored is absent. */
export type SettingsDocs = Record<string, Record<string, unknown>>;

/** The `settings` documents `ids`, in one round trip. */
export async function settingsByIds(db: DB.Database, ids: string[]): Promise<SettingsDocs> {
  const docs = docsOf<Record<string, unknown>>(await db.collection('settings').where({ _id: db.command.in(ids) }).limit(ids.length).get());
  return Object.fromEntries(docs.map((doc) => [String(doc._id), doc]));
}

/** The document of throttle windows per flow (`domain/limits.ts`). */
export const LIMITS_SETTINGS = 'limits';

/** The `settings` document `limits`, or null when there is none. */
export async function limitSettings(db: DB.Database): Promise<Record<string, unknown> | null> {
  return (await settingsByIds(db, [LIMITS_SETTINGS]))[LIMITS_SETTINGS] ?? null;
}

/**
 * The SLA documents a street's clocks follow (`types/sla.ts`), nearest last: the city's `sla`,
 * then the street's own `sla:<streetId>`.
 */
export const slaSettingIds = (streetId: string) => ['sla', `sla:${streetId}`];

/** Writes each document whole under its `_id` in `settings` (one write each). */
export async function putSettings(db: DB.Database, docs: SettingsDocs): Promise<void> {
  for (const [id, doc] of Object.entries(docs)) {
    const { _id: _ignored, ...data } = doc;
    await db.collection('settings').doc(id).set({ data });
  }
}
