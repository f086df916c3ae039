import { createContext, useContext, useMemo, type ReactNode } from 'react';
import i18next from 'i18next';
import { I18nextProvider, initReactI18next, useTranslation } from 'react-i18next';
import { RESOURCES, type MessageKey } from './messages';
import type { Locale } from './locale';
import { formatDate, formatInstant } from './dates';

export type Params = Record<string, string | number>;

/** The console's one i18next instance: the messages are bundled, so it is ready at once. */
export const i18n = i18next.createInstance();
void i18n.use(initReactI18next).init({
  resources: RESOURCES,
  lng: 'en',
  fallbackLng: 'en',
  supportedLngs: ['en', 'fr'],
  // React escapes what it renders; keys are plain names
  interpolation: { escapeValue: false },
  keySeparator: false,
  nsSeparator: false,
  initAsync: false,
  returnNull: false,
});

/** A message in a language, outside React (before the console renders). */
export function translate(locale: Locale, key: MessageKey, params?: Params): string {
  return i18n.getFixedT(locale)(key, params ?? {});
}

export interface I18n {
  locale: Locale;
  setLocale: (locale: Locale) => void;
  t: (key: MessageKey, params?: Params) => string;
  date: (iso: string | undefined) => string;
  instant: (value: string | number | undefined) => string;
}

const I18nContext = createContext<I18n | null>(null);

interface LanguageProps {
  locale: Locale;
  setLocale: (l: Locale) => void;
  children: ReactNode;
}

function Translations({ locale, setLocale, children }: LanguageProps) {
  // a t fixed to the console's language, whatever i18next's global one is
  const { t } = useTranslation(undefined, { lng: locale });
  const value = useMemo<I18n>(
    () => ({
      locale,
      setLocale,
      t: (key, params) => t(key, params ?? {}),
      date: (iso) => formatDate(iso, locale),
      instant: (v) => formatInstant(v, locale),
    }),
    [locale, setLocale, t],
  );
  return <I18nContext.Provider value={value}>{children}</I18nContext.Provider>;
}

export function I18nProvider({ locale, setLocale, children }: LanguageProps) {
  return (
    <I18nextProvider i18n={i18n}>
      <Translations locale={locale} setLocale={setLocale}>
        {children}
      </Translations>
    </I18nextProvider>
  );
}

export function useI18n(): I18n {
  const i18nValue = useContext(I18nContext);
  if (!i18nValue) throw new Error('useI18n outside I18nProvider');
  return i18nValue;
}
