import { render, screen } from '@testing-library/react';
import type { GridRecordView } from '../../types/grid';
import { GridRecordCard } from './GridRecordCard';

const record = (overrides: Partial<GridRecordView> = {}): GridRecordView => ({
  days: 90,
  asOf: '2026-11-29',
  appeals: 12,
  handled: 10,
  acceptedInTime: 0.9167,
  onSiteSameDay: 0.75,
  satisfaction: 4.63,
  rated: 8,
  checkedInToday: true,
  ...overrides,
});

/** The card's rows as label → value. */
const rows = () =>
  Object.fromEntries(
    Array.from(document.querySelectorAll('.info-card__row')).map((row) => [row.querySelector('.info-card__label')!.textContent, row.querySelector('.info-card__value')!.textContent]),
  );

describe('the grid’s record card', () => {
  it('shows the last 90 days in Chinese: rates as percentages, the average rating, the appeals handled and today’s check-in', () => {
    render(<GridRecordCard record={record()} />);
    expect(screen.getByText('近90天服务记录')).toBeTruthy();
    expect(rows()).toEqual({
      今日签到: '网格员已签到',
      按时受理: '92%',
      当日到场: '75%',
      满意度: '4.6 分（8 人评价）',
      办结诉求: '10 件（共 12 件）',
    });
    // counted on the 29th: the record runs to the day before
    expect(screen.getByText('统计至11月28日')).toBeTruthy();
  });

  it('a grid with no appeals says 暂无 for every figure, never 0%', () => {
    render(<GridRecordCard record={record({ appeals: 0, handled: 0, acceptedInTime: null, onSiteSameDay: null, satisfaction: null, rated: 0, checkedInToday: false })} />);
    expect(rows()).toEqual({ 今日签到: '尚无签到', 按时受理: '暂无', 当日到场: '暂无', 满意度: '暂无', 办结诉求: '暂无' });
    expect(document.body.textContent).not.toContain('0%');
  });

  it('a real 0% is shown as 0%', () => {
    render(<GridRecordCard record={record({ acceptedInTime: 0, onSiteSameDay: 0 })} />);
    expect(rows()).toMatchObject({ 按时受理: '0%', 当日到场: '0%' });
  });

  it('a grid not counted yet says so and shows no figures, only today’s check-in', () => {
    render(<GridRecordCard record={record({ asOf: null, appeals: 0, handled: 0, acceptedInTime: null, onSiteSameDay: null, satisfaction: null, rated: 0 })} />);
    expect(screen.getByText('服务记录尚未统计')).toBeTruthy();
    expect(rows()).toEqual({ 今日签到: '网格员已签到' });
  });

  it('counted on the 1st, it runs to the last day of the month before', () => {
    render(<GridRecordCard record={record({ asOf: '2026-03-01' })} />);
    expect(screen.getByText('统计至2月28日')).toBeTruthy();
  });
});
