// What Keycloak tells the page when it serves it (see index.html): the realm and its addresses. Run with
// `npm run dev`, the placeholders stay and the page talks to a local Keycloak (bin/start).

export interface ConsoleConfig {
  realm: string;
  clientId: string;
  /** where the page signs in, ends with / */
  authServerUrl: string;
  /** where the admin API is, ends with / */
  adminUrl: string;
  /** the administration realm (master) when its administrators may sign in there, else '' */
  adminRealm: string;
  /** the realm this page signed in at: the realm itself, or the administration realm (?signin=master) */
  signInRealm: string;
}

/** The query parameter that makes the page sign in at the administration realm: `?signin=master`. */
export const SIGN_IN_PARAM = 'signin';

/** The sign-in realm an address asks for: the administration realm only when the server offers it. */
export function signInRealmOf(search: string, realm: string, adminRealm: string): string {
  const asked = new URLSearchParams(search).get(SIGN_IN_PARAM);
  return adminRealm !== '' && asked === adminRealm ? adminRealm : realm;
}

/** This page's address with the sign-in realm chosen (none for the realm itself), without its fragment. */
export function pageAddress(href: string, signInRealm: string, realm: string): string {
  const url = new URL(href.split('#')[0]);
  url.searchParams.delete(SIGN_IN_PARAM);
  if (signInRealm !== realm) url.searchParams.set(SIGN_IN_PARAM, signInRealm);
  return url.toString();
}

export function readConfig(doc: Document, search = ''): ConsoleConfig {
  const meta = doc.querySelector('meta[name="access-console"]');
  const read = (attribute: string, fallback: string) => {
    const value = meta?.getAttribute(attribute);
    return !value || value.startsWith('{{') ? fallback : value;
  };
  const authServerUrl = read('data-auth-server-url', 'http://localhost:8080/');
  const realm = read('data-realm', 'lifecycle');
  const adminRealm = read('data-admin-realm', '');
  return {
    realm,
    clientId: read('data-client-id', 'access-console'),
    authServerUrl,
    adminUrl: read('data-admin-url', authServerUrl),
    adminRealm,
    signInRealm: signInRealmOf(search, realm, adminRealm),
  };
}
