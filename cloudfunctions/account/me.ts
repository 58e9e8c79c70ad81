import * as z from 'zod/mini';
import { CONSENTS_KEPT_PER_TEMPLATE, GrantConsentsInput, type Me } from '../../types/appeal';
import { roleScope } from '../domain/permissions';
import { action } from '../kit/action';
import type { Ports } from '../kit/ports';
import { requireCaller } from '../kit/caller';
import { consentsOf, grantConsents as grant } from '../store/consents';
import { servedPlaces } from '../store/grids';
import type { StaffRecord } from '../domain/records';
import { templateIds } from '../store/settings';
import { staffByOpenid } from '../store/staff';

const ROLE_ORDER = ['street', 'community', 'chief', 'worker'] as const;

/** Where a staff member serves: the label "钢山街道、平阳社区第一网格" and the grids they report in. */
async function served(ports: Ports, staff: StaffRecord): Promise<Pick<Me, 'scope' | 'grids'>> {
  const { gridIds, communityIds, streetIds } = roleScope(staff);
  const { grids, communities, streets } = await servedPlaces(ports.db, gridIds, communityIds, streetIds);
  const ownGrids = [...grids].sort((a, b) => a.code.localeCompare(b.code));
  return { scope: [...streets, ...communities, ...ownGrids.map((g) => g.name)].join('、'), grids: ownGrids };
}

async function me(ports: Ports): Promise<Me> {
  const { openid } = requireCaller(ports);
  const [staff, consents, templates] = await Promise.all([staffByOpenid(ports.db, openid), consentsOf(ports.db, openid), templateIds(ports.db)]);
  if (!staff || !staff.roles.length) return { role: 'resident', name: null, title: null, scope: null, grids: [], consents, templates };
  const role = ROLE_ORDER.find((r) => staff.roles.some((x) => x.role === r)) ?? 'worker';
  return { role, name: staff.name, title: staff.title, ...(await served(ports, staff)), consents, templates };
}

export const whoami = action(z.object({}), (_, ports) => me(ports));

/**
 * The app reports which templates the user just accepted in WeChat's subscribe dialog: one tap
 * grants one message per template, so a template named twice counts once, and no count grows
 * past `CONSENTS_KEPT_PER_TEMPLATE`.
 */
export const grantConsents = action(GrantConsentsInput, async ({ accepted }, ports) => {
  const { openid } = requireCaller(ports);
  await grant(ports.db, openid, [...new Set(accepted)], CONSENTS_KEPT_PER_TEMPLATE);
  return me(ports);
});
