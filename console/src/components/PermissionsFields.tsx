import { Checkbox, FormGroup, FormFieldGroup, FormFieldGroupHeader, Content } from '@patternfly/react-core';
import { useI18n } from '../i18n';
import { useServices } from '../services';
import type { RoleEntry } from '../types';
import type { MessageKey } from '../messages';

const BUILT_IN: Record<string, MessageKey> = {
  'role_offline-access': 'roleOfflineAccess',
  role_uma_authorization: 'roleUmaAuthorization',
};

function toggled(list: string[], item: string, on: boolean): string[] {
  return on ? (list.includes(item) ? list : [...list, item]) : list.filter((x) => x !== item);
}

/** Roles and groups from the catalogue, each with its help text, as check boxes. */
export function PermissionsFields({
  idPrefix,
  roles,
  groups,
  onRoles,
  onGroups,
}: {
  idPrefix: string;
  roles: string[];
  groups: string[];
  onRoles: (roles: string[]) => void;
  onGroups: (groups: string[]) => void;
}) {
  const { t, locale } = useI18n();
  const { catalogue } = useServices();
  const help = (r: RoleEntry) => {
    const text = (locale === 'fr' ? r.descriptionFr : r.descriptionEn) ?? r.description;
    // Keycloak's own roles describe themselves with keys of its admin console's messages
    const key = /^\$\{(.+)\}$/.exec(text ?? '')?.[1];
    if (!key) return text;
    return key in BUILT_IN ? t(BUILT_IN[key]) : undefined;
  };
  // references not in the catalogue (given by someone with more rights) stay visible, and are kept
  const unknownRoles = roles.filter((r) => !catalogue?.roles.some((c) => c.ref === r));
  const unknownGroups = groups.filter((g) => !catalogue?.groups.some((c) => c.path === g));
  const safeId = (s: string) => `${idPrefix}-${s.replace(/[^A-Za-z0-9_-]/g, '_')}`;
  return (
    <FormFieldGroup
      header={
        <FormFieldGroupHeader
          titleText={{ text: t('permissions'), id: `${idPrefix}-permissions` }}
          titleDescription={t('permissionsHelp')}
        />
      }
    >
      <FormGroup role="group" isStack label={t('roles')} fieldId={`${idPrefix}-roles`}>
        {catalogue?.roles.length === 0 && <Content component="small">{t('nothingToGrant')}</Content>}
        {catalogue?.roles.map((r) => (
          <Checkbox
            key={r.ref}
            id={safeId(`role-${r.ref}`)}
            label={r.clientId ? `${r.clientId} · ${r.name}` : r.name}
            description={help(r)}
            isChecked={roles.includes(r.ref)}
            data-ref={r.ref}
            onChange={(_e, on) => onRoles(toggled(roles, r.ref, on))}
          />
        ))}
        {unknownRoles.map((r) => (
          <Checkbox key={r} id={safeId(`role-${r}`)} label={r} description={t('notInCatalogue')} isChecked isDisabled />
        ))}
      </FormGroup>
      <FormGroup role="group" isStack label={t('groups')} fieldId={`${idPrefix}-groups`}>
        {catalogue?.groups.map((g) => (
          <Checkbox
            key={g.path}
            id={safeId(`group-${g.path}`)}
            label={g.path}
            description={g.description}
            isChecked={groups.includes(g.path)}
            data-ref={g.path}
            onChange={(_e, on) => onGroups(toggled(groups, g.path, on))}
          />
        ))}
        {unknownGroups.map((g) => (
          <Checkbox
            key={g}
            id={safeId(`group-${g}`)}
            label={g}
            description={t('notInCatalogue')}
            isChecked
            isDisabled
          />
        ))}
      </FormGroup>
    </FormFieldGroup>
  );
}
