import { describe, expect, it } from 'vitest';
import en from './locales/en.json';
import fr from './locales/fr.json';
import { translate } from './i18n';

const placeholders = (text: string) => [...text.matchAll(/\{\{(\w+)\}\}/g)].map((m) => m[1]).sort();

describe('messages', () => {
  it('has the same keys in French and English', () => {
    expect(Object.keys(fr).sort()).toEqual(Object.keys(en).sort());
  });

  it('has the same placeholders in both languages', () => {
    for (const [key, text] of Object.entries(en)) {
      expect(placeholders(fr[key as keyof typeof fr]), key).toEqual(placeholders(text));
    }
  });

  it('fills placeholders in the language asked for', () => {
    expect(translate('en', 'signedInAs', { username: 'ada' })).toBe('Signed in as ada');
    expect(translate('fr', 'signedInAs', { username: 'ada' })).toBe('Connecté en tant que ada');
    expect(translate('fr', 'realmIs', { realm: '<b>' })).toBe('Domaine <b>');
  });
});
