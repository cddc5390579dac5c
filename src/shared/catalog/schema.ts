import { ServiceChannelSchema } from '../domain/service-channel';
import { z } from 'zod';
import { DeviceKindSchema } from '../domain/devices';
import { IdentitySourceSchema } from '../domain/identity';
import { CATEGORY_CODES } from './categories';
import { RiskClassSchema, classProblems } from './risk-class';
import { SETTINGS_READ_KEYS, CountySettingsSchema, DEFAULT_COUNTY_SETTINGS, isCountySettingKey, placeholdersIn } from './county-settings';

/**
 * The shape of the service catalogue (CATALOG.md). The catalogue is data: the kiosk ships a default and the
 * county replaces it with a newer version, so every text a resident reads about an item travels inside the
 * record in both languages (not in the locale files, which hold only the kiosk's own words).
 */

export const LocalisedTextSchema = z.object({
  'zh-CN': z.string().trim().min(1),
  en: z.string().trim().min(1),
});
export type LocalisedText = z.infer<typeof LocalisedTextSchema>;

export const ItemCodeSchema = z.string().regex(/^[A-Z]{3,4}-\d{2}$/, 'item code like JOB-01');

export const ItemTypeSchema = z.enum(['apply', 'query', 'print', 'certify', 'card', 'info']);
export type ItemType = z.infer<typeof ItemTypeSchema>;

export const SiteLevelSchema = z.enum(['village', 'demonstration']);
export type SiteLevel = z.infer<typeof SiteLevelSchema>;


const FieldNameSchema = z.string().regex(/^[a-z][A-Za-z0-9]*$/, 'field name in camelCase');
/** Show a field only when another field holds one of these values (e.g. "other reason" only after "other"). */
export const VisibleWhenSchema = z.object({
  field: FieldNameSchema,
  oneOf: z.array(z.union([z.string(), z.boolean()])).min(1),
});

/** Who the resident must prove to be. `accepts` are alternatives: any one of them identifies the resident. */
export const IdentityRequirementSchema = z.object({
  required: z.boolean(),
  accepts: z.array(IdentitySourceSchema),
  /** A live face capture compared with the county's photo, for items where a wrong person would cost money. */
  faceCheck: z.boolean(),
  /**
   * An answer with which a logged-in clerk's check in person stands in for the item's own face check (DEMO-02: the
   * people whose face checks keep failing). Never for a class that itself needs a face (risk-class.ts refuses it).
   */
  faceWaivedWhen: VisibleWhenSchema.optional(),
});
export type IdentityRequirement = z.infer<typeof IdentityRequirementSchema>;

const ChoiceValueSchema = z.string().regex(/^[a-z0-9][a-zA-Z0-9_-]*$/);


/**
 * A county catalogue is data: a pattern must compile, and must not be able to hang the core on a long value.
 * Backtracking grows with the product of the choices of the variable-length pieces in a row: `a?` twenty-five
 * times (2^25) took 0.8 s on 199 characters and passed the old guard, as did `\d{0,99}` three times (100^3).
 * So each piece is given its number of choices (`?` 2, `{n,m}` m-n+1, `*`, `+` and `{n,}` the longest value,
 * 500) and the product may be at most 500², two open repeats; a repeated group (`(a+)+`, exponential) and
 * back-references are refused outright. With values capped at 500 characters (maxLength) that bounds the work.
 */
const LONGEST_VALUE = 500;
const MAX_PATTERN_CHOICES = LONGEST_VALUE * LONGEST_VALUE;

export function isSafePattern(pattern: string): boolean {
  try {
    new RegExp(`^(?:${pattern})$`, 'u');
  } catch {
    return false;
  }
  if (/\\[1-9]|\\k</.test(pattern)) return false;
  const unescaped = pattern
    .replace(/\\./g, 'e')
    .replace(/\[(?:[^\]\\]|\\.)*\]/g, 'c')
    // Group openers are not quantifiers: (?: (?= (?! (?<= (?<! (?<name>
    .replace(/\(\?(?:[:=!]|<[=!]|<[A-Za-z_][A-Za-z0-9_]*>)/g, '(')
    // A lazy marker after a quantifier is not a second quantifier.
    .replace(/([*+?}])\?/g, '$1');
  if (/\)(?:[*+]|\{\d)/.test(unescaped)) return false;
  let choices = 1;
  for (const m of unescaped.matchAll(/[*+?]|\{(\d+)(,?)(\d*)\}/g)) {
    if (m[0] === '?') choices *= 2;
    else if (m[0] === '*' || m[0] === '+' || (m[2] === ',' && m[3] === '')) choices *= LONGEST_VALUE;
    else if (m[2] === ',') choices *= Math.max(1, Number(m[3]) - Number(m[1]) + 1);
    if (choices > MAX_PATTERN_CHOICES) return false;
  }
  return true;
}

