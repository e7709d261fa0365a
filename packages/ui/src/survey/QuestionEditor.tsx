import { ArrowDownOutlined, ArrowUpOutlined, DeleteOutlined, PlusOutlined } from '@ant-design/icons';
import { QUESTION_KINDS, type TQuestion, zName, zText } from '@wenming/domain';
import {
  Button,
  Card,
  Col,
  Flex,
  Form,
  type FormListFieldData,
  Input,
  InputNumber,
  Row,
  Select,
  Switch,
  Tooltip,
  Typography,
} from 'antd';
import { useTranslation } from 'react-i18next';
import { useZodRule } from '../forms/zod-rules';
import { usePhone } from '../layout/screens';

export type QuestionKind = TQuestion['kind'];

export interface OptionValues {
  zh?: string;
  en?: string;
}

export interface QuestionValues {
  kind: QuestionKind;
  required: boolean;
  titleZh?: string;
  titleEn?: string;
  options?: OptionValues[];
  maxLength?: number;
}

export const CHOICE_KINDS: readonly QuestionKind[] = ['single', 'multiple'];
export const DEFAULT_MAX_LENGTH = 500;

function OptionsEditor({ question }: { question: FormListFieldData }) {
  const { t } = useTranslation();
  const rule = useZodRule();
  const phone = usePhone();
  return (
    <Form.List
      name={[question.name, 'options']}
      rules={[
        {
          validator: async (_, options?: OptionValues[]) => {
            if (!options || options.length < 2) throw new Error(t('survey.needTwoOptions'));
          },
        },
      ]}
    >
      {(rows, { add, remove }, { errors }) => (
        <Flex vertical gap={8}>
          <Typography.Text type="secondary">{t('survey.options')}</Typography.Text>
          {rows.map((row, i) => (
            <Flex key={row.key} gap={8} align="start">
              <span style={{ width: 20, paddingTop: 5, textAlign: 'end', flex: 'none' }}>{i + 1}.</span>
              <Row gutter={8} style={{ flex: 1, minWidth: 0 }}>
                <Col xs={24} md={12}>
                  <Form.Item
                    name={[row.name, 'zh']}
                    rules={rule(zName(100), {}, true)}
                    style={{ marginBottom: phone ? 4 : 0 }}
                  >
                    <Input
                      maxLength={100}
                      placeholder={t('survey.optionZh')}
                      aria-label={t('survey.optionZhN', { n: i + 1 })}
                    />
                  </Form.Item>
                </Col>
                <Col xs={24} md={12}>
                  <Form.Item
                    name={[row.name, 'en']}
                    rules={rule(zText(100).optional())}
                    style={{ marginBottom: 0 }}
                  >
                    <Input
                      maxLength={100}
                      placeholder={t('survey.optionEn')}
                      aria-label={t('survey.optionEnN', { n: i + 1 })}
                    />
                  </Form.Item>
                </Col>
              </Row>
              <Button
                type="text"
                icon={<DeleteOutlined />}
                aria-label={t('survey.removeOption', { n: i + 1 })}
                onClick={() => remove(row.name)}
              />
            </Flex>
          ))}
          <Form.ErrorList errors={errors} />
          {rows.length < 30 && (
            <Button
              icon={<PlusOutlined />}
              onClick={() => add({ zh: '', en: '' })}
              style={{ alignSelf: 'flex-start' }}
            >
              {t('survey.addOption')}
            </Button>
          )}
        </Flex>
      )}
    </Form.List>
  );
}

