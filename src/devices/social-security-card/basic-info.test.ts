import { describe, expect, it } from '@jest/globals';
import { basicInfoString, type SocialSecurityCardInfo } from './basic-info';

describe("the reader API's basic-information string", () => {
  const info: SocialSecurityCardInfo = {
    regionCode: '140100',
    socialSecurityNumber: '140105196803120015',
    cardNumber: 'A12345678',
    cardIdentificationCode: '140100D15600000500A1B2C3D4E5F600',
    name: '张|三',
    sex: 'male',
    nationCode: '01',
    birthDate: '1968-03-12',
    atrHistorical: '5353434152443330',
    specVersion: '3.00',
    issueDate: '2019-06-01',
    expiryDate: '2029-06-01',
    cardType: '03',
  };

  it('joins the eleven fields with |, dates compact, a | inside a field dropped, and ends with |', () => {
    expect(basicInfoString(info, { terminalNumber: 'T|001', terminalDeviceNumber: 'D-001' })).toBe(
      '140100|140105196803120015|A12345678|140100D15600000500A1B2C3D4E5F600|张三|5353434152443330|3.00|20190601|20290601|T001|D-001|',
    );
  });
});
