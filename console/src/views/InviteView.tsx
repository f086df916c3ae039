import { useMemo, useRef, useState } from 'react';
import {
  Alert,
  Button,
  Content,
  Form,
  FormGroup,
  FormHelperText,
  FormSection,
  FormSelect,
  FormSelectOption,
  HelperText,
  HelperTextItem,
  Label,
  PageSection,
  Switch,
  TextArea,
  TextInput,
  Title,
  Flex,
  FlexItem,
  ActionGroup,
} from '@patternfly/react-core';
import { Table, Tbody, Td, Th, Thead, Tr } from '@patternfly/react-table';
import UploadIcon from '@patternfly/react-icons/dist/esm/icons/upload-icon';
import { MAX_INVITEES, parseInvitees, type InviteeRow } from '../csv';
import { useI18n } from '../i18n';
import { useServices } from '../services';
import type { InviteRequest, InviteResultRow } from '../types';
import { ErrorAlert } from '../components/ErrorAlert';
import { PermissionsFields } from '../components/PermissionsFields';
import { LabelsField } from '../components/LabelsField';
import { DateField } from '../components/DateField';
import { FieldError, fieldState } from './EditAccessModal';

interface Sent {
  rows: Array<{ row: InviteeRow; result?: InviteResultRow }>;
}

