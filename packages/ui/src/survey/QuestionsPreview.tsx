import type { TQuestion } from '@wenming/domain';
import { Card, Checkbox, Flex, Input, Radio, Tag, Typography, theme } from 'antd';
import { useTranslation } from 'react-i18next';
import { localized } from '../campaign/CampaignFacts';
import { useLanguage } from '../i18n';

const SCALE = [1, 2, 3, 4, 5] as const;

/** The questionnaire as respondents will see it, not answerable: for checking before it opens. */
export function QuestionsPreview({ questions }: { questions: TQuestion[] }) {
  const { t } = useTranslation();
  const language = useLanguage();
  const { token } = theme.useToken();
  const text = (value: { zh: string; en: string }) => localized(value, language);
  return (
    <Flex vertical gap={12}>
      {questions.map((q, i) => (
        <Card key={q.id} size="small">
          <Flex vertical gap={10}>
            <Flex gap={8} align="baseline" wrap>
              <Typography.Text strong>
                {i + 1}. {text(q.title) || t('survey.untitled')}
                {q.required && <span style={{ color: token.colorError }}> *</span>}
              </Typography.Text>
              <Tag style={{ marginInlineEnd: 0 }}>{t(`survey.kind_${q.kind}`)}</Tag>
              {!q.required && <Typography.Text type="secondary">{t('survey.optional')}</Typography.Text>}
            </Flex>
            {q.kind === 'scale5' && (
              <Radio.Group
                disabled
                optionType="button"
                options={SCALE.map((n) => ({ value: n, label: `${n} ${t(`survey.public_scale${n}`)}` }))}
              />
            )}
            {q.kind === 'single' && (
              <Radio.Group
                disabled
                style={{ display: 'flex', flexDirection: 'column', gap: 6 }}
                options={q.options.map((o) => ({ value: o.id, label: text(o.label) }))}
              />
            )}
            {q.kind === 'multiple' && (
              <Checkbox.Group
                disabled
                style={{ display: 'flex', flexDirection: 'column', gap: 6 }}
                options={q.options.map((o) => ({ value: o.id, label: text(o.label) }))}
              />
            )}
            {q.kind === 'text' && (
              <Input.TextArea disabled rows={2} placeholder={t('survey.textLimit', { max: q.maxLength })} />
            )}
          </Flex>
        </Card>
      ))}
    </Flex>
  );
}
