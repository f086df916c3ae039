import { useEffect, useState } from 'react';
import {
  Button,
  Checkbox,
  Content,
  EmptyState,
  EmptyStateBody,
  Form,
  FormGroup,
  FormHelperText,
  FormSelect,
  FormSelectOption,
  HelperText,
  HelperTextItem,
  Label,
  Modal,
  ModalBody,
  ModalFooter,
  ModalHeader,
  PageSection,
  Spinner,
  TextArea,
  Title,
  Toolbar,
  ToolbarContent,
  ToolbarItem,
  Flex,
  FlexItem,
} from '@patternfly/react-core';
import { Table, Tbody, Td, Th, Thead, Tr } from '@patternfly/react-table';
import InboxIcon from '@patternfly/react-icons/dist/esm/icons/inbox-icon';
import { useI18n } from '../i18n';
import { useLoad, useServices } from '../services';
import type { AccessRequest, Decision, UserAccess } from '../types';
import { ErrorAlert } from '../components/ErrorAlert';
import { PermissionsFields } from '../components/PermissionsFields';
import { LabelsField } from '../components/LabelsField';
import { DateField } from '../components/DateField';
import { FieldError } from './EditAccessModal';

const STATUSES = ['pending', 'approved', 'rejected', 'withdrawn'] as const;

