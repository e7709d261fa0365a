import { DeleteOutlined } from '@ant-design/icons';
import { ZEvidenceIndicatorInput } from '@wenming/domain';
import { type LedgerCategory, type LedgerIndicator, useZodRule } from '@wenming/ui';
import {
  Button,
  Card,
  Checkbox,
  Flex,
  Form,
  type FormInstance,
  Input,
  Tag,
  TreeSelect,
  Typography,
} from 'antd';
import { useTranslation } from 'react-i18next';
import type { EvidenceValues } from './evidence-values';

/** One linked indicator: which one, which of its required materials this item is, and why it counts. */
export function IndicatorLinkFields({
  form,
  name,
  index,
  categories,
  indicators,
  onRemove,
}: {
  form: FormInstance<EvidenceValues>;
  name: number;
  index: number;
  categories: LedgerCategory[];
  indicators: LedgerIndicator[];
  onRemove: () => void;
}) {
  const { t } = useTranslation();
  const rule = useZodRule();
  const links = Form.useWatch('indicators', form) ?? [];
  const chosenId = links[name]?.indicatorId;
  const chosen = indicators.find((i) => i.id === chosenId);
  const takenElsewhere = new Set(links.filter((_, i) => i !== name).map((l) => l?.indicatorId));
  const treeData = categories.map((c) => ({
    value: `category:${c.code}`,
    title: `${c.code} ${c.name}`,
    selectable: false,
    children: c.indicators.map((i) => ({
      value: i.id,
      title: `${i.code} ${i.name}`,
      disabled: takenElsewhere.has(i.id),
    })),
  }));
  const shape = ZEvidenceIndicatorInput.shape;
  return (
    <Card
      size="small"
      title={t('ledger.link_n', { n: index + 1 })}
      extra={
        <Button
          type="text"
          size="small"
          danger
          icon={<DeleteOutlined />}
          aria-label={t('ledger.remove_link', { n: index + 1 })}
          onClick={onRemove}
        />
      }
    >
      <Form.Item
        name={[name, 'indicatorId']}
        label={t('ledger.indicator')}
        rules={[{ required: true, message: t('ledger.choose_indicator') }]}
      >
        <TreeSelect
          treeData={treeData}
          treeDefaultExpandAll
          showSearch={{ treeNodeFilterProp: 'title' }}
          placeholder={t('ledger.choose_indicator')}
          popupMatchSelectWidth
          onChange={() => form.setFieldValue(['indicators', name, 'materials'], [])}
        />
      </Form.Item>
      {chosen && chosen.materials.length > 0 && (
        <Form.Item
          name={[name, 'materials']}
          label={t('ledger.which_materials')}
          extra={t('ledger.which_materials_hint')}
        >
          <Checkbox.Group style={{ width: '100%' }}>
            <Flex vertical gap={6}>
              {chosen.materials.map((m) => (
                <Checkbox key={m.name} value={m.name}>
                  {m.name}{' '}
                  {m.met ? (
                    <Tag color="success" style={{ marginInlineStart: 4 }}>
                      {t('ledger.already_n', { n: m.evidenceIds.length })}
                    </Tag>
                  ) : (
                    <Tag color="error" style={{ marginInlineStart: 4 }}>
                      {t('ledger.missing')}
                    </Tag>
                  )}
                </Checkbox>
              ))}
            </Flex>
          </Checkbox.Group>
        </Form.Item>
      )}
      {chosen && chosen.materials.length === 0 && (
        <Typography.Paragraph type="secondary" style={{ fontSize: 12 }}>
          {t('ledger.no_required_materials')}
        </Typography.Paragraph>
      )}
      <Form.Item
        name={[name, 'explanation']}
        label={t('ledger.explanation')}
        rules={rule(shape.explanation)}
        style={{ marginBottom: 0 }}
      >
        <Input.TextArea
          showCount
          maxLength={500}
          autoSize={{ minRows: 2, maxRows: 6 }}
          placeholder={t('ledger.explanation_placeholder')}
        />
      </Form.Item>
    </Card>
  );
}
