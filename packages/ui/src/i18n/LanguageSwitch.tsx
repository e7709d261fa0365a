import { TranslationOutlined } from '@ant-design/icons';
import { Button, Tooltip } from 'antd';
import { useTranslation } from 'react-i18next';
import { setLanguage, useLanguage } from './index';

/** One click flips between Chinese and English; the button names the language it switches to. */
export function LanguageSwitch({ compact = false }: { compact?: boolean }) {
  const { t } = useTranslation();
  const language = useLanguage();
  const next = language === 'en' ? 'zh-CN' : 'en';
  return (
    <Tooltip title={t('shell.language')}>
      <Button
        type="text"
        icon={<TranslationOutlined />}
        onClick={() => setLanguage(next)}
        lang={next}
        aria-label={`${t('shell.language')}: ${t('shell.switchTo')}`}
      >
        {compact ? t('shell.switchToShort') : t('shell.switchTo')}
      </Button>
    </Tooltip>
  );
}
