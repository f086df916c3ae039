import { useCallback, useEffect, useMemo, useState } from 'react';
import type Keycloak from 'keycloak-js';
import {
  Alert,
  AlertActionCloseButton,
  AlertGroup,
  Bullseye,
  Button,
  EmptyState,
  EmptyStateActions,
  EmptyStateBody,
  EmptyStateFooter,
  Masthead,
  MastheadBrand,
  MastheadContent,
  MastheadLogo,
  MastheadMain,
  MastheadToggle,
  Nav,
  NavItem,
  NavList,
  Page,
  PageSidebar,
  PageSidebarBody,
  PageToggleButton,
  SkipToContent,
  Spinner,
  ToggleGroup,
  ToggleGroupItem,
  Toolbar,
  ToolbarContent,
  ToolbarGroup,
  ToolbarItem,
  Content,
} from '@patternfly/react-core';
import BarsIcon from '@patternfly/react-icons/dist/esm/icons/bars-icon';
import LockIcon from '@patternfly/react-icons/dist/esm/icons/lock-icon';
import { AccessApi, ApiError } from './api';
import { pageAddress, type ConsoleConfig } from './config';
import { I18nProvider, useI18n } from './i18n';
import { chooseLocale, type Locale } from './locale';
import type { MessageKey } from './messages';
import { ServicesProvider, type Notice, type Services } from './services';
import type { Catalogue, Settings } from './types';
import { ErrorAlert } from './components/ErrorAlert';
import { UsersView } from './views/UsersView';
import { InviteView } from './views/InviteView';
import { InvitationsView } from './views/InvitationsView';
import { ExpirationsView } from './views/ExpirationsView';
import { RequestsView } from './views/RequestsView';
import { AuditView } from './views/AuditView';
import { SettingsView } from './views/SettingsView';

const VIEWS: Array<{ path: string; key: MessageKey }> = [
  { path: 'users', key: 'navUsers' },
  { path: 'invite', key: 'navInvite' },
  { path: 'invitations', key: 'navInvitations' },
  { path: 'expirations', key: 'navExpirations' },
  { path: 'requests', key: 'navRequests' },
  { path: 'audit', key: 'navAudit' },
  { path: 'settings', key: 'navSettings' },
];

