import { Label } from '@patternfly/react-core';
import type { MessageKey } from '../messages';
import { useI18n } from '../i18n';

const LOOK: Record<
  string,
  { color: 'green' | 'orange' | 'red' | 'grey' | 'blue' | 'purple' | 'yellow'; key: MessageKey }
> = {
  active: { color: 'green', key: 'status.active' },
  expiring: { color: 'orange', key: 'status.expiring' },
  'expired-grace': { color: 'red', key: 'status.expired-grace' },
  disabled: { color: 'grey', key: 'status.disabled' },
  pending: { color: 'blue', key: 'status.pending' },
};

export function StatusLabel({ status }: { status: string }) {
  const { t } = useI18n();
  const look = LOOK[status];
  return (
    <Label isCompact color={look?.color ?? 'grey'} data-status={status}>
      {look ? t(look.key) : status}
    </Label>
  );
}
