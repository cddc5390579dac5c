import { maskAccount, maskFreeText, maskIdNumber, maskName, maskPhone } from './mask';

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
  it('masks phones and accounts', () => {
    expect(maskPhone('13812345678')).toBe('138****5678');
    expect(maskAccount('6222021234567890')).toBe('************7890');
  });
  it('masks ID-shaped numbers inside free text', () => {
    expect(maskFreeText('read 14010219900307123X ok')).toBe('read 1401**********123X ok');
    expect(maskFreeText('order 12345 ok')).toBe('order 12345 ok');
  });
});