export function RequestsView() {
  const { t, instant } = useI18n();
  const { api } = useServices();
  const [status, setStatus] = useState('pending');
  const [approving, setApproving] = useState<AccessRequest>();
  const [rejecting, setRejecting] = useState<AccessRequest>();
  const list = useLoad(() => api.get<AccessRequest[]>('/requests', { status }), [status]);

  return (
    <>
      <PageSection>
        <Title headingLevel="h1" id="view-title">
          {t('requestsTitle')}
        </Title>
        <Content component="p">{t('requestsIntro')}</Content>
      </PageSection>
      <PageSection>
        <Toolbar>
          <ToolbarContent>
            <ToolbarItem>
              <FormSelect
                id="requests-status"
                aria-label={t('filterStatus')}
                value={status}
                onChange={(_e, v) => setStatus(v)}
              >
                {STATUSES.map((s) => (
                  <FormSelectOption key={s} value={s} label={t(`request.${s}`)} />
                ))}
              </FormSelect>
            </ToolbarItem>
          </ToolbarContent>
        </Toolbar>
        <ErrorAlert error={list.error} />
        {list.loading && !list.data && <Spinner aria-label={t('loading')} />}
        {list.data?.length === 0 && (
          <EmptyState titleText={t('noRequestsTitle')} icon={InboxIcon} headingLevel="h2" variant="sm" id="no-requests">
            <EmptyStateBody>{t('noRequestsBody')}</EmptyStateBody>
          </EmptyState>
        )}
        {list.data && list.data.length > 0 && (
          <Table aria-label={t('requestsTitle')} id="requests-table" variant="compact">
            <Thead>
              <Tr>
                <Th>{t('colUser')}</Th>
                <Th width={40}>{t('colJustification')}</Th>
                <Th>{t('colAsked')}</Th>
                <Th>{t('colStatus')}</Th>
                <Th screenReaderText={t('colActions')} />
              </Tr>
            </Thead>
            <Tbody>
              {list.data.map((r) => (
                <Tr key={r.id} id={`request-${r.username}`}>
                  <Td dataLabel={t('colUser')}>
                    <strong>{r.username}</strong>
                    <div>
                      <Content component="small">{r.email}</Content>
                    </div>
                  </Td>
                  <Td dataLabel={t('colJustification')} className="ac-prewrap">
                    {r.justification}
                  </Td>
                  <Td dataLabel={t('colAsked')}>{instant(r.createdAt)}</Td>
                  <Td dataLabel={t('colStatus')}>
                    <Label
                      isCompact
                      color={r.status === 'approved' ? 'green' : r.status === 'rejected' ? 'red' : 'blue'}
                    >
                      {t(`request.${r.status}`)}
                    </Label>
                    {r.decidedBy && (
                      <div>
                        <Content component="small">
                          {t('decidedBy', { who: r.decidedBy, when: instant(r.decidedAt) })}
                        </Content>
                      </div>
                    )}
                    {r.reason && (
                      <div>
                        <Content component="small">{r.reason}</Content>
                      </div>
                    )}
                  </Td>
                  <Td dataLabel={t('colActions')} isActionCell>
                    {r.status === 'pending' && (
                      <Flex flexWrap={{ default: 'nowrap' }} spaceItems={{ default: 'spaceItemsXs' }}>
                        <FlexItem>
                          <Button
                            size="sm"
                            onClick={() => setApproving(r)}
                            id={`approve-${r.username}`}
                            aria-label={t('approveRequestOf', { username: r.username })}
                          >
                            {t('approve')}
                          </Button>
                        </FlexItem>
                        <FlexItem>
                          <Button
                            size="sm"
                            variant="secondary"
                            isDanger
                            onClick={() => setRejecting(r)}
                            id={`reject-${r.username}`}
                            aria-label={t('rejectRequestOf', { username: r.username })}
                          >
                            {t('reject')}
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
      </PageSection>
      {approving && (
        <DecisionModal
          request={approving}
          approve
          onClose={(done) => {
            setApproving(undefined);
            if (done) list.reload();
          }}
        />
      )}
      {rejecting && (
        <DecisionModal
          request={rejecting}
          approve={false}
          onClose={(done) => {
            setRejecting(undefined);
            if (done) list.reload();
          }}
        />
      )}
    </>
  );
}

/** Approving gives the access chosen here (it replaces the user's, like editing it); rejecting needs a reason. */
function DecisionModal({
  request,
  approve,
  onClose,
}: {
  request: AccessRequest;
  approve: boolean;
  onClose: (done: boolean) => void;
}) {
  const { t } = useI18n();
  const { api, notify } = useServices();
  const [d, setD] = useState<Decision>({
    roles: [],
    groups: [],
    labels: [],
    accessExpiresOn: '',
    notifyUser: true,
    note: '',
    reason: '',
  });
  const [loaded, setLoaded] = useState(!approve);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>();
  const set = (c: Partial<Decision>) => setD((x) => ({ ...x, ...c }));
  useEffect(() => {
    if (!approve) return;
    // start from what the user has now
    api.get<UserAccess>(`/users/${encodeURIComponent(request.userId)}/access`).then(
      (a) => {
        set({ roles: a.roles, groups: a.groups, labels: a.labels, accessExpiresOn: a.accessExpiresOn ?? '' });
        setLoaded(true);
      },
      () => setLoaded(true),
    );
  }, [api, approve, request.userId]);
  const decide = async () => {
    setBusy(true);
    setError(undefined);
    try {
      const body: Decision = approve
        ? {
            roles: d.roles,
            groups: d.groups,
            labels: d.labels,
            accessExpiresOn: d.accessExpiresOn || null,
            notifyUser: d.notifyUser,
            note: d.note?.trim() || undefined,
          }
        : { reason: d.reason?.trim(), note: d.note?.trim() || undefined };
      await api.post(`/requests/${request.id}/${approve ? 'approve' : 'reject'}`, body);
      notify(
        'success',
        approve
          ? t('requestApproved', { username: request.username })
          : t('requestRejected', { username: request.username }),
      );
      onClose(true);
    } catch (e) {
      setError(e);
      setBusy(false);
    }
  };
  return (
    <Modal
      isOpen
      variant={approve ? 'medium' : 'small'}
      onClose={() => onClose(false)}
      aria-labelledby="decision-title"
      id={approve ? 'approve-request' : 'reject-request'}
    >
      <ModalHeader
        labelId="decision-title"
        title={
          approve ? t('approveTitle', { username: request.username }) : t('rejectTitle', { username: request.username })
        }
        description={request.justification}
      />
      <ModalBody>
        {!loaded ? (
          <Spinner aria-label={t('loading')} />
        ) : (
          <Form
            onSubmit={(e) => {
              e.preventDefault();
              decide();
            }}
          >
            <ErrorAlert error={error} />
            {approve ? (
              <>
                <PermissionsFields
                  idPrefix="approve"
                  roles={d.roles ?? []}
                  groups={d.groups ?? []}
                  onRoles={(roles) => set({ roles })}
                  onGroups={(groups) => set({ groups })}
                />
                <FormGroup label={t('labels')} fieldId="approve-labels">
                  <LabelsField id="approve-labels" value={d.labels ?? []} onChange={(labels) => set({ labels })} />
                  <FieldError error={error} field="labels" />
                </FormGroup>
                <FormGroup label={t('endDate')} fieldId="approve-expires-on">
                  <DateField
                    id="approve-expires-on"
                    label={t('endDate')}
                    value={d.accessExpiresOn ?? ''}
                    onChange={(v) => set({ accessExpiresOn: v })}
                  />
                  <FieldError error={error} field="accessExpiresOn" />
                </FormGroup>
                <FormGroup fieldId="approve-notify">
                  <Checkbox
                    id="approve-notify"
                    label={t('notifyUser')}
                    isChecked={!!d.notifyUser}
                    onChange={(_e, on) => set({ notifyUser: on })}
                  />
                </FormGroup>
              </>
            ) : (
              <FormGroup label={t('reason')} fieldId="reject-reason" isRequired>
                <TextArea
                  id="reject-reason"
                  value={d.reason}
                  onChange={(_e, v) => set({ reason: v })}
                  maxLength={1000}
                  isRequired
                />
                <FormHelperText>
                  <HelperText>
                    <HelperTextItem>{t('reasonHelp')}</HelperTextItem>
                  </HelperText>
                </FormHelperText>
                <FieldError error={error} field="reason" />
              </FormGroup>
            )}
            <FormGroup label={t('note')} fieldId="decision-note">
              <TextArea id="decision-note" value={d.note} onChange={(_e, v) => set({ note: v })} maxLength={1000} />
              <FieldError error={error} field="note" />
            </FormGroup>
          </Form>
        )}
      </ModalBody>
      <ModalFooter>
        <Button
          variant={approve ? 'primary' : 'danger'}
          id="decision-confirm"
          onClick={decide}
          isLoading={busy}
          isDisabled={busy || !loaded || (!approve && !d.reason?.trim())}
        >
          {approve ? t('approve') : t('reject')}
        </Button>
        <Button variant="link" onClick={() => onClose(false)}>
          {t('cancel')}
        </Button>
      </ModalFooter>
    </Modal>
  );
}
