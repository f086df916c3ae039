import { useState } from 'react';
import {
  Button,
  Content,
  EmptyState,
  EmptyStateBody,
  FormSelect,
  FormSelectOption,
  Icon,
  Label,
  LabelGroup,
  PageSection,
  SearchInput,
  Spinner,
  Title,
  Toolbar,
  ToolbarContent,
  ToolbarItem,
  Tooltip,
  Flex,
  FlexItem,
} from '@patternfly/react-core';
import { Table, Tbody, Td, Th, Thead, Tr } from '@patternfly/react-table';
import CheckCircleIcon from '@patternfly/react-icons/dist/esm/icons/check-circle-icon';
import PencilAltIcon from '@patternfly/react-icons/dist/esm/icons/pencil-alt-icon';
import TrashIcon from '@patternfly/react-icons/dist/esm/icons/trash-icon';
import PhoneIcon from '@patternfly/react-icons/dist/esm/icons/phone-icon';
import { useI18n } from '../i18n';
import { useLoad, useServices } from '../services';
import type { Invitation, LabelCount, UserSummary } from '../types';
import { ErrorAlert } from '../components/ErrorAlert';
import { StatusLabel } from '../components/StatusLabel';
import { Pager } from '../components/Pager';
import { EditAccessModal } from './EditAccessModal';
import { RemoveUserModal } from './RemoveUserModal';

const STATUSES = ['active', 'expiring', 'expired-grace', 'disabled', 'pending'] as const;

/** A row of the list: a user, or (status "pending") someone invited who has not accepted yet. */
type Row = UserSummary & { invitation?: boolean };

function fromInvitation(i: Invitation): Row {
  return {
    id: i.id,
    username: '',
    email: i.email,
    firstName: i.firstName,
    lastName: i.lastName,
    enabled: false,
    status: 'pending' as UserSummary['status'],
    labels: i.labels ?? [],
    accessExpiresOn: i.accessExpiresOn,
    authorisedCaller: i.authorisedCaller,
    invitation: true,
  };
}

