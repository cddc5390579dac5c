/**
 * The four categories of the province's 40 unified items (CATALOG.md), plus the demonstration point's own.
 * Names live in the locales under common:categories.<code>.
 */
export const CATEGORY_CODES = ['job', 'skill', 'insurance', 'card', 'demo'] as const;
export type CategoryCode = (typeof CATEGORY_CODES)[number];

export interface CategoryInfo {
  code: CategoryCode;
  /** How many items the province's plan puts in this category. */
  plannedItems: number;
  /** Only the township's demonstration point shows it. */
  demonstrationOnly: boolean;
}

export const CATEGORIES: readonly CategoryInfo[] = [
  { code: 'job', plannedItems: 15, demonstrationOnly: false },
  { code: 'skill', plannedItems: 4, demonstrationOnly: false },
  { code: 'insurance', plannedItems: 18, demonstrationOnly: false },
  { code: 'card', plannedItems: 3, demonstrationOnly: false },
  { code: 'demo', plannedItems: 4, demonstrationOnly: true },
];

export function categoriesForLevel(level: 'village' | 'demonstration'): readonly CategoryInfo[] {
  return CATEGORIES.filter((c) => level === 'demonstration' || !c.demonstrationOnly);
}
