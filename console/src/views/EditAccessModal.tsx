import { useEffect, useState } from 'react';
import {
  ActionGroup,
  Button,
  Checkbox,
  Form,
  FormGroup,
  FormHelperText,
  FormSelect,
  FormSelectOption,
  HelperText,
  HelperTextItem,
  Modal,
  ModalBody,
  ModalFooter,
  ModalHeader,
  Spinner,
  Switch,
  TextArea,
  TextInput,
} from '@patternfly/react-core';
import { ApiError } from '../api';
import { useI18n } from '../i18n';
import { useServices } from '../services';
import type { AccessUpdate, UserAccess, UserSummary } from '../types';
import { ErrorAlert } from '../components/ErrorAlert';
import { PermissionsFields } from '../components/PermissionsFields';
import { LabelsField } from '../components/LabelsField';
import { DateField } from '../components/DateField';

/** The body that replaces a user's access: the document as read, with what changed. */
export function accessUpdate(a: UserAccess, change: Partial<AccessUpdate> = {}): AccessUpdate {
  const caller = change.authorisedCaller ?? a.authorisedCaller;
  return {
    roles: a.roles ?? [],
    groups: a.groups ?? [],
    labels: a.labels ?? [],
    accessExpiresOn: a.accessExpiresOn || null,
    authorisedCaller: a.authorisedCaller,
    supportPlan: caller ? (a.supportPlan ?? null) : null,
    callerPhone: caller ? (a.callerPhone ?? null) : null,
    callerCountry: caller ? (a.callerCountry ?? null) : null,
    notifyUser: false,
    ...change,
  };
}

function FieldError({ error, field }: { error: unknown; field: string }) {
  if (!(error instanceof ApiError) || !error.field) return null;
  const f = error.field;
  if (f !== field && !f.startsWith(`${field}[`) && !f.startsWith(`${field}.`)) return null;
  return (
    <FormHelperText>
      <HelperText>
        <HelperTextItem variant="error" id={`error-${field}`}>
          {error.detail ?? error.error}
        </HelperTextItem>
      </HelperText>
    </FormHelperText>
  );
}

export function fieldState(error: unknown, field: string): 'error' | 'default' {
  return error instanceof ApiError && error.field && (error.field === field || error.field.startsWith(`${field}[`))
    ? 'error'
    : 'default';
}

export { FieldError };

