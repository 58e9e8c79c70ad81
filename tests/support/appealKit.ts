import { randomUUID } from 'node:crypto';
import type { DB } from 'wx-server-sdk/index';
import type { AppealRecord, SlaMarks } from '../../cloudfunctions/domain/records';
import { storedForm } from '../../cloudfunctions/store/appeals';
import { LOCAL_ENV_ID } from '../../scripts/localcloud/sdkEnv';
import { makeFileId } from '../../scripts/localcloud/storage';
import { uploadAs } from '../../scripts/localcloud/upload';
import type { AppealDetail, AppealSummary, SubmitAppealInput } from '../../types/appeal';
import type { FilePurpose, FileTicket } from '../../types/files';
import type { DeadlineKind } from '../../types/vocabulary';
import { readDoc } from './cloudDb';
import { demo, type LocalCloud } from './localCloud';

/**
 * Who is who in the appeal tests, by the demo's naming rule (DESIGN §1): the grids come from
 * demo/zoucheng.json, never guessed.
 */
export function gridOf(code: string) {
  const grid = demo.grids.find((g) => g.code === code);
  if (!grid) throw new Error(`no demo grid ${code}`);
  return grid;
}
export const chiefOf = (code: string) => `demo-chief-${code}`;
export const workerOf = (code: string) => `demo-worker-${code}`;
export const communityOf = (code: string) => `demo-community-${gridOf(code).communityId}`;
export const streetOf = (code: string) => `demo-street-${gridOf(code).streetId}`;
export const staffName = (openid: string) => demo.staff.find((s) => s.openid === openid)!;

let serial = 0;
/** A fresh id-safe token: residents and requestIds never repeat across tests or runs. */
export const unique = (prefix: string) => `${prefix}-${++serial}-${randomUUID().slice(0, 8)}`;
/** A resident nobody has seen yet (any openid that is not a demo staff member is a resident). */
export const newResident = (tag = 'r') => unique(`res-${tag}`);
export const newRequestId = () => unique('req');

export const CONTENT = '3号楼2单元楼道里堆满了杂物，影响通行';

export const appealInput = (overrides: Partial<SubmitAppealInput> = {}): SubmitAppealInput => ({
  gridCode: 'GS-0101',
  category: 'sanitation',
  content: CONTENT,
  requestId: newRequestId(),
  ...overrides,
});

export type Body<T = any> = { ok: true; data: T } | { ok: false; code: string; message: string };

/** Calls `appeal.<action>` as `openid` and returns the envelope. */
export async function appeal<T = any>(cloud: LocalCloud, openid: string | undefined, action: string, params: object = {}): Promise<Body<T>> {
  return (await cloud.call<Body<T>>('appeal', { action, ...params }, openid)).body;
}

/** The data of a call that must succeed; a refusal fails the test with what the cloud said. */
export function okData<T>(body: Body<T>): T {
  if (!body.ok) throw new Error(`expected ok, got ${body.code}: ${body.message}`);
  return body.data;
}

export async function fileAppeal(cloud: LocalCloud, openid: string, overrides: Partial<SubmitAppealInput> = {}): Promise<AppealDetail> {
  return okData(await appeal<AppealDetail>(cloud, openid, 'submit', appealInput(overrides)));
}

/** Every item of a cursor-paged list, following cursors to the end (with a guard against loops). */
export async function readAllPages(cloud: LocalCloud, openid: string, action: 'mine' | 'inbox' | 'ledger' | 'board', params: object = {}) {
  const items: AppealSummary[] = [];
  const pages: number[] = [];
  let cursor: string | null | undefined;
  do {
    const page = okData(await appeal<{ items: AppealSummary[]; cursor: string | null }>(cloud, openid, action, { ...params, ...(cursor ? { cursor } : {}) }));
    items.push(...page.items);
    pages.push(page.items.length);
    cursor = page.cursor;
    if (pages.length > 100) throw new Error('the list never ends');
  } while (cursor);
  return { items, pages };
}

