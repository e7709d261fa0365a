import { UNIT_TYPES, ZCreateUnit } from '@wenming/domain';
import { loadWorkStrings, useZodRule } from '@wenming/ui';
import { Col, Form, Input, Row, Select } from 'antd';
import { useTranslation } from 'react-i18next';

loadWorkStrings();

/** Fields a unit's record has in both the create and the edit form, checked by the shared schema. */
export function UnitFormFields() {
  const { t } = useTranslation();
  const rule = useZodRule();
  const shape = ZCreateUnit.shape;
  return (
    <Row gutter={16}>
      <Col xs={24} sm={16}>
        <Form.Item name="name" label={t('unit.name')} rules={rule(shape.name, {}, true)}>
          <Input maxLength={100} />
        </Form.Item>
      </Col>
      <Col xs={24} sm={8}>
        <Form.Item name="type" label={t('unit.type')} rules={rule(shape.type, {}, true)}>
          <Select options={UNIT_TYPES.map((type) => ({ value: type, label: t(`unitType.${type}`) }))} />
        </Form.Item>
      </Col>
      <Col span={24}>
        <Form.Item name="address" label={t('unit.address')} rules={rule(shape.address)}>
          <Input maxLength={200} />
        </Form.Item>
      </Col>
      <Col xs={24} sm={12}>
        <Form.Item name="contactName" label={t('unit.contactName')} rules={rule(shape.contactName)}>
          <Input maxLength={50} autoComplete="off" />
        </Form.Item>
      </Col>
      <Col xs={24} sm={12}>
        <Form.Item
          name="contactPhone"
          label={t('unit.contactPhone')}
          rules={rule(shape.contactPhone, { format: t('validation.phone') })}
        >
          <Input maxLength={32} inputMode="tel" autoComplete="off" />
        </Form.Item>
      </Col>
    </Row>
  );
}

/** Department names typed one after another; separators split a pasted list. */
export function DepartmentsInput(props: {
  value?: string[];
  onChange?: (value: string[]) => void;
  id?: string;
}) {
  const { t } = useTranslation();
  return (
    <Select
      {...props}
      mode="tags"
      open={false}
      suffixIcon={null}
      tokenSeparators={[',', '，', '、', ';', '；']}
      placeholder={t('unit.departmentsHint')}
    />
  );
}
