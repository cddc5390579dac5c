import { makeIdNumber } from '../domain/id-number';

/**
 * Made-up residents for simulators, the reference county's seed and end-to-end tests. Nobody here exists: names are
 * invented, ID numbers are built with real Shanxi division codes (GB/T 2260) and a valid GB 11643 check character,
 * social security card numbers and identification codes follow the card's shapes but belong to no card.
 *
 * Index order is part of the seam (the developer panel inserts "resident 0", tests pick residents by index), so only
 * append to this list.
 */

/** Which card type the ID card reader finds (card-type flag at text offset 248). */
export type SampleDocumentType = 'residentIdCard' | 'foreignPermanentResidentCard';

export interface SampleSocialSecurityCard {
  /** 社会保障号码: equal to the ID number for citizens. */
  socialSecurityNumber: string;
  /** 卡号: 9 ASCII characters. */
  cardNumber: string;
  /** 卡识别码: 16 bytes as 32 upper-case hex digits (region code, D156000005, issuer serial, FF padding). */
  cardIdentificationCode: string;
  /** 发卡日期 / 卡有效期, YYYY-MM-DD. */
  issueDate: string;
  expiryDate: string;
  /** 规范版本, e.g. "3.00". */
  specVersion: string;
  /** 6 digits; the simulator starts every card with this PIN and 3 tries. */
  pin: string;
}

export interface SampleResident {
  index: number;
  documentType: SampleDocumentType;
  /** Chinese name as printed on the card. */
  name: string;
  /** Foreign permanent resident cards carry an English name too. */
  englishName?: string;
  sex: 'male' | 'female';
  /** GB 3304 two-digit nation code (resident card only). */
  nationCode?: string;
  /** ISO 3166-1 alpha-3 nationality (foreign permanent resident card only). */
  nationality?: string;
  /** YYYY-MM-DD */
  birthDate: string;
  address?: string;
  /** 18-digit resident ID number, or the 15-character number of a 2017 foreign permanent resident card. */
  idNumber: string;
  issuingAuthority: string;
  /** YYYY-MM-DD */
  validFrom: string;
  /** YYYY-MM-DD, or 'long-term' (长期). */
  validUntil: string;
  socialSecurityCard: SampleSocialSecurityCard;
  /** What the sample is for in tests. */
  note: string;
}

function cardCode(regionCode: string, serial: string): string {
  // Region code (6 BCD digits = 3 bytes), the national RID D156000005, a 4-byte issuer serial, then FF padding.
  return `${regionCode}D156000005${serial}FFFFFFFF`.toUpperCase();
}

