import { useState } from 'react';
import {
  Button,
  Checkbox,
  Content,
  EmptyState,
  EmptyStateBody,
  Form,
  FormGroup,
  FormSelect,
  FormSelectOption,
  Label,
  LabelGroup,
  Modal,
  ModalBody,
  ModalFooter,
  ModalHeader,
  PageSection,
  SearchInput,
  Spinner,
  Switch,
  TextArea,
  TextInput,
  Title,
  Toolbar,
  ToolbarContent,
  ToolbarItem,
  Tooltip,
  Flex,
  FlexItem,
} from '@patternfly/react-core';
import { Table, Tbody, Td, Th, Thead, Tr } from '@patternfly/react-table';
import { useI18n } from '../i18n';
import { useLoad, useServices } from '../services';
import type { Invitation, InvitationUpdate } from '../types';
import { ErrorAlert } from '../components/ErrorAlert';
import { Pager } from '../components/Pager';
import { PermissionsFields } from '../components/PermissionsFields';
import { LabelsField } from '../components/LabelsField';
import { DateField } from '../components/DateField';
import { FieldError } from './EditAccessModal';

const STATUSES = ['pending', 'accepted', 'revoked', 'replaced', 'expired'] as const;

function Delivery({ invitation }: { invitation: Invitation }) {
  const { t, instant } = useI18n();
  const d = invitation.emailDelivery;
  if (!d) return <>—</>;
  const color = d.status === 'sent' ? 'green' : d.status === 'failed' ? 'red' : 'blue';
  const label = (
    <Label isCompact color={color} data-delivery={d.status}>
      {t(`delivery.${d.status}`)}
    </Label>
  );
  const detail = [
    d.sentAt ? t('sentAt', { when: instant(d.sentAt) }) : '',
    d.attempts ? t('attempts', { n: d.attempts }) : '',
    d.lastError ? t('lastError', { error: d.lastError }) : '',
  ]
    .filter(Boolean)
    .join(' · ');
  return detail ? (
    <Tooltip content={detail}>
      <span tabIndex={0} aria-label={`${t(`delivery.${d.status}`)}. ${detail}`}>
        {label}
      </span>
    </Tooltip>
  ) : (
    label
  );
}