/** A user's access in a dialog: permissions, labels, end date, authorised caller; saved with a note. */
export function EditAccessModal({
  user,
  onClose,
  labelSuggestions,
}: {
  user: UserSummary;
  onClose: (saved: boolean) => void;
  labelSuggestions: string[];
}) {
  const { t } = useI18n();
  const { api, settings, notify } = useServices();
  const [access, setAccess] = useState<UserAccess>();
  const [loadError, setLoadError] = useState<unknown>();
  const [notifyUser, setNotifyUser] = useState(false);
  const [note, setNote] = useState('');
  const [saving, setSaving] = useState(false);
  const [error, setError] = useState<unknown>();

  useEffect(() => {
    api.get<UserAccess>(`/users/${encodeURIComponent(user.id)}/access`).then(setAccess, setLoadError);
  }, [api, user.id]);

  const set = (change: Partial<UserAccess>) => setAccess((a) => (a ? { ...a, ...change } : a));
  const plans = Object.keys(settings?.authorisedCallerLimit ?? { standard: 2, premium: 10 });
  const required = access?.supportPlan ? (settings?.callerRequiredFields?.[access.supportPlan] ?? []) : [];

  const save = async () => {
    if (!access) return;
    setSaving(true);
    setError(undefined);
    try {
      await api.put(
        `/users/${encodeURIComponent(user.id)}/access`,
        accessUpdate(access, { notifyUser, note: note.trim() || null, authorisedCaller: access.authorisedCaller }),
      );
      notify('success', t('accessSaved', { username: user.username }));
      onClose(true);
    } catch (e) {
      setError(e);
      setSaving(false);
    }
  };

  return (
    <Modal isOpen variant="medium" onClose={() => onClose(false)} aria-labelledby="edit-access-title" id="edit-access">
      <ModalHeader
        title={t('accessOf', { username: user.username })}
        labelId="edit-access-title"
        description={[user.firstName, user.lastName].filter(Boolean).join(' ') + (user.email ? ` · ${user.email}` : '')}
      />
      <ModalBody>
        <ErrorAlert error={loadError} />
        {!access && !loadError && <Spinner aria-label={t('loading')} />}
        {access && (
          <Form
            id="edit-access-form"
            onSubmit={(e) => {
              e.preventDefault();
              save();
            }}
          >
            <ErrorAlert error={error} />
            <PermissionsFields
              idPrefix="access"
              roles={access.roles}
              groups={access.groups}
              onRoles={(roles) => set({ roles })}
              onGroups={(groups) => set({ groups })}
            />
            <FormGroup label={t('labels')} fieldId="access-labels">
              <LabelsField
                id="access-labels"
                value={access.labels}
                onChange={(labels) => set({ labels })}
                suggestions={labelSuggestions}
              />
              <FormHelperText>
                <HelperText>
                  <HelperTextItem id="access-labels-help">{t('labelsHelp')}</HelperTextItem>
                </HelperText>
              </FormHelperText>
              <FieldError error={error} field="labels" />
            </FormGroup>
            <FormGroup label={t('endDate')} fieldId="access-expires-on">
              <DateField
                id="access-expires-on"
                label={t('endDate')}
                value={access.accessExpiresOn ?? ''}
                onChange={(v) => set({ accessExpiresOn: v })}
              />
              <FormHelperText>
                <HelperText>
                  <HelperTextItem>{t('endDateHelp', { days: settings?.expiryGraceDays ?? 30 })}</HelperTextItem>
                </HelperText>
              </FormHelperText>
              <FieldError error={error} field="accessExpiresOn" />
            </FormGroup>
            <FormGroup label={t('authorisedCaller')} fieldId="access-caller" hasNoPaddingTop>
              <Switch
                id="access-caller"
                label={t('callerYes')}
                isChecked={access.authorisedCaller}
                onChange={(_e, on) =>
                  set({ authorisedCaller: on, supportPlan: on ? (access.supportPlan ?? plans[0]) : access.supportPlan })
                }
              />
              <FormHelperText>
                <HelperText>
                  <HelperTextItem>{t('callerHelp')}</HelperTextItem>
                </HelperText>
              </FormHelperText>
              <FieldError error={error} field="authorisedCaller" />
            </FormGroup>
            {access.authorisedCaller && (
              <>
                <FormGroup label={t('supportPlan')} fieldId="access-plan" isRequired>
                  <FormSelect
                    id="access-plan"
                    value={access.supportPlan ?? ''}
                    onChange={(_e, v) => set({ supportPlan: v })}
                    validated={fieldState(error, 'supportPlan')}
                  >
                    {plans.map((p) => (
                      <FormSelectOption
                        key={p}
                        value={p}
                        label={t('planWithLimit', { plan: p, limit: settings?.authorisedCallerLimit?.[p] ?? '?' })}
                      />
                    ))}
                  </FormSelect>
                  <FieldError error={error} field="supportPlan" />
                </FormGroup>
                <FormGroup
                  label={t('callerPhone')}
                  fieldId="access-phone"
                  isRequired={required.includes('callerPhone')}
                >
                  <TextInput
                    id="access-phone"
                    type="tel"
                    value={access.callerPhone ?? ''}
                    onChange={(_e, v) => set({ callerPhone: v })}
                    validated={fieldState(error, 'callerPhone')}
                    autoComplete="off"
                  />
                  <FieldError error={error} field="callerPhone" />
                </FormGroup>
                <FormGroup
                  label={t('callerCountry')}
                  fieldId="access-country"
                  isRequired={required.includes('callerCountry')}
                >
                  <TextInput
                    id="access-country"
                    value={access.callerCountry ?? ''}
                    maxLength={2}
                    placeholder="FR"
                    onChange={(_e, v) => set({ callerCountry: v.toUpperCase() })}
                    validated={fieldState(error, 'callerCountry')}
                  />
                  <FieldError error={error} field="callerCountry" />
                </FormGroup>
              </>
            )}
            <FormGroup fieldId="access-notify">
              <Checkbox
                id="access-notify"
                label={t('notifyUser')}
                description={t('notifyUserHelp')}
                isChecked={notifyUser}
                onChange={(_e, on) => setNotifyUser(on)}
              />
            </FormGroup>
            <FormGroup label={t('note')} fieldId="access-note">
              <TextArea
                id="access-note"
                value={note}
                onChange={(_e, v) => setNote(v)}
                resizeOrientation="vertical"
                maxLength={1000}
              />
              <FormHelperText>
                <HelperText>
                  <HelperTextItem>{t('noteHelp')}</HelperTextItem>
                </HelperText>
              </FormHelperText>
              <FieldError error={error} field="note" />
            </FormGroup>
            <ActionGroup hidden />
          </Form>
        )}
      </ModalBody>
      <ModalFooter>
        <Button variant="primary" id="access-save" onClick={save} isDisabled={!access || saving} isLoading={saving}>
          {t('save')}
        </Button>
        <Button variant="link" onClick={() => onClose(false)}>
          {t('cancel')}
        </Button>
      </ModalFooter>
    </Modal>
  );
}
