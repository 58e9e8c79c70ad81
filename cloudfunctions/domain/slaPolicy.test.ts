import type { CategorySla } from '../../types/sla';
import { DEFAULT_STREET_SLA, slaPolicyFor, streetSlaOf } from './slaPolicy';

const FIVE_DAYS: CategorySla = { days: 'working', acceptMinutes: 60, onSite: { sameDayCutoff: '16:00', nextDayBy: '10:00' }, resolveDays: 5 };
const QUICK: CategorySla = { days: 'every', acceptMinutes: 15, onSite: { withinMinutes: 60 }, resolveDays: 1 };

describe('a street’s policy: the defaults, the city’s document over them, the street’s over that', () => {
  it('with nothing stored, the defaults', () => {
    expect(streetSlaOf([null, null])).toEqual({ policy: DEFAULT_STREET_SLA, problems: [] });
  });

  it('each part from the nearest document that sets it; categories one by one, calendar days one by one', () => {
    const city = { _id: 'sla', standard: FIVE_DAYS, categories: { repair: QUICK }, calendar: { daysOff: ['2027-01-01', '2027-02-10'] } };
    const street = { _id: 'sla:GS', serviceDay: { start: '08:30', end: '17:30' }, categories: { safety: FIVE_DAYS }, calendar: { workdays: ['2027-02-10'] } };
    const { policy, problems } = streetSlaOf([city, street]);
    expect(problems).toEqual([]);
    expect(policy).toEqual({
      serviceDay: { start: '08:30', end: '17:30' },
      standard: FIVE_DAYS,
      categories: { ...DEFAULT_STREET_SLA.categories, repair: QUICK, safety: FIVE_DAYS },
      calendar: { '2027-01-01': 'off', '2027-02-10': 'work' },
    });
  });

  it.each<[string, Record<string, unknown>, string]>([
    ['a service day that ends before it starts', { serviceDay: { start: '20:00', end: '08:00' } }, 'sla:GS serviceDay'],
    ['a time that is not HH:mm', { serviceDay: { start: '8:00', end: '20:00' } }, 'sla:GS serviceDay'],
    ['no minutes to accept in', { standard: { ...FIVE_DAYS, acceptMinutes: 0 } }, 'sla:GS standard'],
    ['minutes as text', { standard: { ...FIVE_DAYS, acceptMinutes: '60' } }, 'sla:GS standard'],
    ['half a day to resolve', { standard: { ...FIVE_DAYS, resolveDays: 0.5 } }, 'sla:GS standard'],
    ['an on-site rule of neither kind', { standard: { ...FIVE_DAYS, onSite: { hours: 2 } } }, 'sla:GS standard'],
    ['days counted some third way', { standard: { ...FIVE_DAYS, days: 'weekdays' } }, 'sla:GS standard'],
    ['a category id that is no item directory id', { categories: { 'Bad Id': QUICK } }, 'sla:GS categories.Bad Id'],
    ['a category entry with a negative on-site window', { categories: { safety: { ...QUICK, onSite: { withinMinutes: -1 } } } }, 'sla:GS categories.safety'],
    ['categories as a list', { categories: [QUICK] }, 'sla:GS categories'],
    ['a day that does not exist', { calendar: { daysOff: ['2027-02-30'] } }, 'sla:GS calendar'],
    ['a day both off and on', { calendar: { daysOff: ['2027-01-01'], workdays: ['2027-01-01'] } }, 'sla:GS calendar'],
  ])('%s keeps what lies beneath and is named', (_, setting, where) => {
    const { policy, problems } = streetSlaOf([null, { _id: 'sla:GS', ...setting }]);
    expect(policy).toEqual(DEFAULT_STREET_SLA);
    expect(problems).toHaveLength(1);
    expect(problems[0].startsWith(`${where}: `)).toBe(true);
  });

  it('a bad part leaves the good ones of the same document standing', () => {
    const { policy, problems } = streetSlaOf([null, { _id: 'sla:GS', standard: FIVE_DAYS, categories: { repair: QUICK, safety: { ...QUICK, resolveDays: 99 } } }]);
    expect(policy.standard).toEqual(FIVE_DAYS);
    expect(policy.categories).toEqual({ ...DEFAULT_STREET_SLA.categories, repair: QUICK });
    expect(problems).toHaveLength(1);
  });
});

describe('slaPolicyFor: a category’s clocks in its street', () => {
  const { policy: street } = streetSlaOf([null, { _id: 'sla:GS', serviceDay: { start: '09:00', end: '18:00' }, calendar: { daysOff: ['2027-01-01'] }, categories: { repair: QUICK } }]);
  it.each([
    ['its own entry', 'repair', QUICK],
    ['an urgent default (治安隐患)', 'safety', DEFAULT_STREET_SLA.categories.safety],
    ['no entry: the standard', 'sanitation', DEFAULT_STREET_SLA.standard],
    ['a name an object has anyway: the standard', 'constructor', DEFAULT_STREET_SLA.standard],
  ])('%s', (_, category, expected) => {
    expect(slaPolicyFor(street, category)).toEqual({ ...expected, serviceDay: { start: '09:00', end: '18:00' }, calendar: { '2027-01-01': 'off' } });
  });
});
