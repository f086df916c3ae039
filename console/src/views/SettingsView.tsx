import { useEffect, useState } from 'react';
import {
  ActionGroup,
  Alert,
  Button,
  Checkbox,
  Content,
  Form,
  FormGroup,
  FormHelperText,
  FormSection,
  HelperText,
  HelperTextItem,
  PageSection,
  Spinner,
  Switch,
  TextArea,
  TextInput,
  Title,
  Flex,
  FlexItem,
} from '@patternfly/react-core';
import { Table, Tbody, Td, Th, Thead, Tr } from '@patternfly/react-table';
import MinusCircleIcon from '@patternfly/react-icons/dist/esm/icons/minus-circle-icon';
import PlusCircleIcon from '@patternfly/react-icons/dist/esm/icons/plus-circle-icon';
import { ApiError } from '../api';
import { useI18n } from '../i18n';
import type { MessageKey } from '../messages';
import { useServices } from '../services';
import type { Settings } from '../types';
import { ErrorAlert } from '../components/ErrorAlert';

/** The form as typed: numbers and lists are text until saved. */
interface Draft {
  invitationLifespanDays: string;
  expiryGraceDays: string;
  expiryReminderDays: string;
  passwordReminderDays: string;
  usernamePatterns: string;
  usernameMaxLength: string;
  plans: Array<{ plan: string; limit: string; required: string[] }>;
  notifyAdminsOnPermissionChange: boolean;
  allowInvitationToOtherEmail: boolean;
  auditRetentionDays: string;
  timeZone: string;
}

export function toDraft(s: Settings): Draft {
  return {
    invitationLifespanDays: String(s.invitationLifespanDays),
    expiryGraceDays: String(s.expiryGraceDays),
    expiryReminderDays: s.expiryReminderDays.join(', '),
    passwordReminderDays: String(s.passwordReminderDays),
    usernamePatterns: s.usernamePatterns.join('\n'),
    usernameMaxLength: String(s.usernameMaxLength),
    plans: Object.entries(s.authorisedCallerLimit)
      .sort(([a], [b]) => a.localeCompare(b))
      .map(([plan, limit]) => ({ plan, limit: String(limit), required: s.callerRequiredFields[plan] ?? [] })),
    notifyAdminsOnPermissionChange: s.notifyAdminsOnPermissionChange,
    allowInvitationToOtherEmail: s.allowInvitationToOtherEmail,
    auditRetentionDays: String(s.auditRetentionDays),
    timeZone: s.timeZone,
  };
}

/** A whole number as typed, or the text itself so that the server names the field that is wrong. */
function whole(text: string): number | string {
  return /^\s*-?\d+\s*$/.test(text) ? Number(text) : text;
}

export function fromDraft(d: Draft): Record<string, unknown> {
  return {
    invitationLifespanDays: whole(d.invitationLifespanDays),
    expiryGraceDays: whole(d.expiryGraceDays),
    expiryReminderDays: d.expiryReminderDays
      .split(/[\s,;]+/)
      .filter(Boolean)
      .map(whole),
    passwordReminderDays: whole(d.passwordReminderDays),
    usernamePatterns: d.usernamePatterns
      .split('\n')
      .map((p) => p.trim())
      .filter(Boolean),
    usernameMaxLength: whole(d.usernameMaxLength),
    authorisedCallerLimit: Object.fromEntries(d.plans.map((p) => [p.plan.trim(), whole(p.limit)])),
    callerRequiredFields: Object.fromEntries(d.plans.map((p) => [p.plan.trim(), p.required])),
    notifyAdminsOnPermissionChange: d.notifyAdminsOnPermissionChange,
    allowInvitationToOtherEmail: d.allowInvitationToOtherEmail,
    auditRetentionDays: whole(d.auditRetentionDays),
    timeZone: d.timeZone.trim(),
  };
}

const CALLER_FIELDS = ['callerPhone', 'callerCountry'] as const;

