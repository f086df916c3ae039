import { useState } from 'react';
import {
  Label,
  LabelGroup,
  TextInputGroup,
  TextInputGroupMain,
  TextInputGroupUtilities,
  Button,
} from '@patternfly/react-core';
import TimesIcon from '@patternfly/react-icons/dist/esm/icons/times-icon';
import { useI18n } from '../i18n';

const LABEL = /^[\p{L}\p{N}][\p{L}\p{N} ._:/-]{0,63}$/u;

/**
 * Labels as removable chips; Enter, comma or leaving the field adds what was typed. Known labels are suggested.
 */
export function LabelsField({
  id,
  value,
  onChange,
  suggestions = [],
}: {
  id: string;
  value: string[];
  onChange: (labels: string[]) => void;
  suggestions?: string[];
}) {
  const { t } = useI18n();
  const [draft, setDraft] = useState('');
  const add = (text: string) => {
    const parts = text
      .split(',')
      .map((s) => s.trim())
      .filter((s) => s && LABEL.test(s) && !value.includes(s));
    if (parts.length) onChange([...value, ...parts]);
    setDraft('');
  };
  const listId = `${id}-suggestions`;
  return (
    <>
      <TextInputGroup>
        <TextInputGroupMain
          value={draft}
          inputId={id}
          inputProps={{ list: listId, 'aria-describedby': `${id}-help` } as object}
          placeholder={t('labelsPlaceholder')}
          onChange={(_e, v) => (v.endsWith(',') ? add(v) : setDraft(v))}
          onBlur={() => draft && add(draft)}
          onKeyDown={(e) => {
            if (e.key === 'Enter') {
              e.preventDefault();
              add(draft);
            } else if (e.key === 'Backspace' && !draft && value.length) {
              onChange(value.slice(0, -1));
            }
          }}
        >
          <LabelGroup numLabels={12} aria-label={t('labels')}>
            {value.map((l) => (
              <Label
                key={l}
                variant="outline"
                color="blue"
                onClose={() => onChange(value.filter((x) => x !== l))}
                closeBtnAriaLabel={t('removeLabel', { label: l })}
                data-label={l}
              >
                {l}
              </Label>
            ))}
          </LabelGroup>
        </TextInputGroupMain>
        {value.length > 0 && (
          <TextInputGroupUtilities>
            <Button variant="plain" icon={<TimesIcon />} aria-label={t('clearLabels')} onClick={() => onChange([])} />
          </TextInputGroupUtilities>
        )}
      </TextInputGroup>
      <datalist id={listId}>
        {suggestions
          .filter((s) => !value.includes(s))
          .map((s) => (
            <option key={s} value={s} />
          ))}
      </datalist>
    </>
  );
}
