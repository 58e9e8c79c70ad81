import type { Me } from '../../types/appeal';
import { PAGES } from '../../types/routes';
import { answers, demoCloud, people } from './cloud';
import { openPage, routes } from './harness';

type Route = (typeof PAGES)[keyof typeof PAGES];

/**
 * Every route of dist/weapp/app.json, main package and subpackages, opened as WeChat opens it by
 * the person it is for: it registers, raises no error (the harness's checks) and shows `sees`,
 * text only the page doing its job with the cloud's answers shows (not a refusal, not a blank).
 * Every page the app links to (`PAGES`) has a row, and app.json registers exactly those pages.
 */
const visits: Record<Route, { as: Me; query?: Record<string, string>; sees: string }> = {
  [PAGES.grid]: { as: people.resident, query: { code: 'GS-0101' }, sees: '张桂兰网格长138****5678' },
  [PAGES.search]: { as: people.resident, sees: '用我的位置查找' },
  [PAGES.newAppeal]: { as: people.resident, query: { code: 'GS-0101' }, sees: '反映到府前社区第一网格' },
  [PAGES.myAppeals]: { as: people.resident, sees: '第 1 条：楼道里堆满了杂物' },
  [PAGES.appealDetail]: { as: people.resident, query: { id: 'ap-1' }, sees: '诉求编号GS202611240001' },
  [PAGES.inbox]: { as: people.chief, sees: '张桂兰 · 网格长' },
  [PAGES.noticeDetail]: { as: people.resident, query: { id: 'notice-GS01-1' }, sees: '平阳社区周末义诊通知' },
  [PAGES.noticeList]: { as: people.resident, query: { code: 'GS-0101' }, sees: '本周六上午开展楼道杂物清理' },
  [PAGES.publishNotice]: { as: people.chief, query: { code: 'GS-0101' }, sees: '发送到：府前社区第一网格' },
  [PAGES.staffInvite]: { as: people.community, sees: '生成邀请' },
  [PAGES.staffTeam]: { as: people.community, query: { kind: 'grid', gridCode: 'GS-0101' }, sees: '张桂兰网格长13800005678' },
  [PAGES.staffJoin]: { as: people.resident, query: { code: 'ABCD2345' }, sees: '黄丽娟 邀请您成为府前社区第一网格网格员' },
  [PAGES.registryImport]: { as: people.street, sees: '选择台账文件' },
  [PAGES.reportIssue]: { as: people.chief, query: { code: 'GS-0101' }, sees: '上报到问题台账府前社区第一网格' },
  [PAGES.ledger]: { as: people.chief, query: { code: 'GS-0101' }, sees: '第 2 条：楼道里堆满了杂物' },
  [PAGES.board]: { as: people.community, sees: '已超时和 2 小时内到期的诉求' },
  [PAGES.assessment]: { as: people.street, sees: '计算考核' },
  [PAGES.assessmentGrid]: { as: people.street, query: { code: 'GS-0101' }, sees: '网格码 GS-0101' },
  [PAGES.assessmentBehind]: { as: people.community, query: { code: 'GS-0101', month: '2026-10', figure: 'response' }, sees: 'GS-20261012-0001' },
  [PAGES.checkIn]: { as: people.chief, query: { code: 'GS-0101' }, sees: '扫描本网格标牌上的二维码' },
  [PAGES.households]: { as: people.chief, query: { code: 'GS-0101' }, sees: '待走访 1 户' },
};

it('app.json registers exactly the pages the app links to', () => {
  expect(new Set(routes())).toEqual(new Set(Object.values(PAGES)));
});

it.each(routes())('%s loads, registers, shows what it is for and raises no error', async (route) => {
  const visit = visits[route as Route];
  expect(visit).toBeDefined();
  const page = await openPage(route, { query: visit.query, cloud: answers(demoCloud(visit.as)) });
  await page.waitForText(visit.sees);
  await page.settle();
  expect(page.text()).not.toMatch(/网络不通|没有加载出来/);
});
