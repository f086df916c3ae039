import { describe, expect, it } from 'vitest';
import { pageAddress, signInRealmOf } from './config';

describe('signInRealmOf', () => {
  it('signs in at the administration realm only when asked and offered', () => {
    expect(signInRealmOf('?signin=master', 'lifecycle', 'master')).toBe('master');
    expect(signInRealmOf('', 'lifecycle', 'master')).toBe('lifecycle');
    expect(signInRealmOf('?signin=master', 'lifecycle', '')).toBe('lifecycle');
    expect(signInRealmOf('?signin=other', 'lifecycle', 'master')).toBe('lifecycle');
  });
});

describe('pageAddress', () => {
  it('names the administration realm in the query and drops the fragment', () => {
    const page = 'http://kc/realms/lifecycle/access-console/';
    expect(pageAddress(`${page}#/users`, 'master', 'lifecycle')).toBe(`${page}?signin=master`);
    expect(pageAddress(`${page}?signin=master#/audit`, 'lifecycle', 'lifecycle')).toBe(page);
  });
});
