import { LocalCloud } from '../../tests/support/localCloud';
import { appeal, newResident } from '../../tests/support/appealKit';
let cloud: LocalCloud;
beforeAll(async () => { cloud = await LocalCloud.start(); });
afterAll(() => cloud.stop());
it('scratch', async () => {
  for (let round = 0; round < 4; round++) {
    const r = newResident();
    const t0 = Date.now();
    const res = await Promise.all(Array.from({length: 10}, () => appeal(cloud, r, 'submit', { gridCode: 'GS-0101', category: 'sanitation', content: '同一条诉求内容', requestId: `same-request-${round}` })));
    console.log(Date.now() - t0, res.map((b: any) => b.ok ? b.data.number : b.code).join(' '));
    const rs = await Promise.all(Array.from({length: 10}, () => appeal(cloud, newResident(), 'submit', { gridCode: 'QQ-0101', category: 'sanitation', content: '不同诉求内容', requestId: `diff-request-${round}` })));
    console.log(rs.map((b: any) => b.ok ? b.data.number : b.code).join(' '));
  }
});
