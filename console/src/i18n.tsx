import { createContext, useContext, useMemo, type ReactNode } from 'react';
import { MESSAGES, type MessageKey } from './messages';
import type { Locale } from './locale';
import { formatDate, formatInstant } from './dates';

export type Params = Record<string, string | number>;

export function translate(locale: Locale, key: MessageKey, params?: Params): string {
  const text = MESSAGES[key][locale === 'fr' ? 1 : 0];
  return params ? text.replace(/\{(\w+)\}/g, (m, name: string) => (name in params ? String(params[name]) : m)) : text;
}

export interface I18n {
  locale: Locale;
  setLocale: (locale: Locale) => void;
  t: (key: MessageKey, params?: Params) => string;
  date: (iso: string | undefined) => string;
  instant: (value: string | number | undefined) => string;
}

const I18nContext = createContext<I18n | null>(null);

export function I18nProvider({ locale, setLocale, children }: { locale: Locale; setLocale: (l: Locale) => void; children: ReactNode }) {
  const value = useMemo<I18n>(() => ({
    locale,
    setLocale,
    t: (key, params) => translate(locale, key, params),
    date: (iso) => formatDate(iso, locale),
    instant: (v) => formatInstant(v, locale),
  }), [locale, setLocale]);
  return <I18nContext.Provider value={value}>{children}</I18nContext.Provider>;
}

export function useI18n(): I18n {
  const i18n = useContext(I18nContext);
  if (!i18n) throw new Error('useI18n outside I18nProvider');
  return i18n;
}
