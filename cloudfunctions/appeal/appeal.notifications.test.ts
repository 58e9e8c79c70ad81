/**
 * Subscribe messages (DESIGN §1.4, notes-platform checks 10 and 11): one-time consents are
 * spent one per message; a chief with none left is replaced by the community staff; a refused
 * send never undoes the action that caused it and is retried with backoff by the timer until
 * it is given up. Two records are read: the local cloud's log of WeChat calls (`/api/dev/outbox`)
 * and the app's own `outbox` collection.
 */
import type { DB } from 'wx-server-sdk/index';
import type { AppealDetail } from '../../types/appeal';
import { PAGES } from '../../types/routes';
import { APPEAL_WORDS } from '../../types/vocabulary';
import { MAX_ATTEMPTS, RETRY_BACKOFF_MINUTES } from '../kit/notify';
import {
  appeal,
  chiefOf,
  communityOf,
  devOutbox,
  fileAppeal,
  fireTimer,
  grantConsents,
  me,
  newResident,
  okData,
  subscribeSends,
} from '../../tests/support/appealKit';
import { readAll } from '../../tests/support/cloudDb';
import { demo, LocalCloud, openLocalCloud } from '../../tests/support/localCloud';

let cloud: LocalCloud;
let db: DB.Database;
beforeAll(async () => ({ cloud, db } = await openLocalCloud()));
afterAll(() => cloud.stop());

const templates = demo.settings.find((s) => s._id === 'templates')!;
/** The appeal's detail page, as the app registers it (a subpackage page, no leading slash). */
const pageOf = (a: AppealDetail) => `${PAGES.appealDetail}?id=${a.id}`;

/** WeChat's limits per keyword kind (notes-platform.md), written out independently of the code. */
const FIELD_LIMITS: Array<[RegExp, number]> = [
  [/^thing\d+$/, 20],
  [/^phrase\d+$/, 5],
  [/^character_string\d+$/, 32],
  [/^number\d+$/, 32],
  [/^name\d+$/, 10],
  [/^phone_number\d+$/, 17],
  [/^time\d+$/, 32],
];

describe('telling the grid of a new appeal', () => {
  it('a chief with a consent gets one subscribe message with the template, page and every field within its limit', async () => {
    const chief = chiefOf('GS-0101');
    await grantConsents(cloud, chief, ['appealNew']);
    const content = `东门外的路灯已经坏了一个多月，${'晚上出行很不安全'.repeat(70)}`.slice(0, 500);
    expect([...content]).toHaveLength(500);
    const filed = await fileAppeal(cloud, newResident(), { content });

    const sends = subscribeSends(await devOutbox(cloud), chief).filter((s) => s.params.page === pageOf(filed));
    expect(sends).toHaveLength(1);
    const [send] = sends;
    expect(send.params).toMatchObject({ touser: chief, template_id: templates.appealNew, page: pageOf(filed) });
    expect(send.reply).toMatchObject({ errcode: 0 });
    const data = send.params.data as Record<string, { value: string }>;
    expect(Object.keys(data).length).toBeGreaterThan(0);
    for (const [key, { value }] of Object.entries(data)) {
      const limit = FIELD_LIMITS.find(([pattern]) => pattern.test(key));
      expect(limit).toBeDefined(); // a keyword kind nobody checked would slip past this test
      expect(value.trim().length).toBeGreaterThan(0);
      expect([...value].length).toBeLessThanOrEqual(limit![1]);
    }
    expect(data.character_string1.value).toBe(filed.number);
  });

  it('each message spends one of the chief’s consents (account.me counts them)', async () => {
    const chief = chiefOf('GS-0104');
    expect((await grantConsents(cloud, chief, ['appealNew', 'appealNew', 'appealNew'])).consents.appealNew).toBe(3);
    await fileAppeal(cloud, newResident(), { gridCode: 'GS-0104' });
    expect((await me(cloud, chief)).consents.appealNew).toBe(2);
    await fileAppeal(cloud, newResident(), { gridCode: 'GS-0104' });
    expect((await me(cloud, chief)).consents.appealNew).toBe(1);
  });

  it('a chief with no consent left is not sent anything; the community staff are told instead', async () => {
    const chief = chiefOf('GS-0201');
    const community = communityOf('GS-0201');
    await grantConsents(cloud, community, ['appealNew']);
    const filed = await fileAppeal(cloud, newResident(), { gridCode: 'GS-0201' });

    const rows = await readAll(db, 'outbox', { appealId: filed.id });
    expect(rows.map((r) => [r.touser, r.status])).toEqual(
      expect.arrayContaining([
        [chief, 'skipped'],
        [community, 'sent'],
      ]),
    );
    const log = await devOutbox(cloud);
    expect(subscribeSends(log, chief).filter((s) => s.params.page === pageOf(filed))).toEqual([]);
    expect(subscribeSends(log, community).filter((s) => s.params.page === pageOf(filed))).toHaveLength(1);
  });

  it('community staff without a consent either are recorded as skipped, and nothing is sent', async () => {
    const filed = await fileAppeal(cloud, newResident(), { gridCode: 'GS-0301' });
    const rows = await readAll(db, 'outbox', { appealId: filed.id });
    expect(rows.map((r) => [r.touser, r.status]).sort()).toEqual([
      [chiefOf('GS-0301'), 'skipped'],
      [communityOf('GS-0301'), 'skipped'],
    ]);
    expect(subscribeSends(await devOutbox(cloud)).filter((s) => s.params.page === pageOf(filed))).toEqual([]);
  });
});

