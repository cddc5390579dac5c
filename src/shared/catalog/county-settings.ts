import { z } from 'zod';

/**
 * Numbers that belong to the county, not the code: contribution grades, the loan cap, how long a temporary card
 * block lasts, the PIN tries, a local funeral grant. The county publishes them with the catalogue; item texts name
 * them as {{key}} and the kiosk fills them in, so the screen can say "as set by the county on DATE". The shipped
 * values are today's and say so (setOn null: not yet set by the county).
 */

export const COUNTY_SETTING_KEYS = [
  'residentPensionGrades',
  'governmentPaidGrade',
  'startupLoanCap',
  'cardBlockDays',
  'pinTries',
  'residentFuneralGrant',
] as const;
export type CountySettingKey = (typeof COUNTY_SETTING_KEYS)[number];

/**
 * Settings every item has its own of: its promised time limit (承诺时限) and its legal basis list. The item's own
 * text is the shipped default; the county replaces one item's by publishing it here with the day it set it.
 */
export const ITEM_SETTING_KEYS = ['timeLimit', 'legalBasis'] as const;
export type ItemSettingKey = (typeof ITEM_SETTING_KEYS)[number];
/** What an item's texts read from the county: its numbers and its own time limit and basis. */
export type SettingRead = CountySettingKey | ItemSettingKey;
export const SETTINGS_READ_KEYS = [...COUNTY_SETTING_KEYS, ...ITEM_SETTING_KEYS] as const;

/** How a value reads in a sentence; the unit is part of it so "30 万元" and "300,000 yuan" both read naturally. */
type Unit = 'yuan' | 'yuanList' | 'days' | 'times';
const SETTING_UNIT: Record<CountySettingKey, Unit> = {
  residentPensionGrades: 'yuanList',
  governmentPaidGrade: 'yuan',
  startupLoanCap: 'yuan',
  cardBlockDays: 'days',
  pinTries: 'times',
  residentFuneralGrant: 'yuan',
};

const DateSchema = z.string().regex(/^\d{4}-\d{2}-\d{2}$/);
const SetOnSchema = DateSchema.nullable();
const TextSchema = z.object({ 'zh-CN': z.string().trim().min(1).max(300), en: z.string().trim().min(1).max(600) });
const ItemCodeKey = z.string().regex(/^[A-Z]{3,4}-\d{2}$/);
const amount = z.number().int().min(0).max(10_000_000);

export const CountySettingsSchema = z.object({
  /** Yearly grades of the resident pension, yuan a year, lowest first. */
  residentPensionGrades: z.object({ value: z.array(amount.min(1)).min(1).max(20), setOn: SetOnSchema }),
  /** The grade the government pays for 低保, 特困 and severely disabled residents, yuan a year. */
  governmentPaidGrade: z.object({ value: amount, setOn: SetOnSchema }),
  /** 创业担保贷款: the most one person may borrow, yuan. */
  startupLoanCap: z.object({ value: amount.min(1), setOn: SetOnSchema }),
  /** A temporary card block lifts by itself after this many days (7, 10 or 15 by region). */
  cardBlockDays: z.object({ value: z.number().int().min(1).max(90), setOn: SetOnSchema }),
  /** Wrong PINs in a row that lock the card. */
  pinTries: z.object({ value: z.number().int().min(1).max(10), setOn: SetOnSchema }),
  /** A county's own funeral grant for resident pensioners, yuan; 0 where the county has none. */
  residentFuneralGrant: z.object({ value: amount, setOn: SetOnSchema }),
  /** An item's promised time limit as the county set it (item code → text and the day), replacing the item's own. */
  timeLimits: z.record(ItemCodeKey, z.object({ value: TextSchema, setOn: DateSchema })).default({}),
  /** An item's legal basis list as the county set it (item code → the laws and documents, and the day). */
  legalBasis: z.record(ItemCodeKey, z.object({ value: z.array(TextSchema).min(1).max(12), setOn: DateSchema })).default({}),
});
export type CountySettings = z.infer<typeof CountySettingsSchema>;

/** Today's values, shipped with the kiosk until the county publishes its own. */
export const DEFAULT_COUNTY_SETTINGS: CountySettings = {
  residentPensionGrades: { value: [200, 300, 500, 800, 1000, 1500, 2000, 3000], setOn: null },
  governmentPaidGrade: { value: 200, setOn: null },
  startupLoanCap: { value: 300_000, setOn: null },
  cardBlockDays: { value: 15, setOn: null },
  pinTries: { value: 3, setOn: null },
  residentFuneralGrant: { value: 0, setOn: null },
  timeLimits: {},
  legalBasis: {},
};

