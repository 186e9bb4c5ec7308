// i18next with the two UI languages. The host may force one (--lang); otherwise the OS/browser
// language decides: any Chinese locale gets zh-CN, everything else English.
import i18next from 'i18next';
import { initReactI18next } from 'react-i18next';
import type { Language } from '../../shared/contract/appInfo';
import { en } from './en';
import { zhCN } from './zhCN';

export function pickLanguage(override: Language | null, browserLanguages: readonly string[]): Language {
  if (override) return override;
  const first = browserLanguages[0] ?? 'en';
  return first.toLowerCase().startsWith('zh') ? 'zh-CN' : 'en';
}

export async function setupI18n(language: Language): Promise<void> {
  await i18next.use(initReactI18next).init({
    lng: language,
    fallbackLng: 'en',
    resources: { en: { translation: en }, 'zh-CN': { translation: zhCN } },
    interpolation: { escapeValue: false }, // React escapes already
  });
  document.documentElement.lang = language;
}