/** The view the address names (#/users, #/invite...), if it names one. */
function viewOf(hash: string): string | undefined {
  const path = hash.replace(/^#\/?/, '').split(/[?&/]/)[0];
  return VIEWS.some((v) => v.path === path) ? path : undefined;
}

interface RootProps {
  config: ConsoleConfig;
  keycloak: Keycloak;
  storedLocale: string | null;
  localeKey: string;
}

/** The console once signed in: language, then the access check, then the views. */
export function Root({ config, keycloak, storedLocale, localeKey }: RootProps) {
  const claim = (keycloak.tokenParsed as { locale?: string } | undefined)?.locale;
  const [locale, setLocaleState] = useState<Locale>(() => chooseLocale(storedLocale, claim, navigator.languages ?? []));
  const setLocale = useCallback(
    (l: Locale) => {
      setLocaleState(l);
      try {
        localStorage.setItem(localeKey, l);
      } catch {
        // private mode: the choice lasts as long as the page
      }
    },
    [localeKey],
  );
  useEffect(() => {
    document.documentElement.lang = locale;
  }, [locale]);
  return (
    <I18nProvider locale={locale} setLocale={setLocale}>
      <Console config={config} keycloak={keycloak} />
    </I18nProvider>
  );
}

function Console({ config, keycloak }: { config: ConsoleConfig; keycloak: Keycloak }) {
  const { t, locale, setLocale } = useI18n();
  const api = useMemo(
    () =>
      new AccessApi(config, {
        token: async () => {
          try {
            await keycloak.updateToken(30);
          } catch {
            await keycloak.login();
          }
          return keycloak.token!;
        },
      }),
    [config, keycloak],
  );
  const parsed = keycloak.tokenParsed as { preferred_username?: string; name?: string } | undefined;
  const name = parsed?.preferred_username ?? '';
  // an administrator of the administration realm is named with it: "admin (master)"
  const username = config.signInRealm === config.realm ? name : `${name} (${config.signInRealm})`;
  const [view, setView] = useState(() => viewOf(window.location.hash) ?? 'users');
  const [access, setAccess] = useState<'checking' | 'granted' | 'denied' | Error>('checking');
  const [settings, setSettings] = useState<Settings>();
  const [catalogue, setCatalogue] = useState<Catalogue>();
  const [notices, setNotices] = useState<Notice[]>([]);
  const [settingsRound, setSettingsRound] = useState(0);

  useEffect(() => {
    const onHash = () => {
      // other anchors (the skip link's #main) keep the view
      const v = viewOf(window.location.hash);
      if (v) setView(v);
    };
    window.addEventListener('hashchange', onHash);
    return () => window.removeEventListener('hashchange', onHash);
  }, []);
  useEffect(() => {
    const title = VIEWS.find((v) => v.path === view)?.key;
    document.title = `${title ? t(title) : ''} · ${t('appTitle')}`;
  }, [view, t]);

  // The settings double as the access check: reading them needs the right to view users.
  useEffect(() => {
    api.get<Settings>('/config').then(
      (s) => {
        setSettings(s);
        setAccess('granted');
      },
      (e) => setAccess(e instanceof ApiError && e.forbidden ? 'denied' : e),
    );
  }, [api, settingsRound]);
  useEffect(() => {
    if (access === 'granted')
      api.get<Catalogue>('/catalogue').then(setCatalogue, () => setCatalogue({ roles: [], groups: [] }));
  }, [api, access]);

  const notify = useCallback((variant: Notice['variant'], title: string) => {
    const key = Date.now() + Math.random();
    setNotices((n) => [...n, { key, variant, title }]);
    window.setTimeout(() => setNotices((n) => n.filter((x) => x.key !== key)), 8000);
  }, []);
  const services: Services = useMemo(
    () => ({
      api,
      config,
      username,
      catalogue,
      settings,
      notify,
      reloadSettings: () => setSettingsRound((r) => r + 1),
    }),
    [api, config, username, catalogue, settings, notify],
  );

  const signOut = () =>
    keycloak.logout({ redirectUri: pageAddress(window.location.href, config.signInRealm, config.realm) });
  // the other place to sign in: the administration realm from the realm's page, and back
  const otherRealm =
    config.adminRealm === '' ? undefined : config.signInRealm === config.realm ? config.adminRealm : config.realm;
  const signInAt = (realm: string) =>
    keycloak.logout({ redirectUri: pageAddress(window.location.href, realm, config.realm) });

  const masthead = (
    <Masthead>
      <MastheadMain>
        {access === 'granted' && (
          <MastheadToggle>
            <PageToggleButton isHamburgerButton aria-label={t('toggleNavigation')}>
              <BarsIcon />
            </PageToggleButton>
          </MastheadToggle>
        )}
        <MastheadBrand>
          <MastheadLogo component="a" href="#/users" className="ac-brand">
            <span className="ac-brand-title">{t('appTitle')}</span>
            <span className="ac-brand-realm">{t('realmIs', { realm: config.realm })}</span>
          </MastheadLogo>
        </MastheadBrand>
      </MastheadMain>
      <MastheadContent>
        <Toolbar isFullHeight isStatic>
          <ToolbarContent>
            <ToolbarGroup align={{ default: 'alignEnd' }} gap={{ default: 'gapMd' }} alignItems="center">
              <ToolbarItem>
                <ToggleGroup isCompact aria-label={t('language')} id="language-switch">
                  <ToggleGroupItem
                    text="FR"
                    buttonId="language-fr"
                    lang="fr"
                    aria-label="Français"
                    isSelected={locale === 'fr'}
                    onChange={() => setLocale('fr')}
                  />
                  <ToggleGroupItem
                    text="EN"
                    buttonId="language-en"
                    lang="en"
                    aria-label="English"
                    isSelected={locale === 'en'}
                    onChange={() => setLocale('en')}
                  />
                </ToggleGroup>
              </ToolbarItem>
              <ToolbarItem>
                <Content component="p" className="ac-signed-in" id="signed-in-as">
                  {t('signedInAs', { username })}
                </Content>
              </ToolbarItem>
              <ToolbarItem>
                <Button variant="secondary" size="sm" onClick={signOut} id="sign-out">
                  {t('signOut')}
                </Button>
              </ToolbarItem>
            </ToolbarGroup>
          </ToolbarContent>
        </Toolbar>
      </MastheadContent>
    </Masthead>
  );

  const sidebar =
    access === 'granted' ? (
      <PageSidebar>
        <PageSidebarBody>
          <Nav aria-label={t('navigation')}>
            <NavList>
              {VIEWS.map((v) => (
                <NavItem
                  key={v.path}
                  itemId={v.path}
                  isActive={view === v.path}
                  to={`#/${v.path}`}
                  id={`nav-${v.path}`}
                >
                  {t(v.key)}
                </NavItem>
              ))}
            </NavList>
          </Nav>
        </PageSidebarBody>
      </PageSidebar>
    ) : undefined;

  let body;
  if (access === 'checking') {
    body = (
      <Bullseye>
        <Spinner aria-label={t('loading')} />
      </Bullseye>
    );
  } else if (access === 'denied') {
    body = (
      <EmptyState titleText={t('noAccessTitle')} icon={LockIcon} headingLevel="h1" id="no-access" status="warning">
        <EmptyStateBody>{t('noAccessBody', { username, realm: config.realm })}</EmptyStateBody>
        <EmptyStateFooter>
          <EmptyStateActions>
            <Button variant="primary" onClick={signOut}>
              {t('signInAsSomeoneElse')}
            </Button>
            {otherRealm && (
              <Button variant="secondary" onClick={() => signInAt(otherRealm)} id="sign-in-other-realm">
                {t('signInAtRealm', { realm: otherRealm })}
              </Button>
            )}
          </EmptyStateActions>
        </EmptyStateFooter>
      </EmptyState>
    );
  } else if (access instanceof Error) {
    body = <ErrorAlert error={access} title={t('consoleUnavailable')} />;
  } else {
    body = (
      <>
        {view === 'users' && <UsersView />}
        {view === 'invite' && <InviteView />}
        {view === 'invitations' && <InvitationsView />}
        {view === 'expirations' && <ExpirationsView />}
        {view === 'requests' && <RequestsView />}
        {view === 'audit' && <AuditView />}
        {view === 'settings' && <SettingsView />}
      </>
    );
  }

  return (
    <ServicesProvider value={services}>
      <Page
        masthead={masthead}
        sidebar={sidebar}
        isManagedSidebar
        mainContainerId="main"
        skipToContent={<SkipToContent href="#main">{t('skipToContent')}</SkipToContent>}
      >
        {body}
      </Page>
      <AlertGroup isToast isLiveRegion>
        {notices.map((n) => (
          <Alert
            key={n.key}
            variant={n.variant}
            title={n.title}
            timeout={false}
            actionClose={<AlertActionCloseButton onClose={() => setNotices((x) => x.filter((y) => y.key !== n.key))} />}
          />
        ))}
      </AlertGroup>
    </ServicesProvider>
  );
}
