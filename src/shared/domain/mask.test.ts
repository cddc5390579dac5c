import { maskAccount, maskFreeText, maskIdNumber, maskName, maskPhone, maskResident } from './mask';

describe('masking of personal values', () => {
  it('keeps the first and last four of an ID number', () => {
    expect(maskIdNumber('14010219900307123X')).toBe('1401**********123X');
  });
  it('keeps the first and last character of a Chinese name', () => {
    expect(maskName('王小明')).toBe('王*明');
    expect(maskName('王明')).toBe('王*');
    expect(maskName('欧阳小明')).toBe('欧**明');
    expect(maskName('Li Hua')).toBe('L* H**');
  });
  it('a resident on one line; one typed in without a name shows the masked number once', () => {
    expect(maskResident({ name: '王小明', idNumber: '14010219900307123X' })).toBe('王*明 1401**********123X');
    expect(maskResident({ name: '1401**********123X', idNumber: '14010219900307123X' })).toBe('1401**********123X');
  });
  it('masks phones and accounts', () => {
    expect(maskPhone('13812345678')).toBe('138****5678');
    expect(maskAccount('6222021234567890')).toBe('************7890');
  });
  it('masks ID-shaped numbers inside free text', () => {
    expect(maskFreeText('read 14010219900307123X ok')).toBe('read 1401**********123X ok');
    expect(maskFreeText('order 12345 ok')).toBe('order 12345 ok');
  });
});

describe('masking: the exact masked form at each length boundary', () => {
  it('ID numbers: spaces around are dropped; eight characters or fewer are all stars', () => {
    expect(maskIdNumber(' 140102199003071234 ')).toBe('1401**********1234');
    expect(maskIdNumber('12345678')).toBe('********');
    expect(maskIdNumber('123456789')).toBe('1234*6789');
  });

  it('names: spaces around are dropped; Latin words keep their first letter; a mix of scripts is masked by character', () => {
    expect(maskName(' 王小明 ')).toBe('王*明');
    expect(maskName('   ')).toBe('');
    expect(maskName('王')).toBe('*');
    expect(maskName('John  Smith')).toBe('J*** S****');
    expect(maskName('A B')).toBe('A B');
    expect(maskName('王John')).toBe('王***n');
    expect(maskName('John王')).toBe('J***王');
  });

  it('phones: spaces inside are ignored; seven characters or fewer are all stars', () => {
    expect(maskPhone('138 1234 5678')).toBe('138****5678');
    expect(maskPhone('1234567')).toBe('*******');
    expect(maskPhone('12345678')).toBe('123*5678');
  });

  it('accounts: spaces inside are ignored; four characters or fewer are all stars', () => {
    expect(maskAccount('6228 4800 1234 5678')).toBe('************5678');
    expect(maskAccount('1234')).toBe('****');
    expect(maskAccount('12345')).toBe('*2345');
  });
});
