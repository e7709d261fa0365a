import i18next from 'i18next';
import { initReactI18next, useTranslation } from 'react-i18next';
import { zhCN } from './zh-CN';

export const LANGUAGES = ['zh-CN', 'en'] as const;
export type Language = (typeof LANGUAGES)[number];

const STORAGE_KEY = 'wenming.lang';

function storedLanguage(): Language {
  try {
    const value = localStorage.getItem(STORAGE_KEY);
    return value === 'en' ? 'en' : 'zh-CN';
  } catch {
    // Private modes may refuse storage: Chinese is the default either way.
    return 'zh-CN';
  }
}

function applyToPage(language: Language) {
  document.documentElement.lang = language;
}

export const i18n = i18next.createInstance();
const initial = storedLanguage();
/**
 * Chinese, the default and the fallback, comes with the first load; English is fetched
 * when someone uses it, so most users never download it. Until it has arrived,
 * react-i18next suspends the components that need it.
 */
const lazyEnglish = {
  type: 'backend' as const,
  init() {},
  read(
    language: string,
    _namespace: string,
    callback: (error: unknown, data?: Record<string, unknown>) => void,
  ) {
    if (language !== 'en') return callback(null, language === 'zh-CN' ? zhCN : {});
    import('./en').then(
      (module) => callback(null, module.en),
      (error: unknown) => callback(error),
    );
  },
};

void i18n
  .use(lazyEnglish)
  .use(initReactI18next)
  .init({
    resources: { 'zh-CN': { translation: zhCN } },
    partialBundledLanguages: true,
    lng: initial,
    fallbackLng: 'zh-CN',
    // React already escapes what it renders.
    interpolation: { escapeValue: false },
  });
applyToPage(initial);

export function setLanguage(language: Language) {
  try {
    localStorage.setItem(STORAGE_KEY, language);
  } catch {
    // Not persisted, but the switch still applies to this page.
  }
  applyToPage(language);
  void i18n.changeLanguage(language);
}

export function useLanguage(): Language {
  const { i18n: instance } = useTranslation();
  return instance.language === 'en' ? 'en' : 'zh-CN';
}

export type { Resources } from './zh-CN';
export { zhCN };
