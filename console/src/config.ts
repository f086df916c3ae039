// What Keycloak tells the page when it serves it (see index.html): the realm and its addresses. Run with
// `npm run dev`, the placeholders stay and the page talks to a local Keycloak (bin/start).

export interface ConsoleConfig {
  realm: string;
  clientId: string;
  /** where the page signs in, ends with / */
  authServerUrl: string;
  /** where the admin API is, ends with / */
  adminUrl: string;
}

export function readConfig(doc: Document): ConsoleConfig {
  const meta = doc.querySelector('meta[name="access-console"]');
  const read = (attribute: string, fallback: string) => {
    const value = meta?.getAttribute(attribute);
    return !value || value.startsWith('{{') ? fallback : value;
  };
  const authServerUrl = read('data-auth-server-url', 'http://localhost:8080/');
  return {
    realm: read('data-realm', 'lifecycle'),
    clientId: read('data-client-id', 'access-console'),
    authServerUrl,
    adminUrl: read('data-admin-url', authServerUrl),
  };
}
