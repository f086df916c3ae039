// Reads the addresses an administrator pastes or uploads for an invitation, and checks each row before anything
// is sent: one address a line (optionally with first and last name), a CSV file with a header row, a list on one
// line, or "Name <address>" as mail programs copy them.

export const MAX_INVITEES = 1000;

export type RowProblem = 'invalidEmail' | 'duplicate' | 'tooMany';

export interface InviteeRow {
  /** 1-based position among the rows read */
  row: number;
  email: string;
  firstName?: string;
  lastName?: string;
  problem?: RowProblem;
  /** for a duplicate: the row that has the address first */
  duplicateOf?: number;
}

export interface ParsedInvitees {
  rows: InviteeRow[];
  ready: InviteeRow[];
  rejected: InviteeRow[];
}

// An address as people type them: something@domain.tld, no spaces or separators. The server checks again.
const EMAIL =
  /^[A-Za-z0-9.!#$%&'*+/=?^_`{|}~-]+@[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?(?:\.[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?)+$/;

export function isValidEmail(value: string): boolean {
  return value.length <= 254 && EMAIL.test(value) && !value.includes('..');
}

/** Splits one CSV line on the delimiter, honouring double quotes ("a, b" and "" inside quotes). */
export function splitCsvLine(line: string, delimiter: string): string[] {
  const cells: string[] = [];
  let cell = '';
  let quoted = false;
  for (let i = 0; i < line.length; i++) {
    const c = line[i];
    if (quoted) {
      if (c === '"' && line[i + 1] === '"') {
        cell += '"';
        i++;
      } else if (c === '"') {
        quoted = false;
      } else {
        cell += c;
      }
    } else if (c === '"' && cell.trim() === '') {
      quoted = true;
      cell = '';
    } else if (c === delimiter) {
      cells.push(cell.trim());
      cell = '';
    } else {
      cell += c;
    }
  }
  cells.push(cell.trim());
  return cells;
}

function delimiterOf(line: string): string {
  if (line.includes('\t')) return '\t';
  if (line.includes(';')) return ';';
  return ',';
}

const HEADERS: Record<string, 'email' | 'firstName' | 'lastName'> = {
  email: 'email',
  'e-mail': 'email',
  mail: 'email',
  courriel: 'email',
  adresse: 'email',
  address: 'email',
  'email address': 'email',
  'adresse email': 'email',
  'adresse e-mail': 'email',
  firstname: 'firstName',
  'first name': 'firstName',
  first_name: 'firstName',
  'given name': 'firstName',
  prénom: 'firstName',
  prenom: 'firstName',
  lastname: 'lastName',
  'last name': 'lastName',
  last_name: 'lastName',
  surname: 'lastName',
  'family name': 'lastName',
  nom: 'lastName',
};

function headerOf(cells: string[]): Array<'email' | 'firstName' | 'lastName' | null> | null {
  const mapped = cells.map((c) => HEADERS[c.toLowerCase().replace(/\s+/g, ' ').trim()] ?? null);
  return mapped.includes('email') && !cells.some((c) => c.includes('@')) ? mapped : null;
}

/** "Jean-Pierre Dupont <jp@example.org>" or "<jp@example.org>" */
const NAMED = /^\s*"?([^"<]*?)"?\s*<([^>]+)>\s*$/;

function splitName(name: string): { firstName?: string; lastName?: string } {
  const parts = name.trim().split(/\s+/).filter(Boolean);
  if (parts.length === 0) return {};
  if (parts.length === 1) return { firstName: parts[0] };
  return { firstName: parts.slice(0, -1).join(' '), lastName: parts[parts.length - 1] };
}

// In a line with several addresses: "Name" <address>, Name <address> or a bare address, separated by anything.
const TOKEN = /(?:"([^"]*)"|([^,;<>\t"]*?))\s*<([^>]*)>|([^\s,;<>"]+)/g;

function entriesOfLine(line: string, delimiter: string): Array<Omit<InviteeRow, 'row'>> {
  if ((line.match(/@/g) ?? []).length > 1) {
    return [...line.matchAll(TOKEN)].map((m) =>
      m[3] !== undefined ? { email: m[3].trim(), ...splitName(m[1] ?? m[2] ?? '') } : { email: m[4] },
    );
  }
  const cells = splitCsvLine(line, delimiter).filter((c) => c !== '');
  if (cells.length === 1) {
    return [entryOfCell(cells[0])];
  }
  // address, then first and last name, in the order they come
  const email = cells.find((c) => c.includes('@')) ?? cells[0];
  const names = cells.filter((c) => c !== email);
  return [{ email: email.trim(), firstName: names[0], lastName: names[1] }];
}

function entryOfCell(cell: string): Omit<InviteeRow, 'row'> {
  const named = NAMED.exec(cell);
  if (named) {
    return { email: named[2].trim(), ...splitName(named[1]) };
  }
  return { email: cell.trim() };
}

/** Reads the text and checks each row: invalid addresses, repeated addresses and rows past the limit are rejected. */
export function parseInvitees(text: string, max: number = MAX_INVITEES): ParsedInvitees {
  const lines = text
    .replace(/^\uFEFF/, '')
    .split(/\r\n|\r|\n/)
    .filter((l) => l.trim() !== '');
  const entries: Array<Omit<InviteeRow, 'row'>> = [];
  if (lines.length > 0) {
    const delimiter = delimiterOf(lines[0]);
    const header = headerOf(splitCsvLine(lines[0], delimiter));
    if (header) {
      for (const line of lines.slice(1)) {
        const cells = splitCsvLine(line, delimiter);
        const entry: Omit<InviteeRow, 'row'> = { email: '' };
        header.forEach((column, i) => {
          const value = cells[i]?.trim();
          if (column && value) entry[column] = value;
        });
        entries.push(entry);
      }
    } else {
      for (const line of lines) {
        entries.push(...entriesOfLine(line, delimiterOf(line)));
      }
    }
  }
  const firstRowOf = new Map<string, number>();
  let ready = 0;
  const rows = entries.map((entry, i): InviteeRow => {
    const row: InviteeRow = { row: i + 1, email: entry.email };
    if (entry.firstName) row.firstName = entry.firstName;
    if (entry.lastName) row.lastName = entry.lastName;
    const key = entry.email.toLowerCase();
    if (!isValidEmail(entry.email)) {
      row.problem = 'invalidEmail';
    } else if (firstRowOf.has(key)) {
      row.problem = 'duplicate';
      row.duplicateOf = firstRowOf.get(key);
    } else {
      firstRowOf.set(key, row.row);
      if (ready >= max) {
        row.problem = 'tooMany';
      } else {
        ready++;
      }
    }
    return row;
  });
  return { rows, ready: rows.filter((r) => !r.problem), rejected: rows.filter((r) => r.problem) };
}