export function SettingsView() {
  const { t } = useI18n();
  const { api, notify, reloadSettings } = useServices();
  const [draft, setDraft] = useState<Draft>();
  const [loaded, setLoaded] = useState<Settings>();
  const [error, setError] = useState<unknown>();
  const [saving, setSaving] = useState(false);
  const show = (s: Settings) => {
    setLoaded(s);
    setDraft(toDraft(s));
  };

  useEffect(() => {
    api.get<Settings>('/config').then(show, setError);
  }, [api]);
  // a refused value: the field named by the server gets the focus, its message beside it
  useEffect(() => {
    const field = error instanceof ApiError ? error.field?.replace(/[[.].*$/, '') : undefined;
    const input = field ? document.getElementById(`settings-${field}`) : null;
    if (input) {
      input.scrollIntoView({ block: 'center' });
      input.focus();
    }
  }, [error]);

  if (!draft) {
    return <PageSection>{error ? <ErrorAlert error={error} /> : <Spinner aria-label={t('loading')} />}</PageSection>;
  }
  const set = (c: Partial<Draft>) => setDraft((d) => (d ? { ...d, ...c } : d));
  const fieldError = (field: string) =>
    error instanceof ApiError &&
    error.field &&
    (error.field === field || error.field.startsWith(`${field}[`) || error.field.startsWith(`${field}.`))
      ? (error.detail ?? error.error)
      : undefined;

  const save = async () => {
    setSaving(true);
    setError(undefined);
    try {
      const saved = await api.put<Settings>('/config', fromDraft(draft));
      show(saved);
      reloadSettings();
      notify('success', t('settingsSaved'));
    } catch (e) {
      if (e instanceof ApiError && e.status === 403) setLoaded((l) => (l ? { ...l, editable: false } : l));
      setError(e);
    } finally {
      setSaving(false);
    }
  };
  const readOnly = loaded?.editable === false;
  const refused = loaded?.refused ?? [];

  const number = (field: keyof Draft & string, label: MessageKey, help: MessageKey, unit: MessageKey = 'days') => {
    const problem = fieldError(field);
    return (
      <FormGroup label={t(label)} fieldId={`settings-${field}`} isRequired>
        <Flex alignItems={{ default: 'alignItemsCenter' }} spaceItems={{ default: 'spaceItemsSm' }}>
          <FlexItem>
            <TextInput
              id={`settings-${field}`}
              inputMode="numeric"
              value={draft[field] as string}
              className="ac-number"
              onChange={(_e, v) => set({ [field]: v } as Partial<Draft>)}
              validated={problem ? 'error' : 'default'}
              aria-describedby={`settings-${field}-help`}
            />
          </FlexItem>
          <FlexItem>{t(unit)}</FlexItem>
        </Flex>
        <FormHelperText>
          <HelperText id={`settings-${field}-help`}>
            {problem ? (
              <HelperTextItem variant="error" id={`settings-${field}-error`}>
                {problem}
              </HelperTextItem>
            ) : (
              <HelperTextItem>{t(help)}</HelperTextItem>
            )}
          </HelperText>
        </FormHelperText>
      </FormGroup>
    );
  };
  const helper = (field: string, help: MessageKey) => {
    const problem = fieldError(field);
    return (
      <FormHelperText>
        <HelperText id={`settings-${field}-help`}>
          {problem ? (
            <HelperTextItem variant="error" id={`settings-${field}-error`}>
              {problem}
            </HelperTextItem>
          ) : (
            <HelperTextItem>{t(help)}</HelperTextItem>
          )}
        </HelperText>
      </FormHelperText>
    );
  };
  const knownField =
    error instanceof ApiError &&
    error.field &&
    [
      'invitationLifespanDays',
      'expiryGraceDays',
      'expiryReminderDays',
      'passwordReminderDays',
      'usernamePatterns',
      'usernameMaxLength',
      'authorisedCallerLimit',
      'callerRequiredFields',
      'auditRetentionDays',
      'timeZone',
    ].some((f) => fieldError(f));

  return (
    <>
      <PageSection>
        <Title headingLevel="h1" id="view-title">
          {t('settingsTitle')}
        </Title>
        <Content component="p">{t('settingsIntro')}</Content>
      </PageSection>
      <PageSection>
        {readOnly ? (
          <Alert isInline variant="info" id="settings-read-only" title={t('settingsReadOnly')} className="ac-alert">
            {t('settingsReadOnlyBody')}
          </Alert>
        ) : null}
        {refused.length > 0 ? (
          <Alert isInline variant="warning" id="settings-refused" title={t('settingsRefused')} className="ac-alert">
            <ul>
              {refused.map((r) => (
                <li key={r.field}>{t('settingsRefusedItem', { field: r.field, value: r.value, reason: r.reason })}</li>
              ))}
            </ul>
          </Alert>
        ) : null}
        <Form
          id="settings-form"
          onSubmit={(e) => {
            e.preventDefault();
            if (!readOnly) save();
          }}
          maxWidth="56rem"
        >
          {error && !(readOnly && error instanceof ApiError && error.status === 403) ? (
            <ErrorAlert error={error} title={knownField ? t('settingsNotSaved') : undefined} />
          ) : null}
          <fieldset
            disabled={readOnly}
            className="ac-settings-fields"
            aria-describedby={readOnly ? 'settings-read-only' : undefined}
          >
            <FormSection title={t('settingsInvitations')} titleElement="h2">
              {number('invitationLifespanDays', 'invitationLifespanDays', 'invitationLifespanDaysHelp')}
              <FormGroup fieldId="settings-allowInvitationToOtherEmail">
                <Switch
                  id="settings-allowInvitationToOtherEmail"
                  label={t('allowInvitationToOtherEmail')}
                  isChecked={draft.allowInvitationToOtherEmail}
                  onChange={(_e, on) => set({ allowInvitationToOtherEmail: on })}
                />
              </FormGroup>
            </FormSection>
            <FormSection title={t('settingsExpiry')} titleElement="h2">
              {number('expiryGraceDays', 'expiryGraceDays', 'expiryGraceDaysHelp')}
              <FormGroup label={t('expiryReminderDays')} fieldId="settings-expiryReminderDays">
                <TextInput
                  id="settings-expiryReminderDays"
                  value={draft.expiryReminderDays}
                  onChange={(_e, v) => set({ expiryReminderDays: v })}
                  validated={fieldError('expiryReminderDays') ? 'error' : 'default'}
                />
                {helper('expiryReminderDays', 'expiryReminderDaysHelp')}
              </FormGroup>
              {number('passwordReminderDays', 'passwordReminderDays', 'passwordReminderDaysHelp')}
              <FormGroup label={t('timeZone')} fieldId="settings-timeZone" isRequired>
                <TextInput
                  id="settings-timeZone"
                  value={draft.timeZone}
                  onChange={(_e, v) => set({ timeZone: v })}
                  list="time-zones"
                  validated={fieldError('timeZone') ? 'error' : 'default'}
                />
                <datalist id="time-zones">
                  {(typeof Intl.supportedValuesOf === 'function' ? Intl.supportedValuesOf('timeZone') : ['UTC']).map(
                    (z) => (
                      <option key={z} value={z} />
                    ),
                  )}
                </datalist>
                {helper('timeZone', 'timeZoneHelp')}
              </FormGroup>
            </FormSection>
            <FormSection title={t('settingsUsernames')} titleElement="h2">
              <FormGroup label={t('usernamePatterns')} fieldId="settings-usernamePatterns" isRequired>
                <TextArea
                  id="settings-usernamePatterns"
                  value={draft.usernamePatterns}
                  rows={3}
                  onChange={(_e, v) => set({ usernamePatterns: v })}
                  validated={fieldError('usernamePatterns') ? 'error' : 'default'}
                  spellCheck={false}
                />
                {helper('usernamePatterns', 'usernamePatternsHelp')}
              </FormGroup>
              {number('usernameMaxLength', 'usernameMaxLength', 'usernameMaxLengthHelp', 'characters')}
            </FormSection>
            <FormSection title={t('settingsCallers')} titleElement="h2">
              <Table variant="compact" aria-label={t('settingsCallers')} id="settings-plans">
                <Thead>
                  <Tr>
                    <Th>{t('supportPlan')}</Th>
                    <Th>{t('callerLimit')}</Th>
                    <Th>{t('requiredFields')}</Th>
                    <Th screenReaderText={t('colActions')} />
                  </Tr>
                </Thead>
                <Tbody>
                  {draft.plans.map((p, i) => {
                    const update = (c: Partial<Draft['plans'][number]>) =>
                      set({ plans: draft.plans.map((x, j) => (j === i ? { ...x, ...c } : x)) });
                    return (
                      <Tr key={i}>
                        <Td dataLabel={t('supportPlan')}>
                          <TextInput
                            aria-label={t('planName')}
                            id={`settings-plan-${i}`}
                            value={p.plan}
                            onChange={(_e, v) => update({ plan: v })}
                          />
                        </Td>
                        <Td dataLabel={t('callerLimit')}>
                          <TextInput
                            aria-label={t('callerLimitOf', { plan: p.plan })}
                            id={`settings-plan-${i}-limit`}
                            inputMode="numeric"
                            className="ac-number"
                            value={p.limit}
                            onChange={(_e, v) => update({ limit: v })}
                          />
                        </Td>
                        <Td dataLabel={t('requiredFields')}>
                          {CALLER_FIELDS.map((f) => (
                            <Checkbox
                              key={f}
                              id={`settings-plan-${i}-${f}`}
                              label={t(f)}
                              isChecked={p.required.includes(f)}
                              onChange={(_e, on) =>
                                update({ required: on ? [...p.required, f] : p.required.filter((x) => x !== f) })
                              }
                            />
                          ))}
                        </Td>
                        <Td isActionCell>
                          <Button
                            variant="plain"
                            aria-label={t('removePlan', { plan: p.plan })}
                            icon={<MinusCircleIcon />}
                            onClick={() => set({ plans: draft.plans.filter((_x, j) => j !== i) })}
                          />
                        </Td>
                      </Tr>
                    );
                  })}
                </Tbody>
              </Table>
              <div>
                <Button
                  variant="link"
                  icon={<PlusCircleIcon />}
                  onClick={() => set({ plans: [...draft.plans, { plan: '', limit: '1', required: [] }] })}
                >
                  {t('addPlan')}
                </Button>
              </div>
              {helper('authorisedCallerLimit', 'callerLimitHelp')}
              {fieldError('callerRequiredFields') && helper('callerRequiredFields', 'callerLimitHelp')}
            </FormSection>
            <FormSection title={t('settingsNotifications')} titleElement="h2">
              <FormGroup fieldId="settings-notifyAdminsOnPermissionChange">
                <Switch
                  id="settings-notifyAdminsOnPermissionChange"
                  label={t('notifyAdminsOnPermissionChange')}
                  isChecked={draft.notifyAdminsOnPermissionChange}
                  onChange={(_e, on) => set({ notifyAdminsOnPermissionChange: on })}
                />
              </FormGroup>
              {number('auditRetentionDays', 'auditRetentionDays', 'auditRetentionDaysHelp')}
            </FormSection>
          </fieldset>
          {readOnly ? null : (
            <ActionGroup>
              <Button type="submit" id="settings-save" isLoading={saving} isDisabled={saving}>
                {t('save')}
              </Button>
              <Button
                variant="link"
                onClick={() => {
                  setError(undefined);
                  api.get<Settings>('/config').then(show, setError);
                }}
              >
                {t('revert')}
              </Button>
            </ActionGroup>
          )}
        </Form>
      </PageSection>
    </>
  );
}