const FieldBase = {
  name: FieldNameSchema,
  label: LocalisedTextSchema,
  hint: LocalisedTextSchema.optional(),
  required: z.boolean(),
  visibleWhen: VisibleWhenSchema.optional(),
};

/** Date limits: an ISO date, or relative to the day the form is filled. */
export const DateBoundSchema = z.union([
  z.string().regex(/^\d{4}-\d{2}-\d{2}$/),
  z.literal('today'),
  z.object({ daysFromToday: z.number().int() }),
]);
export type DateBound = z.infer<typeof DateBoundSchema>;

export const FieldSchema = z.discriminatedUnion('kind', [
  z.object({
    ...FieldBase,
    kind: z.literal('text'),
    /** Which keyboard the screen opens. */
    keyboard: z.enum(['chinese', 'latin', 'digits']).default('chinese'),
    minLength: z.number().int().min(0).default(0),
    maxLength: z.number().int().min(1).max(500),
    /** A regular expression the whole value must match; `patternKey` names the reason shown when it does not. */
    pattern: z
      .string()
      .max(200)
      .refine(isSafePattern, 'pattern must compile, with no repeated groups or back-references and a bounded number of ways to match')
      .optional(),
    patternKey: z.string().optional(),
  }),
  z.object({ ...FieldBase, kind: z.literal('personName') }),
  z.object({ ...FieldBase, kind: z.literal('idNumber') }),
  z.object({ ...FieldBase, kind: z.literal('phone'), allowLandline: z.boolean().default(false) }),
  z.object({
    ...FieldBase,
    kind: z.literal('date'),
    min: DateBoundSchema.optional(),
    max: DateBoundSchema.optional(),
    /** The value must be on or after this other date field's value. */
    notBefore: FieldNameSchema.optional(),
  }),
  z.object({
    ...FieldBase,
    kind: z.literal('amount'),
    /** Yuan; two decimals at most. */
    min: z.number().min(0),
    max: z.number().positive(),
    /** The upper limit is a county setting (the loan cap), set from it when the catalogue is loaded. */
    maxFrom: z.literal('startupLoanCap').optional(),
  }),
  z.object({
    ...FieldBase,
    kind: z.literal('integer'),
    min: z.number().int(),
    max: z.number().int(),
    unit: LocalisedTextSchema.optional(),
  }),
  z.object({ ...FieldBase, kind: z.literal('bankAccount') }),
  z.object({ ...FieldBase, kind: z.literal('divisionCode') }),
  z.object({
    ...FieldBase,
    kind: z.literal('choice'),
    /** Options built from a county setting when the catalogue is loaded (the grades of the resident pension). */
    optionsFrom: z.literal('residentPensionGrades').optional(),
    options: z
      .array(z.object({ value: ChoiceValueSchema, label: LocalisedTextSchema }))
      .min(2),
  }),
  z.object({
    ...FieldBase,
    kind: z.literal('confirm'),
    /** The statement the resident agrees to by ticking; a required confirm must be ticked. */
    statement: LocalisedTextSchema,
  }),
]);
export type Field = z.infer<typeof FieldSchema>;
export type FieldKind = Field['kind'];

/** A screenful of fields: forms are split so a resident never faces more than a few inputs at once. */
export const FormStepSchema = z.object({
  key: FieldNameSchema,
  title: LocalisedTextSchema,
  fields: z.array(FieldSchema).min(1).max(6),
});
export type FormStep = z.infer<typeof FormStepSchema>;

/** A paper the resident shows to the document camera. */
export const MaterialSchema = z.object({
  code: z.string().regex(/^[a-z][a-zA-Z0-9]*$/),
  name: LocalisedTextSchema,
  /** When it is needed or what it looks like, in plain words. */
  note: LocalisedTextSchema.optional(),
  required: z.boolean(),
  maxPages: z.number().int().min(1).max(20),
  /** Captured only when a form field holds one of these values. */
  visibleWhen: VisibleWhenSchema.optional(),
});
export type Material = z.infer<typeof MaterialSchema>;

