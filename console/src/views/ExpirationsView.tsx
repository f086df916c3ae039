import { useState } from 'react';
import {
  Button,
  Card,
  CardBody,
  CardHeader,
  CardTitle,
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
  LabelGroup,
  Modal,
  ModalBody,
  ModalFooter,
  ModalHeader,
  PageSection,
  Spinner,
  Stack,
  StackItem,
  TextArea,
  Title,
  Toolbar,
  ToolbarContent,
  ToolbarItem,
  Flex,
  FlexItem,
} from '@patternfly/react-core';
import { Table, Tbody, Td, Th, Thead, Tr } from '@patternfly/react-table';
import { addDays, daysBetween, groupByWeek, todayIso } from '../dates';
import { useI18n } from '../i18n';
import { useLoad, useServices } from '../services';
import type { Expiration, UserAccess } from '../types';
import { ErrorAlert } from '../components/ErrorAlert';
import { DateField } from '../components/DateField';
import { accessUpdate, FieldError } from './EditAccessModal';

const WINDOWS = [7, 30, 90, 365];

/** A bar a week: how many end dates fall in each of the coming weeks. */
function WeekChart({ groups }: { groups: Array<{ key: string; items: Expiration[] }> }) {
  const { t, date } = useI18n();
  const weeks = groups.filter((g) => g.key !== 'grace');
  const grace = groups.find((g) => g.key === 'grace')?.items.length ?? 0;
  const top = Math.max(1, grace, ...weeks.map((w) => w.items.length));
  const bars = [
    ...(grace ? [{ key: 'grace', label: t('inGrace'), n: grace, grace: true }] : []),
    ...weeks.map((w) => ({ key: w.key, label: t('weekOf', { date: date(w.key) }), n: w.items.length, grace: false })),
  ];
  if (!bars.length) return null;
  return (
    <figure className="ac-chart" aria-label={t('chartLabel')} id="expirations-chart">
      <ul>
        {bars.map((b) => (
          <li key={b.key}>
            <span className="ac-chart-label">{b.label}</span>
            <span
              className={`ac-chart-bar${b.grace ? ' ac-chart-bar-grace' : ''}`}
              style={{ width: `${(100 * b.n) / top}%` }}
            />
            <span className="ac-chart-count">{t('nPeople', { n: b.n })}</span>
          </li>
        ))}
      </ul>
    </figure>
  );
}