export function UsersView() {
  const { t, date } = useI18n();
  const { api } = useServices();
  const [q, setQ] = useState('');
  const [query, setQuery] = useState('');
  const [status, setStatus] = useState('');
  const [label, setLabel] = useState('');
  const [first, setFirst] = useState(0);
  const [max, setMax] = useState(20);
  const [editing, setEditing] = useState<UserSummary>();
  const [removing, setRemoving] = useState<UserSummary>();

  const labels = useLoad(() => api.get<LabelCount[]>('/labels'), []);
  const users = useLoad<Row[]>(async () => {
    if (status === 'pending') {
      const invitations = await api.get<Invitation[]>('/invitations', {
        status: 'pending',
        label,
        q: query,
        first,
        max,
      });
      return invitations.map(fromInvitation);
    }
    return api.get<UserSummary[]>('/users', { label, status, q: query, first, max });
  }, [status, label, query, first, max]);

  const filter = (apply: () => void) => {
    apply();
    setFirst(0);
  };
  const name = (u: Row) => [u.firstName, u.lastName].filter(Boolean).join(' ');

  return (
    <>
      <PageSection>
        <Title headingLevel="h1" id="view-title">
          {t('usersTitle')}
        </Title>
        <Content component="p">{t('usersIntro')}</Content>
      </PageSection>
      <PageSection>
        <Toolbar id="users-toolbar">
          <ToolbarContent>
            <ToolbarItem>
              <SearchInput
                searchInputId="users-search"
                aria-label={t('searchUsers')}
                submitSearchButtonLabel={t('search')}
                resetButtonLabel={t('clearSearch')}
                placeholder={t('searchUsers')}
                value={q}
                onChange={(_e, v) => setQ(v)}
                onSearch={(_e, v) => filter(() => setQuery(v))}
                onClear={() =>
                  filter(() => {
                    setQ('');
                    setQuery('');
                  })
                }
              />
            </ToolbarItem>
            <ToolbarItem>
              <FormSelect
                id="users-status"
                aria-label={t('filterStatus')}
                value={status}
                onChange={(_e, v) => filter(() => setStatus(v))}
              >
                <FormSelectOption value="" label={t('anyStatus')} />
                {STATUSES.map((s) => (
                  <FormSelectOption key={s} value={s} label={t(`status.${s}`)} />
                ))}
              </FormSelect>
            </ToolbarItem>
            <ToolbarItem>
              <FormSelect
                id="users-label"
                aria-label={t('filterLabel')}
                value={label}
                onChange={(_e, v) => filter(() => setLabel(v))}
              >
                <FormSelectOption value="" label={t('anyLabel')} />
                {labels.data?.map((l) => (
                  <FormSelectOption key={l.label} value={l.label} label={`${l.label} (${l.users})`} />
                ))}
              </FormSelect>
            </ToolbarItem>
            <ToolbarItem variant="pagination" align={{ default: 'alignEnd' }}>
              <Pager
                first={first}
                max={max}
                count={users.data?.length ?? 0}
                onFirst={setFirst}
                onMax={(m) => filter(() => setMax(m))}
              />
            </ToolbarItem>
          </ToolbarContent>
        </Toolbar>
        <ErrorAlert error={users.error} />
        {users.loading && !users.data ? (
          <Spinner aria-label={t('loading')} />
        ) : (
          <Table aria-label={t('usersTitle')} id="users-table" variant="compact">
            <Thead>
              <Tr>
                <Th width={10}>{t('colActive')}</Th>
                <Th>{t('colUser')}</Th>
                <Th>{t('colStatus')}</Th>
                <Th>{t('colLabels')}</Th>
                <Th>{t('colEndDate')}</Th>
                <Th>{t('colCaller')}</Th>
                <Th screenReaderText={t('colActions')} />
              </Tr>
            </Thead>
            <Tbody>
              {users.data?.map((u) => {
                const active = u.enabled && (u.status === 'active' || u.status === 'expiring');
                const who = u.username || u.email || '';
                return (
                  <Tr key={u.id} id={`user-${who}`} data-username={u.username} data-status={u.status}>
                    <Td dataLabel={t('colActive')}>
                      {active ? (
                        <Icon status="success" title={t('isActive')}>
                          <CheckCircleIcon aria-label={t('isActive')} role="img" />
                        </Icon>
                      ) : (
                        <span className="pf-v6-screen-reader">{t('isNotActive')}</span>
                      )}
                    </Td>
                    <Td dataLabel={t('colUser')}>
                      <div className="ac-user">
                        <strong>{u.invitation ? u.email : u.username}</strong>
                      </div>
                      <Content component="small">
                        {[name(u), u.invitation ? t('invitedNotYetAccepted') : u.email].filter(Boolean).join(' · ')}
                      </Content>
                    </Td>
                    <Td dataLabel={t('colStatus')}>
                      <StatusLabel status={u.status} />
                    </Td>
                    <Td dataLabel={t('colLabels')}>
                      <LabelGroup numLabels={4} aria-label={t('colLabels')}>
                        {u.labels.map((l) => (
                          <Label key={l} isCompact variant="outline" data-label={l}>
                            {l}
                          </Label>
                        ))}
                      </LabelGroup>
                    </Td>
                    <Td dataLabel={t('colEndDate')} className="ac-end-date">
                      {date(u.accessExpiresOn)}
                    </Td>
                    <Td dataLabel={t('colCaller')}>
                      {u.authorisedCaller && (
                        <Label isCompact color="purple" icon={<PhoneIcon />} className="ac-caller">
                          {t('callerBadge')}
                        </Label>
                      )}
                    </Td>
                    <Td dataLabel={t('colActions')} isActionCell>
                      {!u.invitation && (
                        <Flex flexWrap={{ default: 'nowrap' }} spaceItems={{ default: 'spaceItemsSm' }}>
                          <FlexItem>
                            <Tooltip content={t('editAccessOf', { username: u.username })}>
                              <Button
                                variant="plain"
                                icon={<PencilAltIcon />}
                                aria-label={t('editAccessOf', { username: u.username })}
                                id={`edit-${u.username}`}
                                onClick={() => setEditing(u)}
                              />
                            </Tooltip>
                          </FlexItem>
                          <FlexItem>
                            <Tooltip content={t('removeUser', { username: u.username })}>
                              <Button
                                variant="plain"
                                isDanger
                                aria-label={t('removeUser', { username: u.username })}
                                id={`remove-${u.username}`}
                                onClick={() => setRemoving(u)}
                                icon={
                                  <Icon status="danger">
                                    <TrashIcon />
                                  </Icon>
                                }
                              />
                            </Tooltip>
                          </FlexItem>
                        </Flex>
                      )}
                    </Td>
                  </Tr>
                );
              })}
            </Tbody>
          </Table>
        )}
        {users.data?.length === 0 && (
          <EmptyState titleText={t('noUsersTitle')} headingLevel="h2" variant="sm">
            <EmptyStateBody>{t('noUsersBody')}</EmptyStateBody>
          </EmptyState>
        )}
      </PageSection>
      {editing && (
        <EditAccessModal
          user={editing}
          labelSuggestions={labels.data?.map((l) => l.label) ?? []}
          onClose={(saved) => {
            setEditing(undefined);
            if (saved) {
              users.reload();
              labels.reload();
            }
          }}
        />
      )}
      {removing && (
        <RemoveUserModal
          user={removing}
          onClose={(done) => {
            setRemoving(undefined);
            if (done) users.reload();
          }}
        />
      )}
    </>
  );
}
