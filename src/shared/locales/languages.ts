/** The languages every text exists in: zh-CN first, en complete. */
export const LANGUAGES = ['zh-CN', 'en'] as const;
export type Language = (typeof LANGUAGES)[number];
