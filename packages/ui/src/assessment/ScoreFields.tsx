import { GRADES } from '@wenming/domain';
import { Flex, Form, InputNumber, Radio, Segmented } from 'antd';
import { useTranslation } from 'react-i18next';
import type { ScoreMode, ScoreValues } from './model';

const MODES: ScoreMode[] = ['points', 'grade', 'deduction'];

/**
 * Points given, a grade, or points deducted: the three ways score sheets state a score. The
 * server clamps each to the indicator's points, and the form says so up front.
 */
export function ScoreFields({ max }: { max: number }) {
  const { t } = useTranslation();
  const form = Form.useFormInstance<ScoreValues>();
  const mode = (Form.useWatch('mode', form) as ScoreMode | undefined) ?? 'points';
  return (
    <Flex vertical gap={8}>
      <Form.Item name="mode" noStyle>
        <Segmented<ScoreMode>
          size="small"
          style={{ alignSelf: 'flex-start' }}
          options={MODES.map((m) => ({ value: m, label: t(`assessment.mode_${m}`) }))}
        />
      </Form.Item>
      {mode === 'points' && (
        <Form.Item
          name="points"
          label={t('assessment.pointsLabel')}
          extra={t('assessment.maxHint', { max })}
          style={{ marginBottom: 0 }}
        >
          <InputNumber min={0} max={max} step={0.5} style={{ width: 140 }} />
        </Form.Item>
      )}
      {mode === 'grade' && (
        <Form.Item
          name="grade"
          label={t('assessment.gradeLabel')}
          extra={t('assessment.gradeHint')}
          style={{ marginBottom: 0 }}
        >
          <Radio.Group
            optionType="button"
            buttonStyle="solid"
            options={GRADES.map((g) => ({ value: g, label: g }))}
          />
        </Form.Item>
      )}
      {mode === 'deduction' && (
        <Form.Item
          name="deduction"
          label={t('assessment.deductionLabel')}
          extra={t('assessment.deductionHint')}
          style={{ marginBottom: 0 }}
        >
          <InputNumber min={0} step={0.5} style={{ width: 140 }} />
        </Form.Item>
      )}
    </Flex>
  );
}
