import { describe, expect, it } from 'vitest';
import { addDays, daysBetween, formatDate, groupByWeek, isIsoDate, todayIso, weekStart } from './dates';

describe('dates', () => {
  it('adds days across months and leap years', () => {
    expect(addDays('2028-02-28', 1)).toBe('2028-02-29');
    expect(addDays('2027-12-31', 1)).toBe('2028-01-01');
    expect(addDays('2027-03-01', -1)).toBe('2027-02-28');
    expect(daysBetween('2027-01-01', '2027-03-01')).toBe(59);
  });

  it('knows a real calendar date', () => {
    expect(isIsoDate('2027-02-28')).toBe(true);
    expect(isIsoDate('2027-02-30')).toBe(false);
    expect(isIsoDate('27-02-28')).toBe(false);
  });

  it('finds the Monday of a week', () => {
    expect(weekStart('2027-06-02')).toBe('2027-05-31'); // a Wednesday
    expect(weekStart('2027-05-31')).toBe('2027-05-31');
    expect(weekStart('2027-06-06')).toBe('2027-05-31'); // a Sunday
  });

  it('gives today on the local calendar', () => {
    expect(todayIso(new Date(2027, 0, 5, 23, 30))).toBe('2027-01-05');
  });

  it('shows the calendar date in the language', () => {
    expect(formatDate('2027-01-05', 'en')).toBe('Jan 5, 2027');
    expect(formatDate('2027-01-05', 'fr')).toBe('5 janv. 2027');
  });

  it('puts accounts in grace first, then end dates week by week', () => {
    const groups = groupByWeek([
      { id: 'c', status: 'expiring', accessExpiresOn: '2027-06-10' },
      { id: 'a', status: 'expiring', accessExpiresOn: '2027-06-01' },
      { id: 'g2', status: 'expired-grace', accessExpiresOn: '2027-05-20', deletionOn: '2027-06-19' },
      { id: 'b', status: 'expiring', accessExpiresOn: '2027-06-04' },
      { id: 'g1', status: 'expired-grace', accessExpiresOn: '2027-05-10', deletionOn: '2027-06-09' },
    ]);
    expect(groups.map((g) => [g.key, g.items.map((i) => i.id)])).toEqual([
      ['grace', ['g1', 'g2']],
      ['2027-05-31', ['a', 'b']],
      ['2027-06-07', ['c']],
    ]);
  });
});
