import { NO_APPEALS, type AppealTally } from './assessment';
import { gridRecordView, recordSpan, rollupsOf, shanghaiDay, type RollupRecord } from './gridRecord';

const tally = (counts: Partial<AppealTally>): AppealTally => ({ ...NO_APPEALS, ...counts });
const rollup = (appeals: AppealTally): RollupRecord => ({ _id: 'g1', streetId: 'GS', day: '2026-11-29', ...recordSpan('2026-11-29'), appeals });

describe('the span a roll-up counts', () => {
  it('is the 90 whole days before the day it is counted on, midnight to midnight in Zoucheng', () => {
    expect(recordSpan('2026-11-29')).toEqual({ from: new Date('2026-08-30T16:00:00.000Z'), to: new Date('2026-11-28T16:00:00.000Z') });
  });

  it.each([
    ['23:59:59 on the 28th in Zoucheng', '2026-11-28T15:59:59.000Z', '2026-11-28'],
    ['midnight of the 29th in Zoucheng (still the 28th in UTC)', '2026-11-28T16:00:00.000Z', '2026-11-29'],
  ])('the day of %s', (_, at, day) => {
    expect(shanghaiDay(new Date(at))).toBe(day);
  });
});

describe('every grid gets a roll-up', () => {
  it('a grid with appeals carries its tally; one with none an empty tally, so its page says 暂无 rather than missing', () => {
    const counted = tally({ residentAppeals: 3, acceptedInTime: 2 });
    const docs = rollupsOf('2026-11-29', [{ _id: 'g1', streetId: 'GS' }, { _id: 'g2', streetId: 'GS' }], new Map([['g1', counted]]));
    expect(docs).toEqual([
      { _id: 'g1', streetId: 'GS', day: '2026-11-29', ...recordSpan('2026-11-29'), appeals: counted },
      { _id: 'g2', streetId: 'GS', day: '2026-11-29', ...recordSpan('2026-11-29'), appeals: NO_APPEALS },
    ]);
  });
});

describe('what the grid page shows', () => {
  it('rates of the residents’ appeals, the appeals handled and the average of the rated ones (hand-computed)', () => {
    const view = gridRecordView(rollup(tally({ staffReports: 5, residentAppeals: 12, acceptedInTime: 11, onSiteInTime: 9, resolved: 10, rated: 8, ratingSum: 37 })), true);
    expect(view).toEqual({ days: 90, asOf: '2026-11-29', appeals: 12, handled: 10, acceptedInTime: 0.9167, onSiteSameDay: 0.75, satisfaction: 4.63, rated: 8, checkedInToday: true });
  });

  it('a grid without appeals has no rates (null, not 0) and no satisfaction', () => {
    expect(gridRecordView(rollup(NO_APPEALS), false)).toEqual({
      days: 90,
      asOf: '2026-11-29',
      appeals: 0,
      handled: 0,
      acceptedInTime: null,
      onSiteSameDay: null,
      satisfaction: null,
      rated: 0,
      checkedInToday: false,
    });
  });

  it('appeals but none rated: rates, and satisfaction null', () => {
    const view = gridRecordView(rollup(tally({ residentAppeals: 2, acceptedInTime: 0, onSiteInTime: 1 })), false);
    expect(view).toMatchObject({ acceptedInTime: 0, onSiteSameDay: 0.5, satisfaction: null, rated: 0 });
  });

  it('a grid not counted yet says so (asOf null) and still shows today’s check-in', () => {
    expect(gridRecordView(null, true)).toMatchObject({ asOf: null, appeals: 0, acceptedInTime: null, checkedInToday: true });
  });
});