export function InvitationsView() {
  const { t, date, instant } = useI18n();
  const { api, notify } = useServices();
  const [status, setStatus] = useState('pending');
  const [q, setQ] = useState('');
  const [query, setQuery] = useState('');
  const [first, setFirst] = useState(0);
  const [max, setMax] = useState(20);
  const [editing, setEditing] = useState<Invitation>();
  const [revoking, setRevoking] = useState<Invitation>();
  const [busy, setBusy] = useState<string>();
  const [error, setError] = useState<unknown>();

  const list = useLoad(
    () => api.get<Invitation[]>('/invitations', { status, q: query, first, max }),
    [status, query, first, max],
  );

  const resend = async (i: Invitation) => {
    setBusy(i.id);
    setError(undefined);
    try {
      await api.post(`/invitations/${i.id}/resend`);
      notify('success', t('invitationResent', { email: i.email }));
      list.reload();
    } catch (e) {
      setError(e);
    } finally {
      setBusy(undefined);
    }
  };

  return (
    <>
      <PageSection>
        <Title headingLevel="h1" id="view-title">
          {t('invitationsTitle')}
        </Title>
        <Content component="p">{t('invitationsIntro')}</Content>
      </PageSection>
      <PageSection>
        <Toolbar>
          <ToolbarContent>
            <ToolbarItem>
              <SearchInput
                searchInputId="invitations-search"
                aria-label={t('searchInvitations')}
                submitSearchButtonLabel={t('search')}
                resetButtonLabel={t('clearSearch')}
                placeholder={t('searchInvitations')}
                value={q}
                onChange={(_e, v) => setQ(v)}
                onSearch={(_e, v) => {
                  setQuery(v);
                  setFirst(0);
                }}
                onClear={() => {
                  setQ('');
                  setQuery('');
                  setFirst(0);
                }}
              />
            </ToolbarItem>
            <ToolbarItem>
              <FormSelect
                id="invitations-status"
                aria-label={t('filterStatus')}
                value={status}
                onChange={(_e, v) => {
                  setStatus(v);
                  setFirst(0);
                }}
              >
                {STATUSES.map((s) => (
                  <FormSelectOption key={s} value={s} label={t(`invitation.${s}`)} />
                ))}
              </FormSelect>
            </ToolbarItem>
            <ToolbarItem variant="pagination" align={{ default: 'alignEnd' }}>
              <Pager
                idPrefix="invitations-pager"
                first={first}
                max={max}
                count={list.data?.length ?? 0}
                onFirst={setFirst}
                onMax={(m) => {
                  setMax(m);
                  setFirst(0);
                }}
              />
            </ToolbarItem>
          </ToolbarContent>
        </Toolbar>
        <ErrorAlert error={list.error ?? error} />
        {list.loading && !list.data ? (
          <Spinner aria-label={t('loading')} />
        ) : (
          <Table aria-label={t('invitationsTitle')} id="invitations-table" variant="compact">
            <Thead>
              <Tr>
                <Th>{t('colEmail')}</Th>
                <Th>{t('colInvited')}</Th>
                <Th>{t('colLinkValidUntil')}</Th>
                <Th>{t('colLabels')}</Th>
                <Th>{t('colEndDate')}</Th>
                <Th>{t('colEmailDelivery')}</Th>
                <Th screenReaderText={t('colActions')} />
              </Tr>
            </Thead>
            <Tbody>
              {list.data?.map((i) => (
                <Tr key={i.id} id={`invitation-${i.email}`} data-status={i.status}>
                  <Td dataLabel={t('colEmail')}>
                    <strong>{i.email}</strong>
                    <div>
                      <Content component="small">{[i.firstName, i.lastName].filter(Boolean).join(' ')}</Content>
                    </div>
                    {i.problem && (
                      <div className="ac-invitation-problem">
                        <Label isCompact color="orange">
                          {t('invitationNeedsRenewal')}
                        </Label>{' '}
                        <Content component="small">{i.problem}</Content>
                      </div>
                    )}
                  </Td>
                  <Td dataLabel={t('colInvited')}>
                    {instant(i.createdAt)}
                    {i.invitedByName || i.invitedBy ? (
                      <div>
                        <Content component="small">
                          {t('byWhom', { who: i.invitedByName ?? i.invitedBy ?? '' })}
                        </Content>
                      </div>
                    ) : null}
                  </Td>
                  <Td dataLabel={t('colLinkValidUntil')}>{instant(i.expiresAt)}</Td>
                  <Td dataLabel={t('colLabels')}>
                    <LabelGroup numLabels={3} aria-label={t('colLabels')}>
                      {(i.labels ?? []).map((l) => (
                        <Label key={l} isCompact variant="outline">
                          {l}
                        </Label>
                      ))}
                    </LabelGroup>
                  </Td>
                  <Td dataLabel={t('colEndDate')}>{date(i.accessExpiresOn)}</Td>
                  <Td dataLabel={t('colEmailDelivery')}>
                    <Delivery invitation={i} />
                  </Td>
                  <Td dataLabel={t('colActions')} isActionCell>
                    {i.status === 'pending' && (
                      <Flex flexWrap={{ default: 'nowrap' }} spaceItems={{ default: 'spaceItemsXs' }}>
                        <FlexItem>
                          <Button
                            variant="link"
                            isInline
                            size="sm"
                            onClick={() => resend(i)}
                            isLoading={busy === i.id}
                            aria-label={t('resendTo', { email: i.email })}
                            id={`resend-${i.email}`}
                          >
                            {t('resend')}
                          </Button>
                        </FlexItem>
                        <FlexItem>
                          <Button
                            variant="link"
                            isInline
                            size="sm"
                            onClick={() => setEditing(i)}
                            aria-label={t('editInvitationOf', { email: i.email })}
                            id={`edit-invitation-${i.email}`}
                          >
                            {t('edit')}
                          </Button>
                        </FlexItem>
                        <FlexItem>
                          <Button
                            variant="link"
                            isInline
                            isDanger
                            size="sm"
                            onClick={() => setRevoking(i)}
                            aria-label={t('revokeInvitationOf', { email: i.email })}
                            id={`revoke-${i.email}`}
                          >
                            {t('revoke')}
                          </Button>
                        </FlexItem>
                      </Flex>
                    )}
                  </Td>
                </Tr>
              ))}
            </Tbody>
          </Table>
        )}
        {list.data?.length === 0 && (
          <EmptyState titleText={t('noInvitationsTitle')} headingLevel="h2" variant="sm">
            <EmptyStateBody>{t('noInvitationsBody')}</EmptyStateBody>
          </EmptyState>
        )}
      </PageSection>
      {editing && (
        <EditInvitationModal
          invitation={editing}
          onClose={(saved) => {
            setEditing(undefined);
            if (saved) list.reload();
          }}
        />
      )}
      {revoking && (
        <Modal
          isOpen
          variant="small"
          onClose={() => setRevoking(undefined)}
          aria-labelledby="revoke-title"
          id="revoke-invitation"
        >
          <ModalHeader
            title={t('revokeTitle', { email: revoking.email })}
            labelId="revoke-title"
            titleIconVariant="warning"
          />
          <ModalBody>{t('revokeWhat')}</ModalBody>
          <ModalFooter>
            <Button
              variant="danger"
              id="revoke-confirm"
              onClick={async () => {
                const i = revoking;
                setRevoking(undefined);
                try {
                  await api.delete(`/invitations/${i.id}`);
                  notify('success', t('invitationRevoked', { email: i.email }));
                  list.reload();
                } catch (e) {
                  setError(e);
                }
              }}
            >
              {t('revoke')}
            </Button>
            <Button variant="link" onClick={() => setRevoking(undefined)}>
              {t('cancel')}
            </Button>
          </ModalFooter>
        </Modal>
      )}
    </>
  );
}

