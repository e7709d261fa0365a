import 'dayjs/locale/zh-cn';
import dayjs from 'dayjs';
import { i18n } from './index';

/**
 * The one way our code reaches dayjs. Only pages that show dates need it, so it stays out
 * of the first load, and whichever page brings it in first sets its locale from the page's
 * language and keeps following the switch (antd's calendar reads dayjs's locale too).
 */
function follow(language: string | undefined) {
  dayjs.locale(language === 'en' ? 'en' : 'zh-cn');
}

follow(document.documentElement.lang);
i18n.on('languageChanged', follow);

export { dayjs };
