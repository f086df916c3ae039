import { Fragment, useState } from 'react';
import {
  ActionGroup,
  Button,
  Content,
  EmptyState,
  EmptyStateBody,
  Form,
  FormGroup,
  FormSelect,
  FormSelectOption,
  Grid,
  GridItem,
  PageSection,
  Spinner,
  TextInput,
  Title,
  Toolbar,
  ToolbarContent,
  ToolbarItem,
  CodeBlock,
  CodeBlockCode,
} from '@patternfly/react-core';
import { ExpandableRowContent, Table, Tbody, Td, Th, Thead, Tr } from '@patternfly/react-table';
import DownloadIcon from '@patternfly/react-icons/dist/esm/icons/download-icon';
import { useI18n } from '../i18n';
import { useLoad, useServices } from '../services';
import type { AuditRecord } from '../types';
import { ErrorAlert } from '../components/ErrorAlert';
import { DateField } from '../components/DateField';
import { Pager } from '../components/Pager';

export const AUDIT_TYPES = [
  'USER_DECLARED',
  'PERMISSIONS_CHANGED',
  'INVITATION_SENT',
  'INVITATION_EDITED',
  'INVITATION_REVOKED',
  'INVITATION_RESENT',
  'INVITATION_ACCEPTED',
  'INVITATION_PURGED',
  'ACCESS_REQUESTED',
  'REQUEST_APPROVED',
  'REQUEST_REJECTED',
  'ACCESS_EXPIRED',
  'ACCESS_RESTORED',
  'ACCOUNT_DELETED',
  'USER_OFFBOARDED',
  'REQUEST_WITHDRAWN',
  'SETTINGS_CHANGED',
];

interface Filters {
  user: string;
  actor: string;
  type: string;
  from: string;
  to: string;
}

const EMPTY: Filters = { user: '', actor: '', type: '', from: '', to: '' };

/** What changed between two snapshots, one line a field: "roles: [a] → [a, b]". */
export function changes(before: unknown, after: unknown): string[] {
  const b = (before ?? {}) as Record<string, unknown>;
  const a = (after ?? {}) as Record<string, unknown>;
  if (typeof b !== 'object' || typeof a !== 'object') return [];
  const keys = [...new Set([...Object.keys(b), ...Object.keys(a)])];
  const show = (v: unknown) =>
    v === undefined || v === null || v === ''
      ? '∅'
      : Array.isArray(v)
        ? `[${v.join(', ')}]`
        : typeof v === 'object'
          ? JSON.stringify(v)
          : String(v);
  return keys
    .filter((k) => JSON.stringify(b[k]) !== JSON.stringify(a[k]))
    .map((k) => `${k}: ${show(b[k])} → ${show(a[k])}`);
}

