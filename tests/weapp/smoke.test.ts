import type { Me } from '../../types/appeal';
import { PAGES } from '../../types/routes';
import { answers, demoCloud, people } from './cloud';
import { openPage, routes } from './harness';

/**
 * Every route of dist/weapp/app.json, main package and subpackages, opened as WeChat opens it by
 * the person it is for: it registers, renders text, and raises no error (the harness's checks).
 * A route missing here still runs, opened by a resident with no query.
 */
const visits: Record<string, { as: Me; query?: Record<string, string> }> = {
  [PAGES.grid]: { as: people.resident, query: { code: 'GS-0101' } },
  [PAGES.search]: { as: people.resident },
  [PAGES.newAppeal]: { as: people.resident, query: { code: 'GS-0101' } },
  [PAGES.myAppeals]: { as: people.resident },
  [PAGES.appealDetail]: { as: people.resident, query: { id: 'ap-1' } },
  [PAGES.inbox]: { as: people.chief },
  [PAGES.noticeDetail]: { as: people.resident, query: { id: 'notice-GS01-1' } },
  [PAGES.noticeList]: { as: people.resident, query: { code: 'GS-0101' } },
  [PAGES.publishNotice]: { as: people.chief, query: { code: 'GS-0101' } },
  [PAGES.staffInvite]: { as: people.community },
  [PAGES.staffTeam]: { as: people.community, query: { kind: 'grid', gridCode: 'GS-0101' } },
  [PAGES.staffJoin]: { as: people.resident, query: { code: 'ABCD2345' } },
  [PAGES.registryImport]: { as: people.street },
  [PAGES.reportIssue]: { as: people.chief, query: { code: 'GS-0101' } },
  [PAGES.ledger]: { as: people.chief, query: { code: 'GS-0101' } },
  [PAGES.board]: { as: people.community },
  [PAGES.assessment]: { as: people.street },
  [PAGES.assessmentGrid]: { as: people.street, query: { code: 'GS-0101' } },
  [PAGES.checkIn]: { as: people.chief, query: { code: 'GS-0101' } },
  [PAGES.households]: { as: people.chief, query: { code: 'GS-0101' } },
};

it.each(routes())('%s loads, registers, renders text and raises no error', async (route) => {
  const visit = visits[route] ?? { as: people.resident };
  const page = await openPage(route, { query: visit.query, cloud: answers(demoCloud(visit.as)) });
  await page.settle();
  expect(page.text()).not.toMatch(/网络不通|没有加载出来/);
  expect(page.text().length).toBeGreaterThan(0);
});