/** Operations a card item performs on the social security card itself. */
export const CardOperationSchema = z.enum(['reportLoss', 'cancelLossReport', 'activate', 'changePin', 'resetPin']);
export type CardOperation = z.infer<typeof CardOperationSchema>;

export const GuideSchema = z.object({
  /** Who can apply, in plain words. */
  conditions: z.array(LocalisedTextSchema).min(1),
  /** What to bring (the one-time notification lists all of them at once). */
  materials: z.array(LocalisedTextSchema).min(1),
  steps: z.array(LocalisedTextSchema).min(1),
  timeLimit: LocalisedTextSchema,
  fee: LocalisedTextSchema,
  /** The laws and documents the service rests on. */
  basis: z.array(LocalisedTextSchema).min(1),
  hotline: z.string().regex(/^[0-9-]{5,20}$/),
  /** Who handles it after the village point. */
  handledBy: LocalisedTextSchema,
});
export type Guide = z.infer<typeof GuideSchema>;

export const FaqEntrySchema = z.object({ question: LocalisedTextSchema, answer: LocalisedTextSchema });
export type FaqEntry = z.infer<typeof FaqEntrySchema>;

export const CatalogItemSchema = z
  .object({
    code: ItemCodeSchema,
    category: z.enum(CATEGORY_CODES),
    name: LocalisedTextSchema,
    /** One line under the name on a tile. */
    summary: LocalisedTextSchema,
    /** Everyday words residents search by (社保卡, 养老金) besides the official name; pinyin initials are derived. */
    keywords: z.array(z.string().trim().min(1).max(20)).default([]),
    type: ItemTypeSchema,
    siteLevel: SiteLevelSchema,
    identity: IdentityRequirementSchema,
    /** What a wrong person could do with it; fixes the least identity the record may ask for (risk-class.ts). */
    riskClass: RiskClassSchema,
    /** The channels an item may be handed in through (proxy is governed by the item's risk class). */
    serviceModes: z.array(ServiceChannelSchema).min(1),
    /** Every device that must work for the item to be finished here (identity readers are judged from `identity`). */
    requiresDevices: z.array(DeviceKindSchema),
    /** True when the item cannot be done without the county answering now; false when it can be queued offline. */
    needsCountyOnline: z.boolean(),
    /** Query items that show the last synced copy when the county is unreachable (e.g. vacancy lists). */
    offlineCache: z.boolean().default(false),
    /** How old a cached copy may be and still be shown offline (the tile is ready offline only while one this young exists). */
    offlineCacheMaxHours: z.number().int().min(1).max(720).default(24),
    /** What the face camera is asked for: a certification check, or recording a new face model (DEMO-02). */
    facePurpose: z.enum(['certification', 'remodel']).default('certification'),
    /** Sent to the county at once when online and answered on the spot (a card loss report); offline it is recorded and says it is not yet done. */
    immediate: z.boolean().default(false),
    form: z.array(FormStepSchema),
    materials: z.array(MaterialSchema),
    cardOperations: z.array(CardOperationSchema).default([]),
    guide: GuideSchema,
    faq: z.array(FaqEntrySchema).min(2),
    /** Filled in by the kiosk when it loads the catalogue: the county settings the item's texts name. */
    settingsRead: z.array(z.enum(SETTINGS_READ_KEYS)).optional(),
  })
  .superRefine((item, ctx) => {
    const problem = (message: string, path: (string | number)[] = []): void => {
      ctx.addIssue({ code: 'custom', message, path });
    };
    const fields = item.form.flatMap((step) => step.fields);
    const names = new Set<string>();
    for (const field of fields) {
      if (names.has(field.name)) problem(`duplicate field ${field.name}`, ['form']);
      names.add(field.name);
    }
    for (const field of fields) {
      if (field.visibleWhen && !names.has(field.visibleWhen.field)) {
        problem(`field ${field.name} depends on unknown field ${field.visibleWhen.field}`, ['form']);
      }
      if (field.kind === 'date' && field.notBefore && !names.has(field.notBefore)) {
        problem(`field ${field.name} compares with unknown field ${field.notBefore}`, ['form']);
      }
      if ((field.kind === 'amount' || field.kind === 'integer') && field.min > field.max) {
        problem(`field ${field.name} has min above max`, ['form']);
      }
    }
    const materialCodes = new Set<string>();
    for (const material of item.materials) {
      if (materialCodes.has(material.code)) problem(`duplicate material ${material.code}`, ['materials']);
      materialCodes.add(material.code);
      if (material.visibleWhen && !names.has(material.visibleWhen.field)) {
        problem(`material ${material.code} depends on unknown field`, ['materials']);
      }
    }
    // The records must agree with themselves, or the tiles would promise what the flow cannot do.
    if (item.identity.required && item.identity.accepts.length === 0) problem('identity required but nothing accepted', ['identity']);
    if (item.identity.faceCheck && !item.requiresDevices.includes('faceCamera')) {
      problem('face check needs the faceCamera device', ['requiresDevices']);
    }
    for (const message of classProblems(item)) problem(message, ['riskClass']);
    if (item.identity.faceWaivedWhen && !names.has(item.identity.faceWaivedWhen.field)) problem('the face waiver depends on an unknown field', ['identity']);
    for (const name of placeholdersIn(JSON.stringify(item))) {
      if (!isCountySettingKey(name)) problem(`text names an unknown county setting {{${name}}}`, []);
    }
    if (item.materials.length > 0 && !item.requiresDevices.includes('documentCamera')) {
      problem('materials need the documentCamera device', ['requiresDevices']);
    }
    if (item.type === 'apply' && !item.requiresDevices.includes('receiptPrinter')) {
      problem('apply items print a receipt', ['requiresDevices']);
    }
    if (item.type === 'card' && item.cardOperations.length === 0) problem('card items name their operations', ['cardOperations']);
    if (item.type !== 'card' && item.cardOperations.length > 0) problem('only card items have card operations', ['cardOperations']);
    const onlineTypes: ItemType[] = ['query', 'print', 'card', 'certify'];
    if (onlineTypes.includes(item.type) && !item.needsCountyOnline && !item.offlineCache && !item.immediate) {
      problem(`${item.type} items need the county online`, ['needsCountyOnline']);
    }
    if (item.type === 'apply' && item.form.length === 0) problem('apply items have a form', ['form']);
    if (item.siteLevel === 'demonstration' && item.category !== 'demo') problem('demonstration items sit in the demo category', ['category']);
    if (item.siteLevel === 'village' && item.category === 'demo') problem('the demo category is for demonstration items', ['category']);
  });