describe('the resident’s 诉求进度通知 speaks the app’s words', () => {
  it('each step’s message carries the status the app shows and the word of what happened', async () => {
    const resident = newResident('words');
    const chief = chiefOf('QQ-0101');
    await grantConsents(cloud, resident, ['appealProgress', 'appealProgress', 'appealProgress']);
    const filed = await fileAppeal(cloud, resident, { gridCode: 'QQ-0101' });
    // once raised to the community, the community works it
    const steps: Array<[string, object, string, string]> = [
      ['accept', {}, APPEAL_WORDS.event.accepted, chief],
      ['escalate', { reason: '需要社区协调' }, APPEAL_WORDS.event.escalated, chief],
      ['resolve', { note: '已清理完毕' }, APPEAL_WORDS.event.resolved, communityOf('QQ-0101')],
    ];
    const shown: string[] = [];
    for (const [action, params, , who] of steps) shown.push(okData(await appeal<AppealDetail>(cloud, who, action, { id: filed.id, ...params })).statusLabel);
    expect(shown).toEqual([APPEAL_WORDS.status.accepted, APPEAL_WORDS.status.accepted, APPEAL_WORDS.status.resolved]);

    const sends = subscribeSends(await devOutbox(cloud), resident).filter((s) => s.params.page === pageOf(filed));
    expect(sends.map((s) => s.params.data.phrase2.value)).toEqual(shown);
    sends.forEach((s, i) => expect(s.params.data.thing3.value).toContain(steps[i][2]));
  });
});

describe('a resident who refuses messages (WeChat answers 43101)', () => {
  const resident = newResident('refuse');
  let filed: AppealDetail;
  const row = async () => {
    const rows = await readAll(db, 'outbox', { appealId: filed.id, touser: resident });
    expect(rows).toHaveLength(1);
    return rows[0];
  };
  const sendsToResident = async () => subscribeSends(await devOutbox(cloud), resident).length;
  /** Moves the message's retry time into the past, as if its backoff had passed. */
  const backoffPasses = async () => {
    const { _id } = await row();
    await db.collection('outbox').doc(_id).update({ data: { nextRetryAt: new Date(Date.now() - 1000) } });
  };

  beforeAll(async () => {
    expect((await grantConsents(cloud, resident, ['appealProgress'])).consents.appealProgress).toBe(1);
    filed = await fileAppeal(cloud, resident, { gridCode: 'GS-0302' });
  });

  it('the staff action that caused the message still succeeds', async () => {
    const accepted = okData(await appeal<AppealDetail>(cloud, chiefOf('GS-0302'), 'accept', { id: filed.id }));
    expect(accepted.status).toBe('accepted');
    expect(subscribeSends(await devOutbox(cloud), resident).map((s) => s.reply.errcode)).toEqual([43101]);
  });

  it('the outbox records the failure: one attempt, the error, a retry time in the future, still pending', async () => {
    const r = await row();
    expect(r).toMatchObject({ status: 'pending', attempts: 1, template: 'appealProgress' });
    expect(r.lastError).toContain('43101');
    expect(new Date(r.nextRetryAt).getTime()).toBeGreaterThan(Date.now());
    expect(new Date(r.nextRetryAt).getTime() - new Date(r.updatedAt).getTime()).toBe(RETRY_BACKOFF_MINUTES[0] * 60_000);
  });

  it('the consent was spent once, and never below zero', async () => {
    expect((await me(cloud, resident)).consents.appealProgress).toBe(0);
  });

  it('the timer does not retry before the backoff has passed', async () => {
    const sends = await sendsToResident();
    okData(await fireTimer(cloud, 'timers'));
    expect((await row()).attempts).toBe(1);
    expect(await sendsToResident()).toBe(sends);
  });

  it('the timer retries once the backoff has passed, waiting longer each time, until it gives up', async () => {
    let wait = RETRY_BACKOFF_MINUTES[0] * 60_000;
    for (let attempts = 2; attempts <= MAX_ATTEMPTS; attempts++) {
      await backoffPasses();
      okData(await fireTimer(cloud, 'timers'));
      const r = await row();
      expect(r.attempts).toBe(attempts);
      expect(r.lastError).toContain('43101');
      if (attempts < MAX_ATTEMPTS) {
        expect(r.status).toBe('pending');
        const next = new Date(r.nextRetryAt).getTime() - new Date(r.updatedAt).getTime();
        expect(next).toBeGreaterThan(wait);
        wait = next;
      } else {
        expect(r).toMatchObject({ status: 'failed', nextRetryAt: null });
      }
    }
    expect(await sendsToResident()).toBe(MAX_ATTEMPTS);
    expect((await me(cloud, resident)).consents.appealProgress).toBe(0);
  });

  it('a message given up is not retried again', async () => {
    const sends = await sendsToResident();
    okData(await fireTimer(cloud, 'timers'));
    okData(await fireTimer(cloud, 'timers'));
    expect(await row()).toMatchObject({ status: 'failed', attempts: MAX_ATTEMPTS });
    expect(await sendsToResident()).toBe(sends);
  });
});

it('a resident without a consent is not sent progress messages (skipped, no WeChat call)', async () => {
  const resident = newResident();
  const filed = await fileAppeal(cloud, resident, { gridCode: 'GS-0303' });
  okData(await appeal(cloud, chiefOf('GS-0303'), 'accept', { id: filed.id }));
  expect((await readAll(db, 'outbox', { appealId: filed.id, touser: resident })).map((r) => r.status)).toEqual(['skipped']);
  expect(subscribeSends(await devOutbox(cloud), resident)).toEqual([]);
});
