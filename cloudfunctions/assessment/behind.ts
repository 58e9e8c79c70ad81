import { BEHIND_AT_MOST, BehindInput, type FigureRecords } from '../../types/assessment';
import { coverageMoment } from '../domain/assessment';
import { appealBehind, checkInBehind, householdsBehind, RECORDS_BEHIND, type FlaggedAppeal, type FlaggedCheckIn } from '../domain/figureRecords';
import { monthSpan } from '../domain/ledger';
import { action } from '../kit/action';
import { appealsBehind, checkInsBehind, householdsCoveredAt } from '../store/assessments';
import { staffByIds } from '../store/staff';
import { overseenGrid } from './overseen';

/**
 * 考核明细 `{gridCode, month, figure}` → the records behind one figure of the grid's month
 * (Asia/Shanghai), newest first, at most `BEHIND_AT_MOST`, with how many there are (`total`) and
 * how many counted (`counted`): the check-ins (online, patrols, visits) with who made them, the
 * 六必访 households kept (coverage, at the month's end or now while it runs: those not covered
 * first), or the appeals (the rest), each flagged by the very stages the assessment tallies with, so a listing
 * cannot disagree with its figure (as of now: the stored figure is as of its last computation).
 * Who may: as `assessment.grid` (NOT_FOUND, FORBIDDEN). Round trips: two at once, two at once,
 * and for check-ins one read of their makers.
 */
export const behind = action(BehindInput, async ({ gridCode, month, figure }, ports): Promise<FigureRecords> => {
  const grid = await overseenGrid(ports, gridCode);
  const head = { grid: { code: grid.code, name: grid.name }, month, figure };
  const span = monthSpan(month);
  const source = RECORDS_BEHIND[figure];
  if (source.records === 'households') {
    const { kept, coveredUntil } = await householdsCoveredAt(ports.db, grid._id, coverageMoment(span, ports.clock.now()));
    const items = householdsBehind(kept, coveredUntil);
    return { ...head, records: 'households', total: items.length, counted: items.filter((h) => h.counted).length, items: items.slice(0, BEHIND_AT_MOST) };
  }
  if (source.records === 'appeals') {
    const listed = await appealsBehind<FlaggedAppeal>(ports.db, grid._id, span, source, BEHIND_AT_MOST);
    return { ...head, records: 'appeals', total: listed.total, counted: listed.counted, items: listed.items.map((a) => appealBehind(a, source.counted)) };
  }
  const listed = await checkInsBehind<FlaggedCheckIn>(ports.db, grid._id, span, source, BEHIND_AT_MOST);
  const makers = await staffByIds(ports.db, [...new Set(listed.items.map((c) => c.staffId))]);
  const staff = new Map(makers.map((s) => [s._id, s]));
  return { ...head, records: 'checkIns', total: listed.total, counted: listed.counted, items: listed.items.map((c) => checkInBehind(c, source.counted, staff)) };
});