export function AuditView() {
  const { t, instant } = useI18n();
  const { api, config } = useServices();
  const [draft, setDraft] = useState<Filters>(EMPTY);
  const [filters, setFilters] = useState<Filters>(EMPTY);
  const [first, setFirst] = useState(0);
  const [max, setMax] = useState(50);
  const [open, setOpen] = useState<string[]>([]);
  const [downloading, setDownloading] = useState(false);
  const [error, setError] = useState<unknown>();
  const list = useLoad(() => api.get<AuditRecord[]>('/audit', { ...filters, first, max }), [filters, first, max]);
  const set = (c: Partial<Filters>) => setDraft((d) => ({ ...d, ...c }));

  const download = async () => {
    setDownloading(true);
    setError(undefined);
    try {
      const blob = await api.download('/audit', { ...filters, max: 10000 }, 'text/csv');
      const url = URL.createObjectURL(blob);
      const a = document.createElement('a');
      a.href = url;
      a.download = `access-audit-${config.realm}.csv`;
      document.body.appendChild(a);
      a.click();
      a.remove();
      window.setTimeout(() => URL.revokeObjectURL(url), 10_000);
    } catch (e) {
      setError(e);
    } finally {
      setDownloading(false);
    }
  };

  return (
    <>
      <PageSection>
        <Title headingLevel="h1" id="view-title">
          {t('auditTitle')}
        </Title>
        <Content component="p">{t('auditIntro')}</Content>
      </PageSection>
      <PageSection>
        <Form
          id="audit-filters"
          onSubmit={(e) => {
            e.preventDefault();
            setFilters(draft);
            setFirst(0);
          }}
        >
          <Grid hasGutter md={4} xl={2}>
            <GridItem>
              <FormGroup label={t('auditUser')} fieldId="audit-user">
                <TextInput id="audit-user" value={draft.user} onChange={(_e, v) => set({ user: v })} />
              </FormGroup>
            </GridItem>
            <GridItem>
              <FormGroup label={t('auditActor')} fieldId="audit-actor">
                <TextInput id="audit-actor" value={draft.actor} onChange={(_e, v) => set({ actor: v })} />
              </FormGroup>
            </GridItem>
            <GridItem>
              <FormGroup label={t('auditType')} fieldId="audit-type">
                <FormSelect id="audit-type" value={draft.type} onChange={(_e, v) => set({ type: v })}>
                  <FormSelectOption value="" label={t('anyType')} />
                  {AUDIT_TYPES.map((k) => (
                    <FormSelectOption key={k} value={k} label={k} />
                  ))}
                </FormSelect>
              </FormGroup>
            </GridItem>
            <GridItem>
              <FormGroup label={t('auditFrom')} fieldId="audit-from">
                <DateField
                  id="audit-from"
                  label={t('auditFrom')}
                  value={draft.from}
                  onChange={(v) => set({ from: v })}
                  clearable={false}
                />
              </FormGroup>
            </GridItem>
            <GridItem>
              <FormGroup label={t('auditTo')} fieldId="audit-to">
                <DateField
                  id="audit-to"
                  label={t('auditTo')}
                  value={draft.to}
                  onChange={(v) => set({ to: v })}
                  clearable={false}
                />
              </FormGroup>
            </GridItem>
          </Grid>
          <ActionGroup>
            <Button type="submit" id="audit-apply">
              {t('applyFilters')}
            </Button>
            <Button
              variant="link"
              onClick={() => {
                setDraft(EMPTY);
                setFilters(EMPTY);
                setFirst(0);
              }}
            >
              {t('resetFilters')}
            </Button>
            <Button
              variant="secondary"
              icon={<DownloadIcon />}
              onClick={download}
              isLoading={downloading}
              id="audit-csv"
            >
              {t('downloadCsv')}
            </Button>
          </ActionGroup>
        </Form>
      </PageSection>
      <PageSection>
        <Toolbar>
          <ToolbarContent>
            <ToolbarItem variant="pagination" align={{ default: 'alignEnd' }}>
              <Pager
                idPrefix="audit-pager"
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
        {list.loading && !list.data && <Spinner aria-label={t('loading')} />}
        {list.data?.length === 0 && (
          <EmptyState titleText={t('noAuditTitle')} headingLevel="h2" variant="sm">
            <EmptyStateBody>{t('noAuditBody')}</EmptyStateBody>
          </EmptyState>
        )}
        {list.data && list.data.length > 0 && (
          <Table aria-label={t('auditTitle')} id="audit-table" variant="compact">
            <Thead>
              <Tr>
                <Th screenReaderText={t('details')} />
                <Th>{t('colTime')}</Th>
                <Th>{t('colType')}</Th>
                <Th>{t('colActor')}</Th>
                <Th>{t('colTarget')}</Th>
                <Th>{t('colChange')}</Th>
                <Th>{t('note')}</Th>
              </Tr>
            </Thead>
            {list.data.map((r, i) => {
              const isOpen = open.includes(r.id);
              const diff = changes(r.before, r.after);
              return (
                <Tbody key={r.id} isExpanded={isOpen}>
                  <Tr>
                    <Td
                      expand={{
                        rowIndex: i,
                        isExpanded: isOpen,
                        onToggle: () => setOpen((o) => (isOpen ? o.filter((x) => x !== r.id) : [...o, r.id])),
                        expandId: `audit-expand-${r.id}`,
                      }}
                    />
                    <Td dataLabel={t('colTime')}>{instant(r.time)}</Td>
                    <Td dataLabel={t('colType')}>
                      <code>{r.type}</code>
                    </Td>
                    <Td dataLabel={t('colActor')}>{r.actorName ?? r.actorId ?? '—'}</Td>
                    <Td dataLabel={t('colTarget')}>{r.targetName ?? r.targetId ?? '—'}</Td>
                    <Td dataLabel={t('colChange')}>
                      {diff.slice(0, 3).map((d) => (
                        <div key={d} className="ac-diff">
                          {d}
                        </div>
                      ))}
                      {diff.length > 3 ? '…' : ''}
                    </Td>
                    <Td dataLabel={t('note')}>{r.note}</Td>
                  </Tr>
                  <Tr isExpanded={isOpen}>
                    <Td colSpan={7}>
                      <ExpandableRowContent>
                        {isOpen && (
                          <Grid hasGutter md={6}>
                            {(
                              [
                                ['before', r.before],
                                ['after', r.after],
                              ] as const
                            ).map(([k, v]) => (
                              <Fragment key={k}>
                                <GridItem>
                                  <Title headingLevel="h3" size="md">
                                    {t(k)}
                                  </Title>
                                  <CodeBlock>
                                    <CodeBlockCode>{v === undefined ? '—' : JSON.stringify(v, null, 2)}</CodeBlockCode>
                                  </CodeBlock>
                                </GridItem>
                              </Fragment>
                            ))}
                          </Grid>
                        )}
                      </ExpandableRowContent>
                    </Td>
                  </Tr>
                </Tbody>
              );
            })}
          </Table>
        )}
      </PageSection>
    </>
  );
}