/** A refusal as DESIGN §4 has it: the code, and a message in Chinese for people. */
export function expectRefusal(body: Body, code: string) {
  expect(body).toMatchObject({ ok: false, code });
  expect((body as { message: string }).message).toMatch(/[\u4e00-\u9fa5]/);
}

export type DevOutboxEntry = { at: string; callId?: string; api: string; openid?: string; params: Record<string, any>; reply: any };

/** The local cloud's log of every openapi call (not the app's own `outbox` collection). */
export async function devOutbox(cloud: LocalCloud): Promise<DevOutboxEntry[]> {
  return (await fetch(`${cloud.url}/api/dev/outbox`)).json() as Promise<DevOutboxEntry[]>;
}

export const subscribeSends = (entries: DevOutboxEntry[], touser?: string) =>
  entries.filter((e) => e.api === 'subscribeMessage.send' && (!touser || e.params.touser === touser));

/** Runs a function as its timer trigger would (SOURCE wx_trigger). */
export async function fireTimer<T = any>(cloud: LocalCloud, name: string): Promise<Body<T>> {
  return (await fetch(`${cloud.url}/api/dev/trigger/${name}`, { method: 'POST' })).json() as Promise<Body<T>>;
}

/**
 * A photo `owner` uploads for `purpose` as the app does (a `file.ticket`, then the bytes to its
 * path): the `cloud://` file id the upload gives.
 */
export async function uploadPhoto(cloud: LocalCloud, owner: string, purpose: FilePurpose = 'appealPhoto', name = 'photo.jpg'): Promise<string> {
  const bytes = Buffer.from([0xff, 0xd8, 0xff, 0xe0, ...Buffer.from(randomUUID()), 0xff, 0xd9]);
  return okData(await uploadAs(cloud.url, owner, purpose, name, bytes)).fileID;
}

/** The fileID of a file `owner` asked to upload for `purpose` (a `file.ticket`) but whose bytes never arrived. */
export async function ticketedFileId(cloud: LocalCloud, owner: string, purpose: FilePurpose, name: string): Promise<string> {
  const { cloudPath } = okData((await cloud.call<Body<FileTicket>>('file', { action: 'ticket', purpose, name }, owner)).body);
  return makeFileId(LOCAL_ENV_ID, cloudPath);
}

/**
 * Grants one-time subscribe consents as `openid` would by tapping "allow" in WeChat's dialog: one
 * tap grants each template once, so a template listed n times is n taps (n calls). Answers `me`
 * after the last.
 */
export async function grantConsents(cloud: LocalCloud, openid: string, accepted: string[]) {
  const taps: string[][] = [];
  const seen = new Map<string, number>();
  for (const key of accepted) {
    const tap = seen.get(key) ?? 0;
    seen.set(key, tap + 1);
    (taps[tap] ??= []).push(key);
  }
  let answer;
  for (const tap of taps) answer = okData((await cloud.call<Body<any>>('account', { action: 'grantConsents', accepted: tap }, openid)).body);
  return answer;
}

export async function me(cloud: LocalCloud, openid: string) {
  return okData((await cloud.call<Body<any>>('account', { action: 'me' }, openid)).body);
}

/**
 * Moves deadlines of a stored appeal (and puts the SLA timer's `sla` marks on it), as hours passing
 * would, with the derived keys (`dueKey`, `owedKey`, `timerDue`) a save writes beside them.
 */
export async function moveDeadlines(db: DB.Database, id: string, moved: Partial<Record<DeadlineKind, Date>>, sla?: SlaMarks): Promise<void> {
  const before = (await readDoc<AppealRecord>(db, 'appeals', id))!;
  const { deadlines, dueKey, owedKey, timerDue } = storedForm({ ...before, deadlines: { ...before.deadlines, ...moved }, ...(sla ? { sla } : {}) });
  await db
    .collection('appeals')
    .where({ _id: id })
    .update({ data: { deadlines: db.command.set(deadlines), ...(sla ? { sla: db.command.set(sla) } : {}), dueKey, owedKey, timerDue } });
}