/** One question of the builder: kind, required, the title in both languages, its options. */
export function QuestionEditor({
  field,
  index,
  count,
  onMove,
  onRemove,
}: {
  field: FormListFieldData;
  index: number;
  count: number;
  onMove: (from: number, to: number) => void;
  onRemove: () => void;
}) {
  const { t } = useTranslation();
  const rule = useZodRule();
  const form = Form.useFormInstance();
  const kind: QuestionKind | undefined = Form.useWatch(['questions', field.name, 'kind'], form);
  const phone = usePhone();
  const n = index + 1;

  const onKind = (next: QuestionKind) => {
    const options: OptionValues[] | undefined = form.getFieldValue(['questions', field.name, 'options']);
    if (CHOICE_KINDS.includes(next) && (!options || options.length === 0)) {
      form.setFieldValue(
        ['questions', field.name, 'options'],
        [
          { zh: '', en: '' },
          { zh: '', en: '' },
        ],
      );
    }
  };

  return (
    <Card
      size="small"
      title={t('survey.questionN', { n })}
      styles={{ header: { paddingInline: phone ? 12 : undefined } }}
      extra={
        <Flex gap={0}>
          <Tooltip title={t('survey.moveUp')}>
            <Button
              type="text"
              icon={<ArrowUpOutlined />}
              disabled={index === 0}
              aria-label={t('survey.moveUpN', { n })}
              onClick={() => onMove(index, index - 1)}
            />
          </Tooltip>
          <Tooltip title={t('survey.moveDown')}>
            <Button
              type="text"
              icon={<ArrowDownOutlined />}
              disabled={index === count - 1}
              aria-label={t('survey.moveDownN', { n })}
              onClick={() => onMove(index, index + 1)}
            />
          </Tooltip>
          <Tooltip title={t('survey.removeQuestion')}>
            <Button
              type="text"
              danger
              icon={<DeleteOutlined />}
              disabled={count === 1}
              aria-label={t('survey.removeQuestionN', { n })}
              onClick={onRemove}
            />
          </Tooltip>
        </Flex>
      }
    >
      <Row gutter={12}>
        <Col xs={15} md={8}>
          <Form.Item name={[field.name, 'kind']} label={t('survey.kind')} rules={[{ required: true }]}>
            <Select
              onChange={onKind}
              aria-label={t('survey.kindN', { n })}
              options={QUESTION_KINDS.map((k) => ({ value: k, label: t(`survey.kind_${k}`) }))}
            />
          </Form.Item>
        </Col>
        <Col xs={9} md={4}>
          <Form.Item
            name={[field.name, 'required']}
            label={t('survey.requiredLabel')}
            valuePropName="checked"
          >
            <Switch aria-label={t('survey.requiredN', { n })} />
          </Form.Item>
        </Col>
        {kind === 'scale5' && (
          <Col xs={24} md={12}>
            <Typography.Paragraph type="secondary" style={{ marginTop: phone ? -12 : 30, fontSize: 13 }}>
              {t('survey.scaleHint')}
            </Typography.Paragraph>
          </Col>
        )}
        {kind !== 'scale5' && <Col xs={0} md={12} />}
        <Col xs={24} md={12}>
          <Form.Item
            name={[field.name, 'titleZh']}
            label={t('survey.questionZh')}
            rules={rule(zName(300), {}, true)}
          >
            <Input.TextArea
              autoSize={{ minRows: 1, maxRows: 4 }}
              maxLength={300}
              placeholder={t('survey.questionZhHint')}
              aria-label={t('survey.questionZhN', { n })}
            />
          </Form.Item>
        </Col>
        <Col xs={24} md={12}>
          <Form.Item
            name={[field.name, 'titleEn']}
            label={t('survey.questionEn')}
            rules={rule(zText(300).optional())}
          >
            <Input.TextArea
              autoSize={{ minRows: 1, maxRows: 4 }}
              maxLength={300}
              placeholder={t('survey.englishOptional')}
              aria-label={t('survey.questionEnN', { n })}
            />
          </Form.Item>
        </Col>
      </Row>
      {kind && CHOICE_KINDS.includes(kind) && <OptionsEditor question={field} />}
      {kind === 'text' && (
        <Form.Item
          name={[field.name, 'maxLength']}
          label={t('survey.maxLength')}
          rules={[{ required: true, message: t('validation.required') }]}
          style={{ marginBottom: 0 }}
        >
          <InputNumber min={1} max={2000} style={{ width: 160 }} suffix={t('survey.characters')} />
        </Form.Item>
      )}
    </Card>
  );
}
