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

/** The `settings` document `limits` (throttle windows per flow, see `domain/limits.ts`), or null when there is none. */
export async function limitSettings(db: DB.Database): Promise<Record<string, unknown> | null> {
  const [doc] = docsOf<Record<string, unknown>>(await db.collection('settings').where({ _id: 'limits' }).limit(1).get());
  return doc ?? null;
}
