import type { FaqEntry, Guide } from '../schema';

/** Guide and FAQ per item code, written per category in the files beside this one. */
export type ItemTexts = Record<string, { guide: Guide; faq: FaqEntry[] }>;

export const GUIDES: Partial<ItemTexts> = {};
