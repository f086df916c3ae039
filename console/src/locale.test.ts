import { describe, expect, it } from 'vitest';
import { chooseLocale } from './locale';

describe('chooseLocale', () => {
  it('prefers the switch, then the account, then the browser', () => {
    expect(chooseLocale('en', 'fr', ['fr-FR'])).toBe('en');
    expect(chooseLocale(null, 'fr', ['en-GB'])).toBe('fr');
    expect(chooseLocale(undefined, undefined, ['de-DE', 'fr-CA', 'en'])).toBe('fr');
    expect(chooseLocale('de', 'es', ['it'])).toBe('en');
  });
});
