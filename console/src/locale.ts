// Which language the console speaks: the one chosen in its switch, else the signed-in user's (the token's
// `locale` claim), else the browser's; French or English.

export type Locale = 'en' | 'fr';
export const LOCALES: Locale[] = ['en', 'fr'];

function supported(tag: string | undefined | null): Locale | undefined {
  const lang = tag?.toLowerCase().split(/[-_]/)[0];
  return LOCALES.find((l) => l === lang);
}

export function chooseLocale(
  chosen: string | null | undefined,
  claim: string | undefined,
  browser: readonly string[],
): Locale {
  return supported(chosen) ?? supported(claim) ?? browser.map(supported).find(Boolean) ?? 'en';
}
