import { AppealRef, InboxInput, ListMineInput } from '../../types/appeal';
import { detailView, summaryView } from '../domain/appealView';
import { roleScope } from '../domain/permissions';
import { action } from '../kit/action';
import { refuse } from '../domain/refusal';
import { listInbox, listMine } from '../store/appeals';
import { appealForViewer } from './context';
import { requireCaller, viewerOf } from '../kit/caller';

export const mine = action(ListMineInput, async ({ status, cursor }, ports) => {
  const { openid } = requireCaller(ports);
  const page = await listMine(ports.db, openid, status, cursor);
  const now = ports.clock.now();
  return { items: page.items.map((a) => summaryView(a, now)), cursor: page.cursor };
});

export const inbox = action(InboxInput, async ({ status, cursor }, ports) => {
  const { staff } = await viewerOf(ports);
  if (!staff) return refuse('FORBIDDEN', '只有网格工作人员可以查看诉求工作台');
  const page = await listInbox(ports.db, roleScope(staff), status, cursor);
  const now = ports.clock.now();
  return { items: page.items.map((a) => summaryView(a, now)), cursor: page.cursor };
});

export const detail = action(AppealRef, async ({ id }, ports) => {
  const { appeal, viewer } = await appealForViewer(ports, id);
  return detailView(appeal, viewer, ports.clock.now());
});
