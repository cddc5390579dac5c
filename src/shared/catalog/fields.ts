import type { z } from 'zod';
import type { FieldSchema, FormStepSchema, IdentityRequirement, LocalisedText, MaterialSchema, VisibleWhenSchema } from './schema';
import { DEFAULT_COUNTY_SETTINGS } from './county-settings';
import { zhEn } from './bilingual';
import { ACCOUNT_HOLDER_FIELD, PAY_TO_CARD_ACCOUNT, PAY_TO_FIELD, PAY_TO_OTHER_ACCOUNT } from './risk-class';

/**
 * Small builders for the catalogue records, so the item files read like the forms they describe and fields that
 * recur across items (phone, address, bank account, the truthfulness promise) are worded once.
 */

export type FieldInput = z.input<typeof FieldSchema>;
export type MaterialInput = z.input<typeof MaterialSchema>;
export type FormStepInput = z.input<typeof FormStepSchema>;
export { zhEn };

/** Every channel, an agent applying for the resident (代理办) included. */
export const ALL_MODES = ['self', 'assisted', 'window', 'homeVisit', 'proxy'] as const;
/** Wherever a clerk can be, but the resident in person: certification proves the resident is alive and present. */
export const IN_PERSON_MODES = ['self', 'assisted', 'window', 'homeVisit'] as const;
/** Card and face items need the machine itself, so no home visit. */
export const AT_POINT_MODES = ['self', 'assisted', 'window'] as const;

/** Either card on its reader, or (assisted, window, home visit) a clerk typing the ID number. */
export const IDENTIFY_BY_EITHER_CARD: IdentityRequirement = {
  required: true,
  accepts: ['idCard', 'socialSecurityCard', 'typedByClerk'],
  faceCheck: false,
};

/** Higher-risk items: a card on its reader (never typed) and a live face check. */
export const IDENTIFY_WITH_FACE: IdentityRequirement = {
  required: true,
  accepts: ['idCard', 'socialSecurityCard'],
  faceCheck: true,
};

/** Card and identity-change items (risk-class.ts): the holder's own ID card on the reader and the holder's face. */
export const IDENTIFY_BY_ID_CARD_WITH_FACE: IdentityRequirement = {
  required: true,
  accepts: ['idCard'],
  faceCheck: true,
};

export const NO_IDENTITY: IdentityRequirement = { required: false, accepts: [], faceCheck: false };

/** One choice a resident can tick: the value the record keeps, then its words in Chinese and in English. */
export type ChoiceOption = readonly [value: string, zh: string, en: string];
/** When a field or paper is shown: a field's answer is one of some values. */
export type VisibleWhen = z.input<typeof VisibleWhenSchema>;
type FieldOf<K extends FieldInput['kind']> = Extract<FieldInput, { kind: K }>;
/**
 * What a field may add to its kind's essentials (name, label and the bounds each builder takes); a field is
 * required unless it says `required: false`.
 */
type Extras<K extends FieldInput['kind'], Essentials extends string = never> = Omit<FieldOf<K>, 'kind' | 'name' | 'label' | 'required' | Essentials> & { required?: boolean };

function fieldOf<K extends FieldInput['kind']>(kind: K, name: string, label: LocalisedText, essentials: object, extras: { required?: boolean }): FieldInput {
  const { required = true, ...rest } = extras;
  return { kind, name, label, required, ...essentials, ...rest } as FieldInput;
}

/** Words typed on the on-screen keyboard, from `minLength` to `maxLength` characters. */
export function textField(name: string, label: LocalisedText, minLength: number, maxLength: number, extras: Extras<'text', 'minLength' | 'maxLength'> = {}): FieldInput {
  return fieldOf('text', name, label, { minLength, maxLength }, extras);
}

/** A whole number from `min` to `max` (years, people, months), with its unit where it has one. */
export function integerField(name: string, label: LocalisedText, min: number, max: number, extras: Extras<'integer', 'min' | 'max'> = {}): FieldInput {
  return fieldOf('integer', name, label, { min, max }, extras);
}

/** Yuan, from `min` to `max`. */
export function amountField(name: string, label: LocalisedText, min: number, max: number, extras: Extras<'amount', 'min' | 'max'> = {}): FieldInput {
  return fieldOf('amount', name, label, { min, max }, extras);
}

/** A day between `min` and `max` (a date, or a number of days from today). */
export function dateField(name: string, label: LocalisedText, min: FieldOf<'date'>['min'], max: FieldOf<'date'>['max'], extras: Extras<'date', 'min' | 'max'> = {}): FieldInput {
  return fieldOf('date', name, label, { min, max }, extras);
}

