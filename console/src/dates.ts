// Calendar dates as the API gives them (YYYY-MM-DD), without time zones getting in the way.

const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;

export function isIsoDate(value: string): boolean {
  if (!ISO_DATE.test(value)) return false;
  const d = toUtc(value);
  return !Number.isNaN(d.getTime()) && fromUtc(d) === value;
}

function toUtc(iso: string): Date {
  return new Date(`${iso}T00:00:00Z`);
}

function fromUtc(d: Date): string {
  return d.toISOString().slice(0, 10);
}

/** Today on this computer's calendar. */
export function todayIso(now: Date = new Date()): string {
  const local = new Date(Date.UTC(now.getFullYear(), now.getMonth(), now.getDate()));
  return fromUtc(local);
}

export function addDays(iso: string, days: number): string {
  const d = toUtc(iso);
  d.setUTCDate(d.getUTCDate() + days);
  return fromUtc(d);
}

export function daysBetween(fromIso: string, toIso: string): number {
  return Math.round((toUtc(toIso).getTime() - toUtc(fromIso).getTime()) / 86_400_000);
}

/** The Monday of the week a date is in. */
export function weekStart(iso: string): string {
  const day = toUtc(iso).getUTCDay(); // 0 = Sunday
  return addDays(iso, -((day + 6) % 7));
}

/** A date for people, in their language (the date stays the calendar date whatever the time zone). */
export function formatDate(iso: string | undefined, locale: string): string {
  if (!iso) return '';
  if (!isIsoDate(iso)) return iso;
  return new Intl.DateTimeFormat(locale, { dateStyle: 'medium', timeZone: 'UTC' }).format(toUtc(iso));
}

/** An instant (ISO 8601 with time) for people, in their language and time zone. */
export function formatInstant(instant: string | number | undefined, locale: string): string {
  if (instant === undefined || instant === null || instant === '') return '';
  const d = new Date(instant);
  if (Number.isNaN(d.getTime())) return String(instant);
  return new Intl.DateTimeFormat(locale, { dateStyle: 'medium', timeStyle: 'short' }).format(d);
}

export interface DatedGroup<T> {
  /** the Monday of the week, or 'grace' for the accounts past their end date */
  key: string;
  items: T[];
}

/**
 * The expirations as a timeline: first the accounts in their grace period (soonest deletion first), then the
 * coming end dates week by week.
 */
export function groupByWeek<T extends { status: string; accessExpiresOn: string; deletionOn?: string }>(
  items: T[],
): DatedGroup<T>[] {
  const grace = items
    .filter((i) => i.status === 'expired-grace')
    .sort((a, b) => (a.deletionOn ?? a.accessExpiresOn).localeCompare(b.deletionOn ?? b.accessExpiresOn));
  const coming = items
    .filter((i) => i.status !== 'expired-grace')
    .sort((a, b) => a.accessExpiresOn.localeCompare(b.accessExpiresOn));
  const groups: DatedGroup<T>[] = grace.length ? [{ key: 'grace', items: grace }] : [];
  for (const item of coming) {
    const key = weekStart(item.accessExpiresOn);
    const last = groups[groups.length - 1];
    if (last && last.key === key) last.items.push(item);
    else groups.push({ key, items: [item] });
  }
  return groups;
}
