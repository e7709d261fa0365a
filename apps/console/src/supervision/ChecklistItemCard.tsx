import { FlagOutlined } from '@ant-design/icons';
import { INSPECTION_RESULTS } from '@wenming/domain';
import { type InspectionResult, type TInspection, useAppAbility } from '@wenming/ui';
import { Button, Card, Flex, Input, InputNumber, Radio } from 'antd';
import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { PhotoField } from './PhotoField';
import { SaveStatus } from './SaveStatus';
import { type SaveState, useItemAutosave } from './useItemAutosave';

type Item = TInspection['checklist'][number];
type Saved = TInspection['results'][number] | undefined;

/** Typing waits for a pause before it is sent; a tap on a result goes at once. */
const TYPING_PAUSE_MS = 800;

/** One line of the on-site checklist: result, notes, optional points and photos, saved as it changes. */
export function ChecklistItemCard({
  inspectionId,
  unitId,
  item,
  saved,
  onState,
  onFinding,
}: {
  inspectionId: string;
  unitId: string;
  item: Item;
  saved: Saved;
  onState: (itemKey: string, state: SaveState['kind']) => void;
  onFinding: (itemKey: string) => void;
}) {
  const { t } = useTranslation();
  const ability = useAppAbility();
  // The file store takes on-site photos from inspectors (and uploads from evidence keepers).
  const canUpload = ability.can('update', 'Inspection') || ability.can('create', 'Evidence');
  const { draft, state, change, retry } = useItemAutosave({
    inspectionId,
    unitId,
    itemKey: item.key,
    initial: {
      result: saved?.result ?? null,
      notes: saved?.notes ?? '',
      points: saved?.points ?? null,
      photos: saved?.photos ?? [],
    },
    savedAt: saved?.updatedAt ?? null,
  });
  useEffect(() => onState(item.key, state.kind), [onState, item.key, state.kind]);

  return (
    <Card
      size="small"
      data-item={item.key}
      title={<span style={{ whiteSpace: 'normal' }}>{item.label}</span>}
      styles={{ header: { paddingBlock: 8 } }}
    >
      <Flex vertical gap={10}>
        <Radio.Group
          optionType="button"
          buttonStyle="solid"
          value={draft.result}
          aria-label={t('supervision.resultOf', { item: item.label })}
          onChange={(e) => change({ result: e.target.value as InspectionResult }, 0)}
          options={INSPECTION_RESULTS.map((r) => ({ value: r, label: t(`supervision.result_${r}`) }))}
          style={{ display: 'flex', flexWrap: 'wrap', rowGap: 6 }}
        />
        <Input.TextArea
          value={draft.notes}
          onChange={(e) => change({ notes: e.target.value }, TYPING_PAUSE_MS)}
          placeholder={t('supervision.notesPlaceholder')}
          aria-label={t('supervision.notesOf', { item: item.label })}
          autoSize={{ minRows: 1, maxRows: 6 }}
          maxLength={2000}
        />
        <Flex gap={8} wrap align="start" justify="space-between">
          <Flex gap={8} wrap align="start">
            <InputNumber<number>
              value={draft.points}
              min={0}
              max={1000}
              step={0.5}
              placeholder={t('supervision.pointsPlaceholder')}
              aria-label={t('supervision.pointsOf', { item: item.label })}
              onChange={(value) => change({ points: value ?? null }, TYPING_PAUSE_MS)}
              style={{ width: 120 }}
            />
            {canUpload && (
              <PhotoField
                photos={draft.photos}
                onAdd={(sha) => change({ photos: [...draft.photos, sha] }, 0)}
              />
            )}
          </Flex>
          <Button icon={<FlagOutlined />} onClick={() => onFinding(item.key)}>
            {t('supervision.recordFinding')}
          </Button>
        </Flex>
        <SaveStatus state={state} onRetry={retry} />
      </Flex>
    </Card>
  );
}