/** A question answered by ticking one of a few choices (the screen shows large buttons). */
export function choiceField(name: string, label: LocalisedText, options: readonly ChoiceOption[], extras: Extras<'choice', 'options'> = {}): FieldInput {
  return fieldOf('choice', name, label, { options: options.map(([value, zh, en]) => ({ value, label: zhEn(zh, en) })) }, extras);
}

/** One screen of an item's form: its key (the answers are kept under it), its title and its fields in order. */
export function formStep(key: string, title: LocalisedText, fields: FieldInput[]): FormStepInput {
  return { key, title, fields };
}

/** The last screen where the resident confirms (确认): the same key and title on every item that has one. */
export function confirmStep(fields: FieldInput[]): FormStepInput {
  return formStep('confirm', zhEn('确认', 'Confirm'), fields);
}

/** A screen of contact details only (联系方式). */
export function contactStep(fields: FieldInput[]): FormStepInput {
  return formStep('contact', zhEn('联系方式', 'Contact'), fields);
}

/** A listing's search screen (查找条件): what the resident narrows the list by. */
export function filterStep(fields: FieldInput[]): FormStepInput {
  return formStep('filter', zhEn('查找条件', 'What to look for'), fields);
}

/** `{ visibleWhen }` where a condition is given, nothing otherwise (a field or paper shown only in some cases). */
export function shownWhen(visibleWhen: VisibleWhen | undefined): { visibleWhen?: VisibleWhen } {
  return visibleWhen === undefined ? {} : { visibleWhen };
}

/** A paper the resident shows to the document camera; required unless it says `required: false`. */
export function material(code: string, name: LocalisedText, maxPages: number, extras: { note?: LocalisedText; required?: boolean; visibleWhen?: VisibleWhen } = {}): MaterialInput {
  const { required = true, ...rest } = extras;
  return { code, name, required, maxPages, ...rest };
}

export function phoneField(name = 'phone', required = true): FieldInput {
  return {
    kind: 'phone',
    name,
    label: zhEn('手机号码', 'Mobile phone number'),
    hint: zhEn('办理结果会用短信通知您', 'We will text you the result'),
    required,
  };
}

export function addressField(name = 'address', label = zhEn('现居住地址', 'Current address')): FieldInput {
  return textField(name, label, 5, 80, { hint: zhEn('写到村（社区）和门牌号', 'Down to the village (community) and house number') });
}

export function educationField(): FieldInput {
  return choiceField('education', zhEn('文化程度', 'Education'), [
    ['primary', '小学及以下', 'Primary school or less'],
    ['junior', '初中', 'Junior secondary'],
    ['senior', '高中、中专、技校', 'Senior secondary or vocational school'],
    ['college', '大专', 'Junior college'],
    ['bachelor', '本科及以上', 'Bachelor degree or higher'],
  ]);
}

/** First issue or a replacement (办理类型) of a card or certificate: the kinds of request the item takes. */
export function requestKindField(kinds: readonly ChoiceOption[]): FieldInput {
  return choiceField('requestKind', zhEn('办理类型', 'What you need'), kinds);
}

/** The banks a resident's card may be with: village cards are mostly with the rural credit cooperative or the post. */
export const BANKS: readonly ChoiceOption[] = [
  ['rcc', '农村信用社（农商银行）', 'Rural credit cooperative (rural commercial bank)'],
  ['psbc', '中国邮政储蓄银行', 'Postal Savings Bank of China'],
  ['abc', '中国农业银行', 'Agricultural Bank of China'],
  ['icbc', '中国工商银行', 'Industrial and Commercial Bank of China'],
  ['ccb', '中国建设银行', 'China Construction Bank'],
  ['boc', '中国银行', 'Bank of China'],
];

export function bankFields(purpose: LocalisedText): FieldInput[] {
  return [
    choiceField('bankName', zhEn('开户银行', 'Bank'), BANKS, { hint: purpose }),
    {
      kind: 'bankAccount',
      name: 'bankAccount',
      label: zhEn('银行卡号', 'Bank card number'),
      hint: zhEn('本人名下的银行卡或社保卡金融账户，16 到 19 位数字', 'A card in your own name, or the bank account of your social security card: 16 to 19 digits'),
      required: true,
    },
  ];
}

/** Whose account it is: the core compares it with the name read from the resident's ID card. */
export function accountHolderField(): FieldInput {
  return {
    kind: 'personName',
    name: ACCOUNT_HOLDER_FIELD,
    label: zhEn('银行卡户名', 'Name on the bank account'),
    hint: zhEn('只能是您本人的名字', 'It must be your own name'),
    required: true,
  };
}