export function InviteView() {
  const { t, locale } = useI18n();
  const { api, settings, notify } = useServices();
  const [text, setText] = useState('');
  const [roles, setRoles] = useState<string[]>([]);
  const [groups, setGroups] = useState<string[]>([]);
  const [labels, setLabels] = useState<string[]>([]);
  const [endDate, setEndDate] = useState('');
  const [caller, setCaller] = useState(false);
  const plans = Object.keys(settings?.authorisedCallerLimit ?? { standard: 2, premium: 10 });
  const [plan, setPlan] = useState('');
  const [phone, setPhone] = useState('');
  const [country, setCountry] = useState('');
  const required = plan ? (settings?.callerRequiredFields?.[plan] ?? []) : [];
  const [message, setMessage] = useState('');
  const [language, setLanguage] = useState<string>(locale);
  const [note, setNote] = useState('');
  const [sending, setSending] = useState(false);
  const [error, setError] = useState<unknown>();
  const [sent, setSent] = useState<Sent>();
  const file = useRef<HTMLInputElement>(null);

  const parsed = useMemo(() => parseInvitees(text), [text]);
  const oneInvitee = parsed.ready.length === 1;

  const problem = (r: InviteeRow) => {
    if (r.problem === 'invalidEmail') return r.email ? t('rowInvalidEmail') : t('rowNoEmail');
    if (r.problem === 'duplicate') return t('rowDuplicate', { row: r.duplicateOf ?? '?' });
    if (r.problem === 'tooMany') return t('rowTooMany', { max: MAX_INVITEES });
    return '';
  };

  const upload = async (f: File | undefined) => {
    if (!f) return;
    if (f.size > 2_000_000) {
      setError(t('fileTooBig'));
      return;
    }
    setError(undefined);
    setText(await f.text());
  };

  const send = async () => {
    setSending(true);
    setError(undefined);
    const request: InviteRequest = {
      invitees: parsed.ready.map((r) => ({ email: r.email, firstName: r.firstName, lastName: r.lastName })),
      roles,
      groups,
      labels,
      accessExpiresOn: endDate || undefined,
      authorisedCaller: oneInvitee && caller ? true : undefined,
      // the one caller invitee's designation follows the same rules as an edit of a user's access
      supportPlan: oneInvitee && caller ? plan || plans[0] : undefined,
      callerPhone: oneInvitee && caller ? phone.trim() || undefined : undefined,
      callerCountry: oneInvitee && caller ? country.trim() || undefined : undefined,
      message: message.trim() || undefined,
      locale: language,
      note: note.trim() || undefined,
    };
    try {
      const answer = await api.post<{ results: InviteResultRow[] }>('/invitations', request);
      let next = 0;
      const rows = parsed.rows.map((row) => ({ row, result: row.problem ? undefined : answer.results[next++] }));
      setSent({ rows });
      const invited = answer.results.filter((r) => r.status !== 'rejected').length;
      notify(invited > 0 ? 'success' : 'warning', t('invitationsSent', { n: invited }));
    } catch (e) {
      setError(e);
    } finally {
      setSending(false);
    }
  };

  const restart = () => {
    setSent(undefined);
    setText('');
    setNote('');
    setMessage('');
    setCaller(false);
    setPlan('');
    setPhone('');
    setCountry('');
  };

  if (sent) {
    const count = (s: string) => sent.rows.filter((r) => (r.result?.status ?? 'rejected') === s).length;
    return (
      <>
        <PageSection>
          <Title headingLevel="h1" id="view-title">
            {t('inviteResultsTitle')}
          </Title>
          <Content component="p" id="invite-summary">
            {t('inviteResultsSummary', {
              invited: count('invited'),
              reinvited: count('reinvited'),
              rejected: count('rejected'),
            })}
          </Content>
        </PageSection>
        <PageSection>
          <Table aria-label={t('inviteResultsTitle')} id="invite-results" variant="compact">
            <Thead>
              <Tr>
                <Th width={10}>{t('colRow')}</Th>
                <Th>{t('colEmail')}</Th>
                <Th>{t('colResult')}</Th>
                <Th>{t('colReason')}</Th>
              </Tr>
            </Thead>
            <Tbody>
              {sent.rows.map(({ row, result }) => {
                const status = result?.status ?? 'rejected';
                return (
                  <Tr key={row.row} id={`result-row-${row.row}`} data-email={row.email} data-result={status}>
                    <Td dataLabel={t('colRow')}>{row.row}</Td>
                    <Td dataLabel={t('colEmail')}>{row.email || '—'}</Td>
                    <Td dataLabel={t('colResult')}>
                      <Label
                        isCompact
                        color={status === 'rejected' ? 'red' : status === 'reinvited' ? 'blue' : 'green'}
                      >
                        {t(`result.${status}`)}
                      </Label>
                    </Td>
                    <Td dataLabel={t('colReason')}>
                      {result ? (result.reason ?? '') : `${t('notSent')}: ${problem(row)}`}
                    </Td>
                  </Tr>
                );
              })}
            </Tbody>
          </Table>
          <ActionGroup className="ac-actions">
            <Button variant="primary" onClick={restart} id="invite-more">
              {t('inviteMore')}
            </Button>
            <Button variant="link" component="a" href="#/invitations" id="see-invitations">
              {t('seePending')}
            </Button>
          </ActionGroup>
        </PageSection>
      </>
    );
  }

  return (
    <>
      <PageSection>
        <Title headingLevel="h1" id="view-title">
          {t('inviteTitle')}
        </Title>
        <Content component="p">{t('inviteIntro', { max: MAX_INVITEES })}</Content>
      </PageSection>
      <PageSection>
        <Form
          id="invite-form"
          onSubmit={(e) => {
            e.preventDefault();
            if (parsed.ready.length) send();
          }}
          maxWidth="64rem"
        >
          <FormSection title={t('inviteWho')} titleElement="h2">
            <FormGroup label={t('addresses')} fieldId="invite-addresses" isRequired>
              <TextArea
                id="invite-addresses"
                value={text}
                onChange={(_e, v) => setText(v)}
                rows={8}
                resizeOrientation="vertical"
                aria-describedby="invite-addresses-help"
                placeholder={t('addressesPlaceholder')}
                spellCheck={false}
              />
              <FormHelperText>
                <HelperText>
                  <HelperTextItem id="invite-addresses-help">{t('addressesHelp')}</HelperTextItem>
                </HelperText>
              </FormHelperText>
              <Flex className="ac-upload" alignItems={{ default: 'alignItemsCenter' }}>
                <FlexItem>
                  <Button
                    variant="secondary"
                    icon={<UploadIcon />}
                    onClick={() => file.current?.click()}
                    id="invite-upload"
                  >
                    {t('uploadCsv')}
                  </Button>
                  <input
                    ref={file}
                    type="file"
                    id="invite-file"
                    accept=".csv,.txt,text/csv,text/plain"
                    hidden
                    aria-label={t('uploadCsv')}
                    onChange={(e) => {
                      upload(e.target.files?.[0]);
                      e.target.value = '';
                    }}
                  />
                </FlexItem>
              </Flex>
            </FormGroup>
            {parsed.rows.length > 0 && (
              <>
                <Alert
                  isInline
                  isPlain
                  variant={parsed.rejected.length ? 'warning' : 'success'}
                  id="invite-check"
                  title={t('checkSummary', {
                    rows: parsed.rows.length,
                    ready: parsed.ready.length,
                    rejected: parsed.rejected.length,
                  })}
                />
                <div className="ac-scroll">
                  <Table aria-label={t('checkTable')} id="invite-validation" variant="compact" isStickyHeader>
                    <Thead>
                      <Tr>
                        <Th width={10}>{t('colRow')}</Th>
                        <Th>{t('colEmail')}</Th>
                        <Th>{t('colName')}</Th>
                        <Th>{t('colCheck')}</Th>
                      </Tr>
                    </Thead>
                    <Tbody>
                      {parsed.rows.map((r) => (
                        <Tr
                          key={r.row}
                          id={`invite-row-${r.row}`}
                          data-email={r.email}
                          data-check={r.problem ? 'rejected' : 'ready'}
                        >
                          <Td dataLabel={t('colRow')}>{r.row}</Td>
                          <Td dataLabel={t('colEmail')}>{r.email || '—'}</Td>
                          <Td dataLabel={t('colName')}>{[r.firstName, r.lastName].filter(Boolean).join(' ')}</Td>
                          <Td dataLabel={t('colCheck')}>
                            {r.problem ? (
                              <Label isCompact color="red">
                                {t('rowRejected')}: {problem(r)}
                              </Label>
                            ) : (
                              <Label isCompact color="green">
                                {t('rowReady')}
                              </Label>
                            )}
                          </Td>
                        </Tr>
                      ))}
                    </Tbody>
                  </Table>
                </div>
              </>
            )}
          </FormSection>
          <FormSection title={t('inviteWhat')} titleElement="h2">
            <PermissionsFields
              idPrefix="invite"
              roles={roles}
              groups={groups}
              onRoles={setRoles}
              onGroups={setGroups}
            />
            <FormGroup label={t('labels')} fieldId="invite-labels">
              <LabelsField id="invite-labels" value={labels} onChange={setLabels} />
              <FormHelperText>
                <HelperText>
                  <HelperTextItem id="invite-labels-help">{t('labelsHelp')}</HelperTextItem>
                </HelperText>
              </FormHelperText>
              <FieldError error={error} field="labels" />
            </FormGroup>
            <FormGroup label={t('endDate')} fieldId="invite-expires-on">
              <DateField id="invite-expires-on" label={t('endDate')} value={endDate} onChange={setEndDate} />
              <FieldError error={error} field="accessExpiresOn" />
            </FormGroup>
            <FormGroup label={t('authorisedCaller')} fieldId="invite-caller" hasNoPaddingTop>
              <Switch
                id="invite-caller"
                label={t('callerYes')}
                isChecked={oneInvitee && caller}
                isDisabled={!oneInvitee}
                onChange={(_e, on) => {
                  setCaller(on);
                  if (on && !plan) setPlan(plans[0]);
                }}
                aria-describedby="invite-caller-help"
              />
              <FormHelperText>
                <HelperText>
                  <HelperTextItem id="invite-caller-help">{t('inviteCallerHelp')}</HelperTextItem>
                </HelperText>
              </FormHelperText>
              <FieldError error={error} field="authorisedCaller" />
            </FormGroup>
            {oneInvitee && caller && (
              <>
                <FormGroup label={t('supportPlan')} fieldId="invite-plan" isRequired>
                  <FormSelect
                    id="invite-plan"
                    value={plan || plans[0]}
                    onChange={(_e, v) => setPlan(v)}
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
                  fieldId="invite-phone"
                  isRequired={required.includes('callerPhone')}
                >
                  <TextInput
                    id="invite-phone"
                    type="tel"
                    value={phone}
                    onChange={(_e, v) => setPhone(v)}
                    validated={fieldState(error, 'callerPhone')}
                    autoComplete="off"
                  />
                  <FieldError error={error} field="callerPhone" />
                </FormGroup>
                <FormGroup
                  label={t('callerCountry')}
                  fieldId="invite-country"
                  isRequired={required.includes('callerCountry')}
                >
                  <TextInput
                    id="invite-country"
                    value={country}
                    maxLength={2}
                    placeholder="FR"
                    onChange={(_e, v) => setCountry(v.toUpperCase())}
                    validated={fieldState(error, 'callerCountry')}
                  />
                  <FieldError error={error} field="callerCountry" />
                </FormGroup>
              </>
            )}
          </FormSection>
          <FormSection title={t('inviteEmail')} titleElement="h2">
            <FormGroup label={t('message')} fieldId="invite-message">
              <TextArea
                id="invite-message"
                value={message}
                onChange={(_e, v) => setMessage(v)}
                maxLength={2000}
                resizeOrientation="vertical"
              />
              <FormHelperText>
                <HelperText>
                  <HelperTextItem>{t('messageHelp')}</HelperTextItem>
                </HelperText>
              </FormHelperText>
              <FieldError error={error} field="message" />
            </FormGroup>
            <FormGroup label={t('emailLanguage')} fieldId="invite-locale">
              <FormSelect
                id="invite-locale"
                value={language}
                onChange={(_e, v) => setLanguage(v)}
                validated={fieldState(error, 'locale')}
              >
                <FormSelectOption value="fr" label="Français" />
                <FormSelectOption value="en" label="English" />
              </FormSelect>
            </FormGroup>
            <FormGroup label={t('note')} fieldId="invite-note">
              <TextArea
                id="invite-note"
                value={note}
                onChange={(_e, v) => setNote(v)}
                maxLength={1000}
                resizeOrientation="vertical"
              />
              <FormHelperText>
                <HelperText>
                  <HelperTextItem>{t('noteHelp')}</HelperTextItem>
                </HelperText>
              </FormHelperText>
              <FieldError error={error} field="note" />
            </FormGroup>
          </FormSection>
          <ErrorAlert error={error} />
          <ActionGroup>
            <Button
              variant="primary"
              type="submit"
              id="invite-send"
              isDisabled={parsed.ready.length === 0 || sending}
              isLoading={sending}
            >
              {t('sendInvitations', { n: parsed.ready.length })}
            </Button>
          </ActionGroup>
        </Form>
      </PageSection>
    </>
  );
}
