import { PAGES } from '../../types/routes';
import { demo, LocalCloud } from '../support/localCloud';
import { localCloudAnswers } from './cloud';
import { openPage } from './harness';

/**
 * The compiled grid page against the real functions: a local cloud (built functions, the demo
 * data) answers every call, as a resident of the demo who scanned GS-0101's sign.
 */
let cloud: LocalCloud;
beforeAll(async () => {
  cloud = await LocalCloud.start();
});
afterAll(() => cloud?.stop());

const grid = demo.grids.find((g) => g.code === 'GS-0101')!;
const chief = demo.staff.find((s) => s._id === grid.chiefId)!;

it('shows the demo grid GS-0101 from the grid function, and 拨打 dials its chief’s number', async () => {
  const page = await openPage(PAGES.grid, { query: { code: 'GS-0101' }, cloud: localCloudAnswers(cloud.url, demo.demoResidents[0].openid) });
  await page.waitForText(grid.name);
  expect(page.text()).toContain('网格码 GS-0101');
  expect(page.text()).toContain(`${chief.name}网格长`);
  expect(page.cloudCalls[0]).toEqual({ name: 'grid', data: { action: 'resolve', code: 'GS-0101' } });

  await page.tap('拨打');
  await page.waitFor(() => page.callsTo('makePhoneCall').length > 0, 'the dialer');
  expect(page.callsTo('makePhoneCall')).toEqual([[expect.objectContaining({ phoneNumber: chief.phone })]]);
});