/**
 * Money items pay to the resident's own social security card (its bank account) unless the resident chooses another
 * card of their own; that choice needs the ID card on the reader and a face check (risk-class.ts).
 */
export function payToFields(purpose: LocalisedText): FieldInput[] {
  const otherAccount = { field: PAY_TO_FIELD, oneOf: [PAY_TO_OTHER_ACCOUNT] };
  return [
    choiceField(
      PAY_TO_FIELD,
      zhEn('钱发到哪里', 'Where the money goes'),
      [
        [PAY_TO_CARD_ACCOUNT, '我的社保卡（推荐）', 'My social security card (recommended)'],
        [PAY_TO_OTHER_ACCOUNT, '我本人的其他银行卡', 'Another bank card in my own name'],
      ],
      {
        hint: zhEn(
          '一般发到您的社保卡上。要发到别的银行卡，需要在读卡器上放身份证，再本人刷脸。',
          'Normally to your social security card. Paying to another bank card needs your ID card on the reader and a face check.',
        ),
      },
    ),
    ...bankFields(purpose).map((field) => ({ ...field, visibleWhen: otherAccount })),
    { ...accountHolderField(), visibleWhen: otherAccount },
  ];
}

/**
 * The last screen of a money item: where the money goes (the 社保卡 unless the resident chooses another card of
 * their own), the phone the result is texted to, and the truthfulness promise where the claim rests on what the
 * resident says.
 */
export function paymentStep(title: LocalisedText, purpose: LocalisedText, { promise = true }: { promise?: boolean } = {}): FormStepInput {
  return { key: 'payment', title, fields: [...payToFields(purpose), phoneField(), ...(promise ? [truthPromise()] : [])] };
}

/** Beside the account fields of a subsidy paid to the resident: what the account is for. */
export const SUBSIDY_TO_CARD: LocalisedText = zhEn('补贴打到这张卡上', 'The subsidy goes to this card');

/** A subsidy paid to the resident (flexible-work insurance subsidy, start-up subsidy). */
export function subsidyPaymentStep(): FormStepInput {
  return paymentStep(zhEn('补贴打到哪里', 'Where to pay the subsidy'), SUBSIDY_TO_CARD);
}

export function truthPromise(): FieldInput {
  return {
    kind: 'confirm',
    name: 'promise',
    label: zhEn('个人承诺', 'Your promise'),
    statement: zhEn(
      '我承诺所填信息和所交材料真实、完整，如有虚假，愿意承担相应责任。',
      'I promise that what I have filled in and handed in is true and complete, and I accept responsibility if it is not.',
    ),
    required: true,
  };
}

export function idCardMaterial(required = false): MaterialInput {
  return material('idCardCopy', zhEn('居民身份证正反面', 'Resident ID card, both sides'), 2, {
    note: zhEn('已经在读卡器上读过身份证的，可以不拍', 'Not needed if your ID card was read on the card reader'),
    required,
  });
}

/** The bank card's photo; on money items only when the money goes to a card other than the 社保卡. */
export function bankCardMaterial(onlyForOtherAccount = false): MaterialInput {
  const name = zhEn('银行卡或存折（有卡号的一面）', 'Bank card or passbook (the side with the number)');
  return material('bankCard', name, 1, onlyForOtherAccount ? { visibleWhen: { field: PAY_TO_FIELD, oneOf: [PAY_TO_OTHER_ACCOUNT] } } : {});
}

export function householdBookletMaterial(required = false): MaterialInput {
  return material('householdBooklet', zhEn('户口簿首页和本人页', 'Household registration booklet: front page and your own page'), 2, { required });
}

/** Yearly contribution grades of the resident pension: the county's list (county-settings.ts), today's by default. */
const RESIDENT_PENSION_GRADES = DEFAULT_COUNTY_SETTINGS.residentPensionGrades.value;

export function gradeField(name = 'grade', label = zhEn('每年交多少钱（缴费档次）', 'How much you pay a year (contribution grade)')): FieldInput {
  return {
    kind: 'choice',
    name,
    label,
    hint: zhEn(
      '交得越多、交得越久，将来领得越多。低保、特困和重度残疾的人，政府每年替您交 {{governmentPaidGrade}}',
      'The more and the longer you pay, the more you receive later. For minimum-allowance, extreme-poverty and severely disabled residents the government pays {{governmentPaidGrade}} a year',
    ),
    required: true,
    optionsFrom: 'residentPensionGrades',
    options: RESIDENT_PENSION_GRADES.map((yuan) => ({
      value: `y${yuan}`,
      label: zhEn(`${yuan} 元/年`, `${yuan} yuan a year`),
    })),
  };
}