export type CatalogItem = z.infer<typeof CatalogItemSchema>;
export type CatalogItemInput = z.input<typeof CatalogItemSchema>;

export const CatalogSchema = z
  .object({
    /** Monotonic version from the county; the shipped default is version 1. */
    version: z.number().int().min(1),
    publishedAt: z.string().datetime({ offset: true }),
    items: z.array(CatalogItemSchema).min(1),
    /** The county's own numbers the item texts name (county-settings.ts); today's values until it publishes. */
    settings: CountySettingsSchema.default(DEFAULT_COUNTY_SETTINGS),
  })
  .superRefine((catalog, ctx) => {
    const seen = new Set<string>();
    catalog.items.forEach((item, index) => {
      if (seen.has(item.code)) ctx.addIssue({ code: 'custom', message: `duplicate item code ${item.code}`, path: ['items', index, 'code'] });
      seen.add(item.code);
    });
    // The county's own time limits and bases are for items it publishes, and name only the settings it publishes.
    for (const part of ['timeLimits', 'legalBasis'] as const) {
      for (const [code, setting] of Object.entries(catalog.settings[part])) {
        if (!seen.has(code)) ctx.addIssue({ code: 'custom', message: `setting for an item not in the catalogue: ${code}`, path: ['settings', part, code] });
        for (const name of placeholdersIn(JSON.stringify(setting.value))) {
          if (!isCountySettingKey(name)) ctx.addIssue({ code: 'custom', message: `text names an unknown county setting {{${name}}}`, path: ['settings', part, code, 'value'] });
        }
      }
    }
  });
export type Catalog = z.infer<typeof CatalogSchema>;
export type CatalogInput = z.input<typeof CatalogSchema>;

export { validateForm, validateField, visibleFields, type FormValues, type FieldProblem } from './validate-form';
