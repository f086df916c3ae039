import '@patternfly/react-core/dist/styles/base.css';
import './console.css';
import { createRoot } from 'react-dom/client';
import Keycloak from 'keycloak-js';
import { readConfig } from './config';
import { chooseLocale, type Locale } from './locale';
import { translate } from './i18n';
import { Root } from './App';

export const LOCALE_KEY = 'access-console.locale';

function storedLocale(): string | null {
  try {
    return localStorage.getItem(LOCALE_KEY);
  } catch {
    return null;
  }
}

async function start() {
  const root = createRoot(document.getElementById('root')!);
  const config = readConfig(document, window.location.search);
  const keycloak = new Keycloak({ url: config.authServerUrl, realm: config.signInRealm, clientId: config.clientId });
  const before: Locale = chooseLocale(storedLocale(), undefined, navigator.languages ?? [navigator.language]);
  try {
    const authenticated = await keycloak.init({
      pkceMethod: 'S256',
      checkLoginIframe: false,
      responseMode: 'fragment',
    });
    if (!authenticated) {
      // Keycloak's sign-in page, in the language the console would speak
      await keycloak.login({ locale: before });
      return;
    }
  } catch (e) {
    document.documentElement.lang = before;
    root.render(
      <p role="alert" style={{ margin: '2rem' }}>
        {translate(before, 'signInFailed')} ({String((e as Error)?.message ?? e)})
      </p>,
    );
    return;
  }
  root.render(<Root config={config} keycloak={keycloak} storedLocale={storedLocale()} localeKey={LOCALE_KEY} />);
}

start();
