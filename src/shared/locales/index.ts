/**
 * Every string a person sees, by language and namespace. Each area of the product owns one namespace file
 * (common, errors, catalog, devices, ...) in both languages, registered in zh-CN/index.ts and en/index.ts; a test
 * checks that both have the same keys. This module holds both languages at once (printing, the console, tests); the
 * kiosk's screens load one language at a time instead (src/renderer/i18n/load-language.ts).
 */
import { texts as zhCN } from './zh-CN';
import { texts as en } from './en';
import type { Language } from './languages';

export { LANGUAGES, type Language } from './languages';

/** One language's texts, every namespace: en must have every key zh-CN has (this type says so, locales.test too). */
export type LanguageTexts = typeof zhCN;

export const resources = { 'zh-CN': zhCN, en } satisfies Record<Language, LanguageTexts>;

export type Namespace = keyof LanguageTexts;
export const NAMESPACES = Object.keys(resources['zh-CN']) as Namespace[];