/** The day the county set an item's own setting, or null while the item's shipped text applies. */
export function itemSettingSetOn(key: ItemSettingKey, code: string, settings: CountySettings): string | null {
  return (key === 'timeLimit' ? settings.timeLimits[code] : settings.legalBasis[code])?.setOn ?? null;
}

type Language = 'zh-CN' | 'en';

function yuan(value: number, language: Language): string {
  if (language === 'en') return `${value.toLocaleString('en-US')} yuan`;
  return value >= 10_000 && value % 10_000 === 0 ? `${value / 10_000} 万元` : `${value} 元`;
}

/** A setting as it reads in a sentence of the given language. */
export function formatSetting(key: CountySettingKey, settings: CountySettings, language: Language): string {
  const value = settings[key].value;
  switch (SETTING_UNIT[key]) {
    case 'yuanList': {
      const list = value as number[];
      return language === 'en' ? `${list.join(', ')} yuan a year` : `每年 ${list.join('、')} 元`;
    }
    case 'yuan':
      return yuan(value as number, language);
    case 'days':
      return language === 'en' ? `${value as number} days` : `${value as number} 天`;
    case 'times':
      return language === 'en' ? `${value as number} times` : `${value as number} 次`;
  }
}

const PLACEHOLDER = /\{\{([a-zA-Z]+)\}\}/g;

/** The setting keys a text names; unknown names are returned too, so the schema can refuse them. */
export function placeholdersIn(text: string): string[] {
  return [...text.matchAll(PLACEHOLDER)].map((match) => match[1]!);
}

export function isCountySettingKey(name: string): name is CountySettingKey {
  return (COUNTY_SETTING_KEYS as readonly string[]).includes(name);
}

/** The item with the county's own time limit and basis for it in its guide, where the county set them. */
function withItemSettings<T extends object>(item: T, settings: CountySettings): { item: T; read: ItemSettingKey[] } {
  const { code, guide } = item as { code?: unknown; guide?: Record<string, unknown> };
  if (typeof code !== 'string' || !guide) return { item, read: [] };
  const timeLimit = settings.timeLimits[code]?.value ?? guide.timeLimit;
  const basis = settings.legalBasis[code]?.value ?? guide.basis;
  return { item: { ...item, guide: { ...guide, timeLimit, basis } }, read: [...ITEM_SETTING_KEYS] };
}

/**
 * The item with its time limit and basis as the county set them, every {{key}} in its texts filled in from the
 * settings, the grade choices built from the county's grades, the loan amount's limit set to the county's cap, and
 * `settingsRead` naming what it used (the screen shows each with the day the county set it).
 */
export function applyCountySettings<T extends object>(original: T, settings: CountySettings): T & { settingsRead: SettingRead[] } {
  const { item, read: itemRead } = withItemSettings(original, settings);
  const read = new Set<CountySettingKey>();
  const fill = (node: unknown, language: Language | null): unknown => {
    if (typeof node === 'string') {
      if (!language) return node;
      return node.replace(PLACEHOLDER, (whole, name: string) => {
        if (!isCountySettingKey(name)) return whole;
        read.add(name);
        return formatSetting(name, settings, language);
      });
    }
    if (Array.isArray(node)) return node.map((child) => fill(child, language));
    if (node && typeof node === 'object') {
      const record = node as Record<string, unknown>;
      const out: Record<string, unknown> = {};
      if (record.optionsFrom === 'residentPensionGrades') {
        read.add('residentPensionGrades');
        out.options = settings.residentPensionGrades.value.map((grade) => ({
          value: `y${grade}`,
          label: { 'zh-CN': `${grade} 元/年`, en: `${grade} yuan a year` },
        }));
      }
      if (record.maxFrom === 'startupLoanCap') {
        read.add('startupLoanCap');
        out.max = settings.startupLoanCap.value;
      }
      for (const [key, child] of Object.entries(record)) if (!(key in out)) out[key] = fill(child, key === 'zh-CN' || key === 'en' ? key : language);
      return out;
    }
    return node;
  };
  const filled = fill(item, null) as T;
  return { ...filled, settingsRead: [...COUNTY_SETTING_KEYS.filter((key) => read.has(key)), ...itemRead] };
}
