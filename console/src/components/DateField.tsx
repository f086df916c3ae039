import { Button, DatePicker, Flex, FlexItem } from '@patternfly/react-core';
import { useI18n } from '../i18n';
import { isIsoDate } from '../dates';

/** A calendar date (YYYY-MM-DD) typed or picked, with a button to remove it. */
export function DateField({
  id,
  value,
  onChange,
  clearable = true,
  label,
}: {
  id: string;
  value: string;
  onChange: (iso: string) => void;
  clearable?: boolean;
  label: string;
}) {
  const { t, locale } = useI18n();
  return (
    <Flex spaceItems={{ default: 'spaceItemsSm' }} alignItems={{ default: 'alignItemsFlexStart' }}>
      <FlexItem>
        <DatePicker
          value={value}
          locale={locale}
          weekStart={1}
          onChange={(_e, v) => onChange(v)}
          aria-label={label}
          buttonAriaLabel={t('openCalendar')}
          invalidFormatText={t('invalidDate')}
          placeholder={t('datePlaceholder')}
          validators={[(d) => (isIsoDate(value) || !value || !Number.isNaN(d.getTime()) ? '' : t('invalidDate'))]}
          inputProps={{ id, name: id }}
          appendTo={() => document.body}
        />
      </FlexItem>
      {clearable && value && (
        <FlexItem>
          <Button variant="link" isInline onClick={() => onChange('')} id={`${id}-clear`}>
            {t('noEndDate')}
          </Button>
        </FlexItem>
      )}
    </Flex>
  );
}
