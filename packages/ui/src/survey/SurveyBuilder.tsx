import { EyeOutlined, PlusOutlined } from '@ant-design/icons';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { type TQuestion, ZCreateSurvey, zName, zText } from '@wenming/domain';
import {
  Alert,
  Button,
  Card,
  Col,
  Drawer,
  Flex,
  Form,
  type FormInstance,
  Input,
  Radio,
  Row,
  Select,
  Typography,
} from 'antd';
import { type ReactNode, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { z } from 'zod';
import { apiErrorInfo, useErrorMessage } from '../api/errors';
import { useTRPC } from '../api/trpc';
import { useToast } from '../app/feedback';
import { issueMessage, useZodRule } from '../forms/zod-rules';
import { i18n } from '../i18n';
import { dayjs } from '../i18n/dayjs';
import { usePhone } from '../layout/screens';
import type { TSurvey } from './model';
import {
  CHOICE_KINDS,
  DEFAULT_MAX_LENGTH,
  QuestionEditor,
  type QuestionKind,
  type QuestionValues,
} from './QuestionEditor';
import { QuestionsPreview } from './QuestionsPreview';

export interface BuilderValues {
  titleZh?: string;
  titleEn?: string;
  description?: string;
  descriptionEn?: string;
  audience: 'public' | 'staff';
  opensOn?: string;
  closesOn?: string;
  indicatorCodes?: string[];
  questions: QuestionValues[];
}

export interface IndicatorChoice {
  value: string;
  label: string;
  /** Its assessment method includes a questionnaire (问卷调查): listed first. */
  survey: boolean;
}

type Targets = { officeId?: string; unitIds: string[] };
type CreateInput = z.input<typeof ZCreateSurvey>;

/** A template's question in both languages; English only when it has been loaded. */
function templateQuestion(kind: QuestionKind, key: string, required: boolean): QuestionValues {
  const zh = i18n.getFixedT('zh-CN')(`survey.${key}`);
  const en = i18n.hasResourceBundle('en', 'translation') ? i18n.getFixedT('en')(`survey.${key}`) : '';
  return { kind, required, titleZh: zh, titleEn: en, options: [], maxLength: DEFAULT_MAX_LENGTH };
}

function initialValues(): BuilderValues {
  const today = dayjs();
  return {
    audience: 'public',
    opensOn: today.format('YYYY-MM-DD'),
    closesOn: today.add(30, 'day').format('YYYY-MM-DD'),
    indicatorCodes: [],
    // A common start: the overall score and a box for suggestions. Edit or replace freely.
    questions: [
      templateQuestion('scale5', 'template_overall', true),
      templateQuestion('text', 'template_suggestions', false),
    ],
  };
}

const trim = (value: string | undefined) => (value ?? '').trim();

/** Question and option ids are generated in order (q1, q2…; o1, o2…): they never change once created. */
export function questionsOf(values: QuestionValues[] | undefined): TQuestion[] {
  return (values ?? []).map((q, i) => ({
    id: `q${i + 1}`,
    kind: q.kind,
    required: Boolean(q.required),
    title: { zh: trim(q.titleZh), en: trim(q.titleEn) },
    options: CHOICE_KINDS.includes(q.kind)
      ? (q.options ?? []).map((o, j) => ({ id: `o${j + 1}`, label: { zh: trim(o.zh), en: trim(o.en) } }))
      : [],
    maxLength: q.kind === 'text' ? (q.maxLength ?? DEFAULT_MAX_LENGTH) : DEFAULT_MAX_LENGTH,
  }));
}

/** A path of the create payload (`questions.2.title.zh`) as the form field it came from. */
function fieldOf(path: (string | number)[]): (string | number)[] | null {
  const [head, index, sub, leaf] = path;
  if (head === 'title') return [index === 'en' ? 'titleEn' : 'titleZh'];
  if (head === 'questions' && typeof index === 'number') {
    if (sub === 'title') return ['questions', index, leaf === 'en' ? 'titleEn' : 'titleZh'];
    if (sub === 'maxLength') return ['questions', index, 'maxLength'];
    if (sub === 'options' && typeof leaf === 'number')
      return ['questions', index, 'options', leaf, path[5] === 'en' ? 'en' : 'zh'];
    return null;
  }
  if (
    typeof head === 'string' &&
    ['description', 'descriptionEn', 'opensOn', 'closesOn', 'unitIds', 'officeId'].includes(head)
  )
    return [head];
  return null;
}

/**
 * The survey builder: what is asked, of whom, when. The questionnaire cannot change once
 * created (answers must mean what they were asked as), so it can be previewed first; a survey
 * saved as a draft waits for its posters to go up before it starts collecting.
 */
export function SurveyBuilder({
  targetFields,
  initialTargets,
  targets,
  indicatorChoices,
  onCreated,
  onCancel,
}: {
  /** Who is surveyed, for offices (units of the office); units survey themselves. */
  targetFields?: ReactNode;
  /** Starting values of the target fields. */
  initialTargets?: Record<string, unknown>;
  targets: (values: Record<string, unknown>) => Targets | null;
  /** The indicators of the framework in use; without them, codes are typed freely. */
  indicatorChoices?: IndicatorChoice[];
  onCreated: (survey: TSurvey) => void;
  onCancel: () => void;
}) {
  const { t } = useTranslation();
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const toast = useToast();
  const rule = useZodRule();
  const errorMessage = useErrorMessage();
  const phone = usePhone();
  const [form] = Form.useForm<BuilderValues>();
  const [preview, setPreview] = useState<{
    title: string;
    description: string;
    questions: TQuestion[];
  } | null>(null);
  const [problem, setProblem] = useState<string | null>(null);
  // Which of the two submit buttons was pressed: read when the validated values arrive.
  const openNow = useRef(true);
  const [opening, setOpening] = useState(true);

  const create = useMutation(trpc.survey.create.mutationOptions());
  const open = useMutation(trpc.survey.open.mutationOptions());
  const busy = create.isPending || open.isPending;

  const applyIssues = (target: FormInstance, issues: { path: (string | number)[]; message: string }[]) => {
    const placed = issues.flatMap((issue) => {
      const name = fieldOf(issue.path);
      return name ? [{ name, errors: [issue.message] }] : [];
    });
    target.setFields(placed);
    return placed.length === issues.length;
  };

  const submit = async (values: BuilderValues) => {
    setProblem(null);
    const target = targets(values as unknown as Record<string, unknown>);
    if (!target) return;
    const payload: CreateInput = {
      ...target,
      title: { zh: trim(values.titleZh), en: trim(values.titleEn) },
      description: trim(values.description),
      descriptionEn: trim(values.descriptionEn),
      audience: values.audience,
      questions: questionsOf(values.questions),
      opensOn: values.opensOn ?? '',
      closesOn: values.closesOn ?? '',
      indicatorCodes: values.indicatorCodes ?? [],
    };
    const parsed = ZCreateSurvey.safeParse(payload);
    if (!parsed.success) {
      const issues = parsed.error.issues.map((issue) => ({
        path: issue.path as (string | number)[],
        message: issueMessage(issue, undefined, t),
      }));
      if (!applyIssues(form, issues)) setProblem(t('survey.checkQuestions'));
      return;
    }
    let survey: TSurvey;
    try {
      survey = await create.mutateAsync(parsed.data);
    } catch (error) {
      const info = apiErrorInfo(error);
      const fields = Object.entries(info.fields ?? {}).map(([path, message]) => ({
        path: path.split('.').map((part) => (/^\d+$/.test(part) ? Number(part) : part)),
        message,
      }));
      if (fields.length === 0 || !applyIssues(form, fields)) setProblem(errorMessage(error));
      return;
    }
    void queryClient.invalidateQueries(trpc.survey.list.pathFilter());
    if (openNow.current) {
      try {
        survey = await open.mutateAsync({ id: survey.id });
      } catch (error) {
        toast.error(errorMessage(error));
      }
    }
    queryClient.setQueryData(trpc.survey.get.queryKey({ id: survey.id }), survey);
    toast.success(survey.status === 'open' ? t('survey.createdOpen') : t('survey.createdDraft'));
    onCreated(survey);
  };

  const indicatorOptions = indicatorChoices
    ? [...indicatorChoices]
        .sort((a, b) => Number(b.survey) - Number(a.survey))
        .map((c) => ({
          value: c.value,
          label: c.survey ? `${c.label} · ${t('survey.questionnaireMethod')}` : c.label,
        }))
    : undefined;

  const size = phone ? ('small' as const) : undefined;
  return (
    <Form<BuilderValues>
      form={form}
      layout="vertical"
      initialValues={{ ...initialValues(), ...initialTargets }}
      onFinish={(values) => void submit(values)}
      onFinishFailed={({ errorFields }) => {
        if (errorFields[0]) form.scrollToField(errorFields[0].name, { block: 'center' });
      }}
      disabled={busy}
      scrollToFirstError={false}
    >
      <Flex vertical gap={16}>
        <Card size={size} title={t('survey.basics')}>
          <Row gutter={16}>
            <Col xs={24} md={12}>
              <Form.Item name="titleZh" label={t('survey.titleZh')} rules={rule(zName(200), {}, true)}>
                <Input maxLength={200} placeholder={t('survey.titleZhHint')} />
              </Form.Item>
            </Col>
            <Col xs={24} md={12}>
              <Form.Item name="titleEn" label={t('survey.titleEn')} rules={rule(zText(200).optional())}>
                <Input maxLength={200} placeholder={t('survey.englishOptional')} />
              </Form.Item>
            </Col>
            <Col xs={24} md={12}>
              <Form.Item
                name="description"
                label={t('survey.description')}
                rules={rule(zText(2000).optional())}
                extra={t('survey.descriptionHint')}
              >
                <Input.TextArea autoSize={{ minRows: 2, maxRows: 6 }} maxLength={2000} />
              </Form.Item>
            </Col>
            <Col xs={24} md={12}>
              <Form.Item
                name="descriptionEn"
                label={t('survey.descriptionEn')}
                rules={rule(zText(2000).optional())}
              >
                <Input.TextArea
                  autoSize={{ minRows: 2, maxRows: 6 }}
                  maxLength={2000}
                  placeholder={t('survey.englishOptional')}
                />
              </Form.Item>
            </Col>
            <Col xs={24} md={12}>
              <Form.Item
                name="audience"
                label={t('survey.audience')}
                rules={[{ required: true }]}
                extra={t('survey.audienceHint')}
              >
                <Radio.Group
                  optionType="button"
                  options={(['public', 'staff'] as const).map((a) => ({
                    value: a,
                    label: t(`survey.audience_${a}`),
                  }))}
                />
              </Form.Item>
            </Col>
            <Col xs={12} md={6}>
              <Form.Item
                name="opensOn"
                label={t('survey.opensOn')}
                rules={[{ required: true, message: t('validation.required') }]}
              >
                <Input type="date" />
              </Form.Item>
            </Col>
            <Col xs={12} md={6}>
              <Form.Item
                name="closesOn"
                label={t('survey.closesOn')}
                dependencies={['opensOn']}
                rules={[
                  { required: true, message: t('validation.required') },
                  ({ getFieldValue }) => ({
                    validator: async (_, value?: string) => {
                      const from: string | undefined = getFieldValue('opensOn');
                      if (value && from && value < from) throw new Error(t('survey.closesBeforeOpens'));
                    },
                  }),
                ]}
              >
                <Input type="date" />
              </Form.Item>
            </Col>
            {targetFields && <Col xs={24}>{targetFields}</Col>}
            <Col xs={24}>
              <Form.Item
                name="indicatorCodes"
                label={t('survey.indicators')}
                extra={t('survey.indicatorsHint')}
                style={{ marginBottom: 0 }}
              >
                <Select
                  mode={indicatorOptions ? 'multiple' : 'tags'}
                  allowClear
                  options={indicatorOptions}
                  optionFilterProp="label"
                  placeholder={
                    indicatorOptions ? t('survey.indicatorsPlaceholder') : t('survey.indicatorsType')
                  }
                  tokenSeparators={indicatorOptions ? undefined : [',', '，', ' ']}
                  maxCount={50}
                />
              </Form.Item>
            </Col>
          </Row>
        </Card>

        <Card
          size={size}
          title={t('survey.questions')}
          extra={
            <Button
              icon={<EyeOutlined />}
              onClick={() =>
                setPreview({
                  title: trim(form.getFieldValue('titleZh')),
                  description: trim(form.getFieldValue('description')),
                  questions: questionsOf(form.getFieldValue('questions')),
                })
              }
            >
              {t('survey.preview')}
            </Button>
          }
        >
          <Form.List
            name="questions"
            rules={[
              {
                validator: async (_, questions?: QuestionValues[]) => {
                  if (!questions || questions.length === 0) throw new Error(t('survey.needOneQuestion'));
                },
              },
            ]}
          >
            {(fields, { add, remove, move }, { errors }) => (
              <Flex vertical gap={12}>
                {fields.map((field, i) => (
                  <QuestionEditor
                    key={field.key}
                    field={field}
                    index={i}
                    count={fields.length}
                    onMove={move}
                    onRemove={() => remove(field.name)}
                  />
                ))}
                <Form.ErrorList errors={errors} />
                {fields.length < 60 && (
                  <Button
                    type="dashed"
                    icon={<PlusOutlined />}
                    onClick={() =>
                      add({
                        kind: 'scale5',
                        required: true,
                        titleZh: '',
                        titleEn: '',
                        options: [],
                        maxLength: DEFAULT_MAX_LENGTH,
                      } satisfies QuestionValues)
                    }
                  >
                    {t('survey.addQuestion')}
                  </Button>
                )}
              </Flex>
            )}
          </Form.List>
        </Card>

        <Card size={size}>
          <Flex vertical gap={12}>
            <Typography.Text type="secondary">{t('survey.createHint')}</Typography.Text>
            {problem && <Alert type="error" showIcon title={problem} />}
            <Flex gap={8} wrap>
              <Button
                type="primary"
                htmlType="submit"
                loading={busy && opening}
                onClick={() => {
                  openNow.current = true;
                  setOpening(true);
                }}
              >
                {t('survey.createAndOpen')}
              </Button>
              <Button
                htmlType="submit"
                loading={busy && !opening}
                onClick={() => {
                  openNow.current = false;
                  setOpening(false);
                }}
              >
                {t('survey.saveDraft')}
              </Button>
              <Button type="text" onClick={onCancel} disabled={false}>
                {t('common.cancel')}
              </Button>
            </Flex>
          </Flex>
        </Card>
      </Flex>

      <Drawer
        open={preview !== null}
        onClose={() => setPreview(null)}
        title={t('survey.previewTitle')}
        size={phone ? '100%' : 'large'}
      >
        {preview && (
          <Flex vertical gap={12}>
            <Typography.Title level={5} style={{ margin: 0 }}>
              {preview.title || t('survey.untitled')}
            </Typography.Title>
            {preview.description && (
              <Typography.Paragraph style={{ whiteSpace: 'pre-wrap', margin: 0 }}>
                {preview.description}
              </Typography.Paragraph>
            )}
            <QuestionsPreview questions={preview.questions} />
          </Flex>
        )}
      </Drawer>
    </Form>
  );
}