export const SAMPLE_RESIDENTS: readonly SampleResident[] = [
  {
    index: 0,
    documentType: 'residentIdCard',
    name: '王建国',
    sex: 'male',
    nationCode: '01',
    birthDate: '1968-03-12',
    address: '山西省太原市小店区北格镇张花村东街18号',
    idNumber: makeIdNumber('140105', '19680312', '013'),
    issuingAuthority: '太原市公安局小店分局',
    validFrom: '2016-05-20',
    validUntil: '2036-05-20',
    socialSecurityCard: {
      socialSecurityNumber: makeIdNumber('140105', '19680312', '013'),
      cardNumber: 'A14010501',
      cardIdentificationCode: cardCode('140100', '16052001'),
      issueDate: '2019-06-01',
      expiryDate: '2029-06-01',
      specVersion: '3.00',
      pin: '123456',
    },
    note: 'middle-aged man, Han, valid cards',
  },
  {
    index: 1,
    documentType: 'residentIdCard',
    name: '李秀英',
    sex: 'female',
    nationCode: '01',
    birthDate: '1949-11-02',
    address: '山西省太原市清徐县徐沟镇西楚王村南巷3号',
    idNumber: makeIdNumber('140121', '19491102', '028'),
    issuingAuthority: '清徐县公安局',
    validFrom: '2010-08-15',
    validUntil: 'long-term',
    socialSecurityCard: {
      socialSecurityNumber: makeIdNumber('140121', '19491102', '028'),
      cardNumber: 'A14012102',
      cardIdentificationCode: cardCode('140100', '10081502'),
      issueDate: '2015-03-10',
      expiryDate: '2025-03-10',
      specVersion: '2.00',
      pin: '000000',
    },
    note: 'elderly woman (76), ID card valid long-term (长期), social security card expired 2025',
  },
  {
    index: 2,
    documentType: 'residentIdCard',
    name: '马占海',
    sex: 'male',
    nationCode: '03',
    birthDate: '1985-07-30',
    address: '山西省太原市迎泽区老军营街道南内环街98号',
    idNumber: makeIdNumber('140106', '19850730', '057'),
    issuingAuthority: '太原市公安局迎泽分局',
    validFrom: '2012-02-01',
    validUntil: '2022-02-01',
    socialSecurityCard: {
      socialSecurityNumber: makeIdNumber('140106', '19850730', '057'),
      cardNumber: 'A14010603',
      cardIdentificationCode: cardCode('140100', '12020103'),
      issueDate: '2020-09-01',
      expiryDate: '2030-09-01',
      specVersion: '3.00',
      pin: '654321',
    },
    note: 'Hui man whose ID card EXPIRED on 2022-02-01 (identify must refuse it)',
  },
  {
    index: 3,
    documentType: 'residentIdCard',
    name: '张丽娜',
    sex: 'female',
    nationCode: '02',
    birthDate: '1999-01-25',
    address: '山西省太原市阳曲县黄寨镇黄寨村新区6号',
    idNumber: makeIdNumber('140122', '19990125', '046'),
    issuingAuthority: '阳曲县公安局',
    validFrom: '2017-04-11',
    validUntil: '2027-04-11',
    socialSecurityCard: {
      socialSecurityNumber: makeIdNumber('140122', '19990125', '046'),
      cardNumber: 'A14012204',
      cardIdentificationCode: cardCode('140100', '17041104'),
      issueDate: '2021-05-18',
      expiryDate: '2031-05-18',
      specVersion: '3.00',
      pin: '112233',
    },
    note: 'young Mongol woman, job seeker',
  },
  {
    index: 4,
    documentType: 'residentIdCard',
    name: '欧阳志强',
    sex: 'male',
    nationCode: '01',
    birthDate: '1958-09-09',
    address: '山西省晋中市榆次区东阳镇车辋村西大街27号',
    idNumber: makeIdNumber('140702', '19580909', '071'),
    issuingAuthority: '晋中市公安局榆次分局',
    validFrom: '2008-10-01',
    validUntil: 'long-term',
    socialSecurityCard: {
      socialSecurityNumber: makeIdNumber('140702', '19580909', '071'),
      cardNumber: 'A14070205',
      cardIdentificationCode: cardCode('140700', '08100105'),
      issueDate: '2018-11-20',
      expiryDate: '2028-11-20',
      specVersion: '3.00',
      pin: '888888',
    },
    note: 'retired man (67) with a four-character name, pension items; his social security PIN is BLOCKED in fault tests',
  },
  {
    index: 5,
    documentType: 'residentIdCard',
    name: '刘桂兰',
    sex: 'female',
    nationCode: '01',
    birthDate: '1940-04-18',
    address: '山西省临汾市尧都区土门镇西宜村前街5号',
    idNumber: makeIdNumber('141002', '19400418', '062'),
    issuingAuthority: '临汾市公安局尧都分局',
    validFrom: '2006-03-03',
    validUntil: 'long-term',
    socialSecurityCard: {
      socialSecurityNumber: makeIdNumber('141002', '19400418', '062'),
      cardNumber: 'A14100206',
      cardIdentificationCode: cardCode('141000', '06030306'),
      issueDate: '2014-07-07',
      expiryDate: '2034-07-07',
      specVersion: '2.00',
      pin: '246810',
    },
    note: 'very elderly woman (86), elder mode, benefit certification',
  },
  {
    index: 6,
    documentType: 'residentIdCard',
    name: '韩春生',
    sex: 'male',
    nationCode: '10',
    birthDate: '1976-12-01',
    address: '山西省晋中市介休市绵山镇大靳村北街11号',
    idNumber: makeIdNumber('140781', '19761201', '035'),
    issuingAuthority: '介休市公安局',
    validFrom: '2019-12-01',
    validUntil: '2039-12-01',
    socialSecurityCard: {
      socialSecurityNumber: makeIdNumber('140781', '19761201', '035'),
      cardNumber: 'A14078107',
      cardIdentificationCode: cardCode('140700', '19120107'),
      issueDate: '2022-01-15',
      expiryDate: '2032-01-15',
      specVersion: '3.00',
      pin: '135790',
    },
    note: 'Korean-nationality (朝鲜族) man, flexible-employment insurance',
  },
  {
    index: 7,
    documentType: 'foreignPermanentResidentCard',
    name: '林安娜',
    englishName: 'ANNA LINDQVIST',
    sex: 'female',
    nationality: 'SWE',
    birthDate: '1982-06-14',
    idNumber: 'SWE140820614011',
    issuingAuthority: '中华人民共和国国家移民管理局',
    validFrom: '2020-06-30',
    validUntil: '2030-06-30',
    socialSecurityCard: {
      socialSecurityNumber: 'SWE140820614011',
      cardNumber: 'A14010508',
      cardIdentificationCode: cardCode('140100', '20063008'),
      issueDate: '2021-03-01',
      expiryDate: '2031-03-01',
      specVersion: '3.00',
      pin: '314159',
    },
    note: 'foreign permanent resident card (2017 layout, type flag I): recognised and decoded; identify refuses it with card_unsupported',
  },
];

/** The resident with the given index; throws for an index that does not exist (a test or panel bug). */
export function sampleResident(index: number): SampleResident {
  const found = SAMPLE_RESIDENTS[index];
  if (!found) throw new RangeError(`no sample resident ${index} (0..${SAMPLE_RESIDENTS.length - 1})`);
  return found;
}
