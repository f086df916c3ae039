import { Alert } from '@patternfly/react-core';
import { ApiError } from '../api';
import { useI18n, type I18n } from '../i18n';

/** What went wrong, said for people: rights, missing things, conflicts and bad input named by their field. */
export function errorText(t: I18n['t'], error: unknown): string {
  if (typeof error === 'string') return error;
  if (error instanceof ApiError) {
    if (error.forbidden) return t('errorForbidden');
    if (error.status === 404) return t('errorNotFound', { detail: error.detail ?? error.error ?? '' });
    if (error.status === 409) return t('errorConflict', { detail: error.detail ?? error.error ?? '' });
    if (error.status === 400) {
      return error.field
        ? t('errorField', { field: error.field, detail: error.detail ?? error.error ?? '' })
        : t('errorInput', { detail: error.detail ?? error.error ?? '' });
    }
    return t('errorServer', { status: error.status });
  }
  return t('errorNetwork', { detail: error instanceof Error ? error.message : String(error) });
}

export function ErrorAlert({ error, title }: { error: unknown; title?: string }) {
  const { t } = useI18n();
  if (!error) return null;
  return (
    <Alert isInline variant="danger" title={title ?? errorText(t, error)} role="alert" className="ac-alert">
      {title ? errorText(t, error) : null}
    </Alert>
  );
}