function EditInvitationModal({ invitation, onClose }: { invitation: Invitation; onClose: (saved: boolean) => void }) {
  const { t } = useI18n();
  const { api, notify } = useServices();
  const [v, setV] = useState<InvitationUpdate>({
    firstName: invitation.firstName ?? '',
    lastName: invitation.lastName ?? '',
    roles: invitation.roles ?? [],
    groups: invitation.groups ?? [],
    labels: invitation.labels ?? [],
    accessExpiresOn: invitation.accessExpiresOn ?? '',
    authorisedCaller: invitation.authorisedCaller,
    message: invitation.message ?? '',
    locale: invitation.locale ?? 'fr',
    note: '',
    notifyInvitee: true,
  });
  const [saving, setSaving] = useState(false);
  const [error, setError] = useState<unknown>();
  const set = (c: Partial<InvitationUpdate>) => setV((x) => ({ ...x, ...c }));
  const save = async () => {
    setSaving(true);
    setError(undefined);
    try {
      await api.put(`/invitations/${invitation.id}`, { ...v, note: v.note?.trim() || undefined });
      notify('success', t('invitationSaved', { email: invitation.email }));
      onClose(true);
    } catch (e) {
      setError(e);
      setSaving(false);
    }
  };
  return (
    <Modal
      isOpen
      variant="medium"
      onClose={() => onClose(false)}
      aria-labelledby="edit-invitation-title"
      id="edit-invitation"
    >
      <ModalHeader
        title={t('invitationOf', { email: invitation.email })}
        labelId="edit-invitation-title"
        description={t('editInvitationHelp')}
      />
      <ModalBody>
        <Form
          onSubmit={(e) => {
            e.preventDefault();
            save();
          }}
        >
          <ErrorAlert error={error} />
          <FormGroup label={t('firstName')} fieldId="invitation-first-name">
            <TextInput id="invitation-first-name" value={v.firstName} onChange={(_e, x) => set({ firstName: x })} />
            <FieldError error={error} field="firstName" />
          </FormGroup>
          <FormGroup label={t('lastName')} fieldId="invitation-last-name">
            <TextInput id="invitation-last-name" value={v.lastName} onChange={(_e, x) => set({ lastName: x })} />
            <FieldError error={error} field="lastName" />
          </FormGroup>
          <PermissionsFields
            idPrefix="invitation"
            roles={v.roles ?? []}
            groups={v.groups ?? []}
            onRoles={(roles) => set({ roles })}
            onGroups={(groups) => set({ groups })}
          />
          <FormGroup label={t('labels')} fieldId="invitation-labels">
            <LabelsField id="invitation-labels" value={v.labels ?? []} onChange={(labels) => set({ labels })} />
            <FieldError error={error} field="labels" />
          </FormGroup>
          <FormGroup label={t('endDate')} fieldId="invitation-expires-on">
            <DateField
              id="invitation-expires-on"
              label={t('endDate')}
              value={v.accessExpiresOn ?? ''}
              onChange={(x) => set({ accessExpiresOn: x })}
            />
            <FieldError error={error} field="accessExpiresOn" />
          </FormGroup>
          <FormGroup label={t('authorisedCaller')} fieldId="invitation-caller" hasNoPaddingTop>
            <Switch
              id="invitation-caller"
              label={t('callerYes')}
              isChecked={!!v.authorisedCaller}
              onChange={(_e, on) => set({ authorisedCaller: on })}
            />
          </FormGroup>
          <FormGroup label={t('message')} fieldId="invitation-message">
            <TextArea
              id="invitation-message"
              value={v.message}
              onChange={(_e, x) => set({ message: x })}
              maxLength={2000}
            />
            <FieldError error={error} field="message" />
          </FormGroup>
          <FormGroup label={t('emailLanguage')} fieldId="invitation-locale">
            <FormSelect id="invitation-locale" value={v.locale} onChange={(_e, x) => set({ locale: x })}>
              <FormSelectOption value="fr" label="Français" />
              <FormSelectOption value="en" label="English" />
            </FormSelect>
          </FormGroup>
          <FormGroup label={t('note')} fieldId="invitation-note">
            <TextArea id="invitation-note" value={v.note} onChange={(_e, x) => set({ note: x })} maxLength={1000} />
          </FormGroup>
          <FormGroup fieldId="invitation-notify">
            <Checkbox
              id="invitation-notify"
              label={t('notifyInvitee')}
              isChecked={!!v.notifyInvitee}
              onChange={(_e, on) => set({ notifyInvitee: on })}
            />
          </FormGroup>
        </Form>
      </ModalBody>
      <ModalFooter>
        <Button variant="primary" id="invitation-save" onClick={save} isLoading={saving} isDisabled={saving}>
          {t('save')}
        </Button>
        <Button variant="link" onClick={() => onClose(false)}>
          {t('cancel')}
        </Button>
      </ModalFooter>
    </Modal>
  );
}
