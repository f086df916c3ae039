// Every text of the console lives in one file per language, src/locales/<language>.json, read by i18next (the
// library Keycloak's own admin console uses). Placeholders: {{name}}. English is the reference: its keys are the
// message keys, and a test checks that French has exactly the same keys and placeholders.
import en from './locales/en.json';
import fr from './locales/fr.json';

export const RESOURCES = {
  en: { translation: en },
  fr: { translation: fr },
} as const;

export type MessageKey = keyof typeof en;
