import { ExperimentOutlined } from '@ant-design/icons';
import { loadWorkStrings } from '@wenming/ui';
import { Tag, Tooltip } from 'antd';
import { useTranslation } from 'react-i18next';

loadWorkStrings();

type TFunction = ReturnType<typeof useTranslation>['t'];

/** Any part with a `reconstructed` flag or listed fields was not taken from the official text. */
export function isReconstructed(part: { reconstructed?: boolean; reconstructedFields?: string[] }): boolean {
  return part.reconstructed === true || (part.reconstructedFields?.length ?? 0) > 0;
}

const KNOWN_FIELDS = ['name', 'points', 'criteria', 'method', 'evidence', 'veto', 'indicators'];

export function fieldLabel(t: TFunction, field: string): string {
  return KNOWN_FIELDS.includes(field) ? t(`framework.field_${field}`) : field;
}

/**
 * The amber "not official text" mark. It is never hidden: users must see which points,
 * criteria or evidence lists were reconstructed before they rely on them.
 */
export function ReconstructedMark({
  part,
}: {
  part: { reconstructed?: boolean; reconstructedFields?: string[] };
}) {
  const { t } = useTranslation();
  if (!isReconstructed(part)) return null;
  const fields = part.reconstructedFields ?? [];
  const tip =
    fields.length > 0
      ? t('framework.reconstructedFields', {
          fields: fields.map((f) => fieldLabel(t, f)).join(t('framework.listSeparator')),
        })
      : t('framework.reconstructedWhole');
  return (
    <Tooltip title={tip}>
      <Tag
        color="gold"
        icon={<ExperimentOutlined />}
        style={{ marginInlineEnd: 0, cursor: 'help' }}
        tabIndex={0}
      >
        {t('framework.reconstructed')}
      </Tag>
    </Tooltip>
  );
}