export function ExpirationsView() {
  const { t, date } = useI18n();
  const { api, settings } = useServices();
  const [within, setWithin] = useState(30);
  const [extending, setExtending] = useState<Expiration>();
  const [clearing, setClearing] = useState<Expiration>();
  const list = useLoad(() => api.get<Expiration[]>('/expirations', { withinDays: within }), [within]);
  const today = todayIso();
  const groups = groupByWeek(list.data ?? []);
  const name = (e: Expiration) => [e.firstName, e.lastName].filter(Boolean).join(' ');

  return (
    <>
      <PageSection>
        <Title headingLevel="h1" id="view-title">
          {t('expirationsTitle')}
        </Title>
        <Content component="p">{t('expirationsIntro', { days: settings?.expiryGraceDays ?? 30 })}</Content>
      </PageSection>
      <PageSection>
        <Toolbar>
          <ToolbarContent>
            <ToolbarItem>
              <FormSelect
                id="expirations-within"
                aria-label={t('withinDays')}
                value={String(within)}
                onChange={(_e, v) => setWithin(Number(v))}
              >
                {WINDOWS.map((d) => (
                  <FormSelectOption key={d} value={String(d)} label={t('nextNDays', { n: d })} />
                ))}
              </FormSelect>
            </ToolbarItem>
          </ToolbarContent>
        </Toolbar>
        <ErrorAlert error={list.error} />
        {list.loading && !list.data && <Spinner aria-label={t('loading')} />}
        {list.data?.length === 0 && (
          <EmptyState titleText={t('noExpirationsTitle')} headingLevel="h2" variant="sm" id="no-expirations">
            <EmptyStateBody>{t('noExpirationsBody', { n: within })}</EmptyStateBody>
          </EmptyState>
        )}
        {list.data && list.data.length > 0 && (
          <Stack hasGutter>
            <StackItem>
              <WeekChart groups={groups} />
            </StackItem>
            {groups.map((g) => (
              <StackItem key={g.key}>
                <Card isCompact id={`expirations-${g.key}`} className={g.key === 'grace' ? 'ac-grace' : undefined}>
                  <CardHeader>
                    <CardTitle component="h2">
                      {g.key === 'grace' ? t('inGraceTitle') : t('weekOf', { date: date(g.key) })}{' '}
                      <Label isCompact>{g.items.length}</Label>
                    </CardTitle>
                  </CardHeader>
                  <CardBody>
                    <Table
                      variant="compact"
                      aria-label={g.key === 'grace' ? t('inGraceTitle') : t('weekOf', { date: date(g.key) })}
                    >
                      <Thead>
                        <Tr>
                          <Th>{t('colUser')}</Th>
                          <Th>{t('colLabels')}</Th>
                          <Th>{t('colEndDate')}</Th>
                          <Th>{t('colWhen')}</Th>
                          <Th screenReaderText={t('colActions')} />
                        </Tr>
                      </Thead>
                      <Tbody>
                        {g.items.map((e) => {
                          const left = daysBetween(today, e.accessExpiresOn);
                          return (
                            <Tr key={e.id} id={`expiration-${e.username}`} data-end={e.accessExpiresOn}>
                              <Td dataLabel={t('colUser')}>
                                <strong>{e.username}</strong>
                                <div>
                                  <Content component="small">{[name(e), e.email].filter(Boolean).join(' · ')}</Content>
                                </div>
                              </Td>
                              <Td dataLabel={t('colLabels')}>
                                <LabelGroup numLabels={3} aria-label={t('colLabels')}>
                                  {e.labels.map((l) => (
                                    <Label key={l} isCompact variant="outline">
                                      {l}
                                    </Label>
                                  ))}
                                </LabelGroup>
                              </Td>
                              <Td dataLabel={t('colEndDate')} className="ac-end-date">
                                {date(e.accessExpiresOn)}
                              </Td>
                              <Td dataLabel={t('colWhen')}>
                                {e.status === 'expired-grace' ? (
                                  <Label isCompact color="red">
                                    {e.deletionOn
                                      ? t('deletedOn', { date: date(e.deletionOn) })
                                      : t('statusGraceShort')}
                                  </Label>
                                ) : (
                                  <Label isCompact color={left <= 7 ? 'orange' : 'yellow'}>
                                    {left === 0 ? t('endsToday') : t('endsInDays', { n: left })}
                                  </Label>
                                )}
                              </Td>
                              <Td dataLabel={t('colActions')} isActionCell>
                                <Flex flexWrap={{ default: 'nowrap' }} spaceItems={{ default: 'spaceItemsXs' }}>
                                  <FlexItem>
                                    <Button
                                      variant="secondary"
                                      size="sm"
                                      onClick={() => setExtending(e)}
                                      id={`extend-${e.username}`}
                                      aria-label={t('extendAccessOf', { username: e.username })}
                                    >
                                      {t('extend')}
                                    </Button>
                                  </FlexItem>
                                  <FlexItem>
                                    <Button
                                      variant="link"
                                      size="sm"
                                      onClick={() => setClearing(e)}
                                      id={`clear-${e.username}`}
                                      aria-label={t('clearEndDateOf', { username: e.username })}
                                    >
                                      {t('clearEndDate')}
                                    </Button>
                                  </FlexItem>
                                </Flex>
                              </Td>
                            </Tr>
                          );
                        })}
                      </Tbody>
                    </Table>
                  </CardBody>
                </Card>
              </StackItem>
            ))}
          </Stack>
        )}
      </PageSection>
      {extending && (
        <EndDateModal
          expiration={extending}
          mode="extend"
          onClose={(done) => {
            setExtending(undefined);
            if (done) list.reload();
          }}
        />
      )}
      {clearing && (
        <EndDateModal
          expiration={clearing}
          mode="clear"
          onClose={(done) => {
            setClearing(undefined);
            if (done) list.reload();
          }}
        />
      )}
    </>
  );
}

