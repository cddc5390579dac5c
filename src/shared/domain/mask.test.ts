import { maskAccount, maskFreeText, maskIdNumber, maskName, maskPhone, maskResident } from './mask';

/**
 * Each masker with what it must make of each input: the everyday form first, then the exact masked form at each
 * length boundary (and with spaces around or inside).
 */
const MASKED: Array<[string, (value: string) => string, Record<string, string>]> = [
  [
    'ID number: the first and last four kept; spaces around dropped; eight characters or fewer all stars',
    maskIdNumber,
    { '14010219900307123X': '1401**********123X', ' 140102199003071234 ': '1401**********1234', '12345678': '********', '123456789': '1234*6789' },
  ],
  [
    'name: the first and last character of a Chinese name kept; Latin words keep their first letter; a mix of scripts masked by character',
    maskName,
    { 王小明: '王*明', 王明: '王*', 欧阳小明: '欧**明', 'Li Hua': 'L* H**', ' 王小明 ': '王*明', '   ': '', 王: '*', 'John  Smith': 'J*** S****', 'A B': 'A B', 王John: '王***n', John王: 'J***王' },
  ],
  ['phone: spaces inside ignored; seven characters or fewer all stars', maskPhone, { '13812345678': '138****5678', '138 1234 5678': '138****5678', '1234567': '*******', '12345678': '123*5678' }],
  ['account: spaces inside ignored; four characters or fewer all stars', maskAccount, { '6222021234567890': '************7890', '6228 4800 1234 5678': '************5678', '1234': '****', '12345': '*2345' }],
];

describe.each(MASKED)('masking, %s', (_rule, mask, expected) => {
  it.each(Object.entries(expected))('%j is masked as %j', (value, masked) => {
    expect(mask(value)).toBe(masked);
  });
});

describe('masking a resident and free text', () => {
  it('a resident on one line; one typed in without a name shows the masked number once', () => {
    expect(maskResident({ name: '王小明', idNumber: '14010219900307123X' })).toBe('王*明 1401**********123X');
    expect(maskResident({ name: '1401**********123X', idNumber: '14010219900307123X' })).toBe('1401**********123X');
  });
  it('masks ID-shaped numbers inside free text', () => {
    expect(maskFreeText('read 14010219900307123X ok')).toBe('read 1401**********123X ok');
    expect(maskFreeText('order 12345 ok')).toBe('order 12345 ok');
  });
});
