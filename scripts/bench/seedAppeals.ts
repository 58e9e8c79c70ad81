import { join } from 'node:path';
import { fileAppeal } from '../../cloudfunctions/domain/appeal';
import type { AppealRecord } from '../../cloudfunctions/domain/records';
import { storedForm } from '../../cloudfunctions/store/appeals';
import { ROOT } from '../functions';
import { readDemo } from '../localcloud/demo';

const demo = readDemo(join(ROOT, 'demo', 'zoucheng.json'));

/** A filing in the first demo grid; each appeal then takes its own parties (below). */
const FILING = {
  category: { id: 'sanitation', name: '环境卫生' },
  photos: [],
  photoTraceIds: [],
  location: null,
  contactPhone: null,
  anonymous: false,
  held: false,
};

/**
 * `count` open residents' appeals as the appeals collection stores them, round robin over the
 * demo grids, ids `${prefix}-${i}` (numbers and request ids likewise), filed by `residents`
 * different residents, appeal `i` filed at `filedAt(i)`. Filing computes the SLA clocks over the
 * calendar (about a millisecond each), so one filing per distinct time is made and each appeal
 * filed then is that one with its own id, number, request, resident, grid and content.
 */
export function benchOpenAppeals(prefix: string, count: number, residents: number, filedAt: (i: number) => Date) {
  const filings = new Map<number, AppealRecord>();
  const filedThen = (at: Date) => {
    let filing = filings.get(at.getTime());
    if (!filing) {
      const grid = demo.grids[0];
      const parties = { id: '', number: '', requestId: '', residentOpenid: '', content: '' };
      filing = fileAppeal({ ...FILING, ...parties, grid: { _id: grid._id, code: grid.code, name: grid.name, communityId: grid.communityId, streetId: grid.streetId } }, at);
      filings.set(at.getTime(), filing);
    }
    return filing;
  };
  return Array.from({ length: count }, (_, i) => {
    const grid = demo.grids[i % demo.grids.length];
    return storedForm({
      ...filedThen(filedAt(i)),
      _id: `${prefix}-${i}`,
      number: `${grid.streetId}-${prefix.toUpperCase()}-${i}`,
      requestId: `${prefix}-req-${i}`,
      residentOpenid: `${prefix}-resident-${i % residents}`,
      gridId: grid._id,
      gridCode: grid.code,
      gridName: grid.name,
      communityId: grid.communityId,
      streetId: grid.streetId,
      content: `第${i}号楼下垃圾没人清理`,
    });
  });
}
