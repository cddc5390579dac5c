import type { z } from 'zod';
import type { FieldSchema, IdentityRequirement, LocalisedText, MaterialSchema } from './schema';
import { DEFAULT_COUNTY_SETTINGS } from './county-settings';
import { zhEn } from './bilingual';
import { ACCOUNT_HOLDER_FIELD, PAY_TO_CARD_ACCOUNT, PAY_TO_FIELD, PAY_TO_OTHER_ACCOUNT } from './risk-class';

/**
 * Small builders for the catalogue records, so the item files read like the forms they describe and fields that
 * recur across items (phone, address, bank account, the truthfulness promise) are worded once.
 */

export type FieldInput = z.input<typeof FieldSchema>;
export type MaterialInput = z.input<typeof MaterialSchema>;
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
  return {
    kind: 'text',
    name,
    label,
    hint: zhEn('写到村（社区）和门牌号', 'Down to the village (community) and house number'),
    required: true,
    minLength: 5,
    maxLength: 80,
  };
}

export function educationField(): FieldInput {
  return {
    kind: 'choice',
    name: 'education',
    label: zhEn('文化程度', 'Education'),
    required: true,
    options: [
      { value: 'primary', label: zhEn('小学及以下', 'Primary school or less') },
      { value: 'junior', label: zhEn('初中', 'Junior secondary') },
      { value: 'senior', label: zhEn('高中、中专、技校', 'Senior secondary or vocational school') },
      { value: 'college', label: zhEn('大专', 'Junior college') },
      { value: 'bachelor', label: zhEn('本科及以上', 'Bachelor degree or higher') },
    ],
  };
}

export function bankFields(purpose: LocalisedText): FieldInput[] {
  return [
    {
      kind: 'choice',
      name: 'bankName',
      label: zhEn('开户银行', 'Bank'),
      hint: purpose,
      required: true,
      options: [
        { value: 'rcc', label: zhEn('农村信用社（农商银行）', 'Rural credit cooperative (rural commercial bank)') },
        { value: 'psbc', label: zhEn('中国邮政储蓄银行', 'Postal Savings Bank of China') },
        { value: 'abc', label: zhEn('中国农业银行', 'Agricultural Bank of China') },
        { value: 'icbc', label: zhEn('中国工商银行', 'Industrial and Commercial Bank of China') },
        { value: 'ccb', label: zhEn('中国建设银行', 'China Construction Bank') },
        { value: 'boc', label: zhEn('中国银行', 'Bank of China') },
      ],
    },
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
    {
      kind: 'choice',
      name: PAY_TO_FIELD,
      label: zhEn('钱发到哪里', 'Where the money goes'),
      hint: zhEn(
        '一般发到您的社保卡上。要发到别的银行卡，需要在读卡器上放身份证，再本人刷脸。',
        'Normally to your social security card. Paying to another bank card needs your ID card on the reader and a face check.',
      ),
      required: true,
      options: [
        { value: PAY_TO_CARD_ACCOUNT, label: zhEn('我的社保卡（推荐）', 'My social security card (recommended)') },
        { value: PAY_TO_OTHER_ACCOUNT, label: zhEn('我本人的其他银行卡', 'Another bank card in my own name') },
      ],
    },
    ...bankFields(purpose).map((field) => ({ ...field, visibleWhen: otherAccount })),
    { ...accountHolderField(), visibleWhen: otherAccount },
  ];
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
  return {
    code: 'idCardCopy',
    name: zhEn('居民身份证正反面', 'Resident ID card, both sides'),
    note: zhEn('已经在读卡器上读过身份证的，可以不拍', 'Not needed if your ID card was read on the card reader'),
    required,
    maxPages: 2,
  };
}

/** The bank card's photo; on money items only when the money goes to a card other than the 社保卡. */
export function bankCardMaterial(onlyForOtherAccount = false): MaterialInput {
  return {
    code: 'bankCard',
    name: zhEn('银行卡或存折（有卡号的一面）', 'Bank card or passbook (the side with the number)'),
    required: true,
    maxPages: 1,
    ...(onlyForOtherAccount ? { visibleWhen: { field: PAY_TO_FIELD, oneOf: [PAY_TO_OTHER_ACCOUNT] } } : {}),
  };
}

export function householdBookletMaterial(required = false): MaterialInput {
  return {
    code: 'householdBooklet',
    name: zhEn('户口簿首页和本人页', 'Household registration booklet: front page and your own page'),
    required,
    maxPages: 2,
  };
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
