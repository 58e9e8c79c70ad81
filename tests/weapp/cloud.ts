import { request } from 'node:http';
import type { ActionName, ActionOutput, FunctionName } from '../../types/api';
import type { Me } from '../../types/appeal';
import type { Envelope } from '../../types/envelope';
import { chiefMe, detailFixture, meFixture, summaryFixture } from '../jest/appealFixtures';
import { gridPageFixture } from '../jest/fixtures';
import { noticeFixture } from '../jest/noticeFixtures';
import type { CloudHandler, CloudStub, CloudStubs } from './harness';

/**
 * Cloud answers for the compiled pages, typed by types/api.ts: `answers({ grid: { resolve: … } })`
 * gives the harness's `function.action` stubs, so a fixture that drifts from the API's shapes
 * fails the typecheck.
 */
export type Answers = {
  [F in FunctionName]?: { [A in ActionName<F>]?: (data: Record<string, unknown>) => Envelope<ActionOutput<F, A>> | Promise<Envelope<ActionOutput<F, A>>> };
};

export function answers(...tables: Answers[]): CloudStubs {
  const stubs: CloudStubs = {};
  for (const table of tables) {
    for (const [fn, actions] of Object.entries(table)) {
      for (const [action, stub] of Object.entries(actions ?? {})) stubs[`${fn}.${action}`] = stub as CloudStub;
    }
  }
  return stubs;
}

export const ok = <T>(data: T): Envelope<T> => ({ ok: true, data });

/** Who opens a page: the identity account.me answers. */
export const people = {
  resident: meFixture(),
  chief: chiefMe(),
  community: meFixture({ role: 'community', name: '黄丽娟', title: '社区党委书记', scope: '府前社区' }),
  street: meFixture({ role: 'street', name: '周建国', title: '街道网格办主任', scope: '钢山街道' }),
} satisfies Record<string, Me>;

const grid = gridPageFixture();
const gridRef = { code: grid.grid.code, name: grid.grid.name };

/** The demo grid 府前社区第一网格 (GS-0101) as every page reads it, seen by `me`. */
export function demoCloud(me: Me): Answers {
  const appeals = { items: [summaryFixture(1), summaryFixture(2, { status: 'accepted', statusLabel: '办理中' })], cursor: null };
  return {
    account: { me: () => ok(me) },
    grid: { resolve: () => ok(grid) },
    appeal: {
      mine: () => ok(appeals),
      inbox: () => ok(appeals),
      board: () => ok(appeals),
      ledger: () => ok({ ...appeals, grid: gridRef }),
      detail: () => ok(detailFixture()),
    },
    notice: {
      detail: () => ok(noticeFixture()),
      list: () => ok({ items: [{ id: 'n1', title: '本周六上午开展楼道杂物清理', excerpt: '请各楼栋居民配合。', pinned: true, publishedAt: '2026-11-20T01:00:00.000Z', scopeLabel: grid.grid.name, reads: 3 }], cursor: null }),
    },
    staff: {
      team: () => ok({ kind: 'grid', scope: grid.grid.name, members: [{ staffId: 'st-chief-0101', role: 'chief', name: '张桂兰', title: '网格长', phone: '13800005678' }] }),
      preview: () => ok({ role: 'worker', scope: grid.grid.name, name: '李明', title: '专职网格员', issuedBy: '黄丽娟', expiresAt: '2026-12-06T00:00:00.000Z' }),
      places: () =>
        ok({
          communities: [{ id: 'c-gs-fq', name: '府前社区', streetId: 's-gs', mayInviteStaff: true, grids: [gridRef] }],
          served: [{ level: me.role === 'street' ? 'street' : 'community', id: me.role === 'street' ? 's-gs' : 'c-gs-fq', name: me.scope ?? '府前社区' }],
        }),
    },
    assessment: {
      ranking: () => ok({ month: '2026-10', items: [] }),
      grid: () => ok({ grid: gridRef, months: [] }),
      behind: () =>
        ok({
          grid: gridRef,
          month: '2026-10',
          figure: 'response',
          total: 1,
          counted: 1,
          records: 'appeals',
          items: [{ id: 'ap-1', number: 'GS-20261012-0001', category: '环境卫生', status: 'accepted', source: 'resident', createdAt: '2026-10-12T02:00:00.000Z', counted: true, cards: { yellow: 0, red: 0 }, rating: null }],
        }),
    },
    presence: {
      households: () =>
        ok({
          gridCode: grid.grid.code,
          gridName: grid.grid.name,
          dueCount: 1,
          items: [{ id: 'h1', building: '3 号楼', room: '201', group: 'emptyNest', groupLabel: '空巢老人', intervalDays: 7, lastVisitAt: null, dueAt: '2026-11-20T00:00:00.000Z', due: true }],
        }),
    },
  };
}

/**
 * Every call answered by the local cloud at `url` (tests/support/localCloud.ts) as `openid`, the
 * way the H5 client reaches it (`POST /api/fn/<name>`, `X-Dev-OpenId`): the real functions over
 * the demo data. Node's http, since jsdom has no fetch.
 */
export function localCloudAnswers(url: string, openid: string): CloudHandler {
  return (name, data) =>
    new Promise((resolve, reject) => {
      const body = JSON.stringify(data);
      const req = request(`${url}/api/fn/${name}`, { method: 'POST', headers: { 'content-type': 'application/json', 'x-dev-openid': openid } }, (res) => {
        let text = '';
        res.setEncoding('utf8');
        res.on('data', (chunk: string) => (text += chunk));
        res.on('end', () => resolve(JSON.parse(text) as Envelope<unknown>));
      });
      req.on('error', reject);
      req.end(body);
    });
}
