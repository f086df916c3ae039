import { Button, Flex, FlexItem, FormSelect, FormSelectOption } from '@patternfly/react-core';
import AngleLeftIcon from '@patternfly/react-icons/dist/esm/icons/angle-left-icon';
import AngleRightIcon from '@patternfly/react-icons/dist/esm/icons/angle-right-icon';
import { useI18n } from '../i18n';

/** Paging by first/max, as the API pages: a full page means there may be a next one. */
export function Pager({
  first,
  max,
  count,
  onFirst,
  onMax,
  idPrefix = 'pager',
}: {
  first: number;
  max: number;
  count: number;
  onFirst: (first: number) => void;
  onMax: (max: number) => void;
  idPrefix?: string;
}) {
  const { t } = useI18n();
  return (
    <Flex
      spaceItems={{ default: 'spaceItemsSm' }}
      alignItems={{ default: 'alignItemsCenter' }}
      flexWrap={{ default: 'nowrap' }}
    >
      <FlexItem>
        <FormSelect
          id={`${idPrefix}-size`}
          aria-label={t('perPage')}
          value={String(max)}
          onChange={(_e, v) => onMax(Number(v))}
        >
          {[20, 50, 100].map((n) => (
            <FormSelectOption key={n} value={String(n)} label={t('nPerPage', { n })} />
          ))}
        </FormSelect>
      </FlexItem>
      <FlexItem>{count > 0 ? t('rowsShown', { from: first + 1, to: first + count }) : ''}</FlexItem>
      <FlexItem>
        <Button
          variant="plain"
          aria-label={t('previousPage')}
          isDisabled={first === 0}
          icon={<AngleLeftIcon />}
          onClick={() => onFirst(Math.max(0, first - max))}
        />
        <Button
          variant="plain"
          aria-label={t('nextPage')}
          isDisabled={count < max}
          icon={<AngleRightIcon />}
          onClick={() => onFirst(first + max)}
        />
      </FlexItem>
    </Flex>
  );
}