/** Moves or removes one user's end date: the access is read, then written back with only the date changed. */
function EndDateModal({
  expiration,
  mode,
  onClose,
}: {
  expiration: Expiration;
  mode: 'extend' | 'clear';
  onClose: (done: boolean) => void;
}) {
  const { t, date } = useI18n();
  const { api, notify } = useServices();
  const base = expiration.accessExpiresOn > todayIso() ? expiration.accessExpiresOn : todayIso();
  const [newDate, setNewDate] = useState(addDays(base, 30));
  const [note, setNote] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>();
  const apply = async () => {
    setBusy(true);
    setError(undefined);
    try {
      const path = `/users/${encodeURIComponent(expiration.id)}/access`;
      const access = await api.get<UserAccess>(path);
      await api.put(
        path,
        accessUpdate(access, { accessExpiresOn: mode === 'clear' ? null : newDate, note: note.trim() || null }),
      );
      notify(
        'success',
        mode === 'clear'
          ? t('endDateCleared', { username: expiration.username })
          : t('endDateMoved', { username: expiration.username, date: date(newDate) }),
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
      variant="small"
      onClose={() => onClose(false)}
      aria-labelledby="end-date-title"
      id={mode === 'extend' ? 'extend-access' : 'clear-end-date'}
    >
      <ModalHeader
        labelId="end-date-title"
        title={
          mode === 'extend'
            ? t('extendTitle', { username: expiration.username })
            : t('clearTitle', { username: expiration.username })
        }
        description={t('currentEndDate', { date: date(expiration.accessExpiresOn) })}
      />
      <ModalBody>
        <Form
          onSubmit={(e) => {
            e.preventDefault();
            apply();
          }}
        >
          {mode === 'extend' ? (
            <FormGroup label={t('newEndDate')} fieldId="extend-date" isRequired>
              <DateField
                id="extend-date"
                label={t('newEndDate')}
                value={newDate}
                onChange={setNewDate}
                clearable={false}
              />
              <Flex spaceItems={{ default: 'spaceItemsSm' }} className="ac-quick">
                {[30, 90, 180].map((d) => (
                  <FlexItem key={d}>
                    <Button variant="tertiary" size="sm" onClick={() => setNewDate(addDays(base, d))}>
                      {t('plusDays', { n: d })}
                    </Button>
                  </FlexItem>
                ))}
              </Flex>
              <FieldError error={error} field="accessExpiresOn" />
            </FormGroup>
          ) : (
            <Content component="p">
              {expiration.status === 'expired-grace' ? t('clearWhatGrace') : t('clearWhat')}
            </Content>
          )}
          {mode === 'extend' && expiration.status === 'expired-grace' && (
            <FormHelperText>
              <HelperText>
                <HelperTextItem variant="warning">{t('extendRestores')}</HelperTextItem>
              </HelperText>
            </FormHelperText>
          )}
          <FormGroup label={t('note')} fieldId="end-date-note">
            <TextArea id="end-date-note" value={note} onChange={(_e, v) => setNote(v)} maxLength={1000} />
          </FormGroup>
          <ErrorAlert error={error} />
        </Form>
      </ModalBody>
      <ModalFooter>
        <Button
          variant="primary"
          id="end-date-save"
          onClick={apply}
          isLoading={busy}
          isDisabled={busy || (mode === 'extend' && !newDate)}
        >
          {mode === 'extend' ? t('extend') : t('clearEndDate')}
        </Button>
        <Button variant="link" onClick={() => onClose(false)}>
          {t('cancel')}
        </Button>
      </ModalFooter>
    </Modal>
  );
}
