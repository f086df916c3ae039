import { describe, expect, it } from 'vitest';
import { isValidEmail, parseInvitees, splitCsvLine } from './csv';

describe('parseInvitees', () => {
  it('reads one address a line and marks the invalid one', () => {
    const p = parseInvitees('ada@example.org\nnot-an-address\n\ngrace@example.org\n');
    expect(p.rows.map((r) => [r.row, r.email, r.problem])).toEqual([
      [1, 'ada@example.org', undefined],
      [2, 'not-an-address', 'invalidEmail'],
      [3, 'grace@example.org', undefined],
    ]);
    expect(p.ready.map((r) => r.email)).toEqual(['ada@example.org', 'grace@example.org']);
    expect(p.rejected).toHaveLength(1);
  });

  it('marks a repeated address, whatever its case, as a duplicate of the first', () => {
    const p = parseInvitees('ada@example.org\nADA@Example.org');
    expect(p.rows[1]).toMatchObject({ problem: 'duplicate', duplicateOf: 1 });
    expect(p.ready).toHaveLength(1);
  });

  it('reads a CSV file with a header, in any column order, with quotes and a BOM', () => {
    const p = parseInvitees(
      '\uFEFFlast name;first name;email\n"Dupont, Jr";Jean-Pierre;jp@example.org\r\nLovelace;Ada;ada@example.org\r\n',
    );
    expect(p.rows).toEqual([
      { row: 1, email: 'jp@example.org', firstName: 'Jean-Pierre', lastName: 'Dupont, Jr' },
      { row: 2, email: 'ada@example.org', firstName: 'Ada', lastName: 'Lovelace' },
    ]);
  });

  it('reads French headers', () => {
    const p = parseInvitees('Courriel,Prénom,Nom\nzoe@example.org,Zoé,Martin');
    expect(p.rows[0]).toEqual({ row: 1, email: 'zoe@example.org', firstName: 'Zoé', lastName: 'Martin' });
  });

  it('reads address then names without a header', () => {
    const p = parseInvitees('jp@example.org, Jean-Pierre, Dupont\nAda,Lovelace,ada@example.org');
    expect(p.rows[0]).toMatchObject({ email: 'jp@example.org', firstName: 'Jean-Pierre', lastName: 'Dupont' });
    expect(p.rows[1]).toMatchObject({ email: 'ada@example.org', firstName: 'Ada', lastName: 'Lovelace' });
  });

  it('reads a list pasted from a mail program', () => {
    const p = parseInvitees('Jean-Pierre Dupont <jp@example.org>; "Ada Lovelace" <ada@example.org>, grace@example.org');
    expect(p.rows).toEqual([
      { row: 1, email: 'jp@example.org', firstName: 'Jean-Pierre', lastName: 'Dupont' },
      { row: 2, email: 'ada@example.org', firstName: 'Ada', lastName: 'Lovelace' },
      { row: 3, email: 'grace@example.org' },
    ]);
  });

  it('reads addresses separated by spaces', () => {
    expect(parseInvitees('a@example.org b@example.org').ready.map((r) => r.email)).toEqual([
      'a@example.org',
      'b@example.org',
    ]);
  });

  it('rejects what is past the limit of valid rows', () => {
    const text = Array.from({ length: 1003 }, (_, i) => `user${i}@example.org`).join('\n');
    const p = parseInvitees(text);
    expect(p.ready).toHaveLength(1000);
    expect(p.rejected.map((r) => r.problem)).toEqual(['tooMany', 'tooMany', 'tooMany']);
    expect(p.rejected[0].row).toBe(1001);
  });

  it('gives nothing for blank text', () => {
    expect(parseInvitees('  \n\n').rows).toEqual([]);
  });
});

describe('isValidEmail', () => {
  it('accepts ordinary addresses and refuses the rest', () => {
    for (const ok of ['a@b.fr', 'jean-pierre.dupont+test@sub.example.org', "o'neil@example.ie"])
      expect(isValidEmail(ok)).toBe(true);
    for (const bad of [
      '',
      'a',
      'a@b',
      'a@@b.fr',
      'a b@c.fr',
      'a@b..fr',
      'a..b@c.fr',
      '@b.fr',
      'a@-b.fr',
      'x'.repeat(250) + '@b.fr',
    ])
      expect(isValidEmail(bad)).toBe(false);
  });
});

describe('splitCsvLine', () => {
  it('honours quotes and doubled quotes', () => {
    expect(splitCsvLine('"a ""b"", c",d, e', ',')).toEqual(['a "b", c', 'd', 'e']);
  });
});
