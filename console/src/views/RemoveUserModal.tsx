import { useState } from 'react';
import {
  Button,
  Content,
  Form,
  FormGroup,
  Modal,
  ModalBody,
  ModalFooter,
  ModalHeader,
  TextArea,
} from '@patternfly/react-core';
import { useI18n } from '../i18n';
import { useServices } from '../services';
import type { OffboardingRow, UserSummary } from '../types';
import { ErrorAlert } from '../components/ErrorAlert';

/** The rows of an offboarding answer, whether it comes as {results: [...]} or as a bare list. */
export function offboardingRows(answer: unknown): OffboardingRow[] {
  if (Array.isArray(answer)) return answer as OffboardingRow[];
  const results = (answer as { results?: OffboardingRow[] } | undefined)?.results;
  return Array.isArray(results) ? results : [];
}

const DONE = ['deleted', 'disabled', 'already-disabled'];

/** Removing someone: the dialog says what will happen before anything does. */
export function RemoveUserModal({ user, onClose }: { user: UserSummary; onClose: (done: boolean) => void }) {
  const { t } = useI18n();
  const { api, notify } = useServices();
  const [note, setNote] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>();

  const remove = async () => {
    setBusy(true);
    setError(undefined);
    try {
      const answer = await api.post('/offboarding', {
        usernames: [user.username],
        mode: 'delete',
        note: note.trim() || undefined,
      });
      const row = offboardingRows(answer).find((r) => r.username === user.username) ?? offboardingRows(answer)[0];
      if (row && !DONE.includes(row.status)) {
        setError(t('removeFailed', { username: user.username, reason: row.reason ?? row.status }));
        setBusy(false);
        return;
      }
      notify('success', t('userRemoved', { username: user.username }));
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
      aria-labelledby="remove-title"
      aria-describedby="remove-what"
      id="remove-user"
    >
      <ModalHeader
        title={t('removeTitle', { username: user.username })}
        labelId="remove-title"
        titleIconVariant="danger"
      />
      <ModalBody>
        <Content id="remove-what">
          <p>{t('removeWhat', { username: user.username, email: user.email ?? '' })}</p>
          <ul>
            <li>{t('removeConsequenceAccess')}</li>
            <li>{t('removeConsequenceSessions')}</li>
            <li>{t('removeConsequenceUndo')}</li>
            <li>{t('removeConsequenceAudit')}</li>
          </ul>
        </Content>
        <Form onSubmit={(e) => e.preventDefault()}>
          <FormGroup label={t('note')} fieldId="remove-note">
            <TextArea id="remove-note" value={note} onChange={(_e, v) => setNote(v)} maxLength={1000} />
          </FormGroup>
        </Form>
        <ErrorAlert error={error} />
      </ModalBody>
      <ModalFooter>
        <Button variant="danger" id="remove-confirm" onClick={remove} isLoading={busy} isDisabled={busy}>
          {t('removeConfirm')}
        </Button>
        <Button variant="link" onClick={() => onClose(false)} id="remove-cancel">
          {t('cancel')}
        </Button>
      </ModalFooter>
    </Modal>
  );
}
