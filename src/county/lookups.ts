import type { QueryResponse } from '../shared/sync/protocol';
import type { CertificateContent } from './certificates';

/** What the county knows of a demo resident: enough to answer the query and print items. */
export interface CountyResident {
  idNumber: string;
  name: string;
  sex: 'male' | 'female';
  birthDate: string;
}

export type Language = 'zh-CN' | 'en';
type Params = Record<string, string | number | boolean>;

/** A lookup's answer before the gateway adds item code and time; a certificate is issued by the gateway (certificates.ts). */
export type LookupAnswer = Omit<QueryResponse, 'itemCode' | 'fetchedAt' | 'document'> & { certificate?: Omit<CertificateContent, 'itemCode' | 'language'> };

/** A small deterministic number from the ID number, so every resident has their own (stable) demo records. */
function seedOf(idNumber: string, salt: number): number {
  let h = 2166136261 ^ salt;
  for (const c of idNumber) h = Math.imul(h ^ c.charCodeAt(0), 16777619) >>> 0;
  return h;
}

function ageOn(birthDate: string, at: Date): number {
  const [y, m, d] = birthDate.split('-').map(Number) as [number, number, number];
  let age = at.getUTCFullYear() - y;
  if (at.getUTCMonth() + 1 < m || (at.getUTCMonth() + 1 === m && at.getUTCDate() < d)) age -= 1;
  return age;
}

const GRADES = [200, 300, 500, 700, 1000, 1500, 2000];
const w = (language: Language, zh: string, en: string) => (language === 'zh-CN' ? zh : en);

/** How many years back a `period` parameter reaches (thisYear, last3Years, all). */
function yearsOf(period: unknown, all: number): number {
  return period === 'thisYear' ? 1 : period === 'last3Years' ? 3 : all;
}

const VACANCIES = [
  { employer: '小店区食品加工厂', position: '包装工', pay: '3800元/月', place: '小店区北格镇', contact: '0351-7000001', area: 'county', industry: 'manufacturing' },
  { employer: '北格镇建筑公司', position: '钢筋工', pay: '6500元/月', place: '北格镇', contact: '0351-7000004', area: 'county', industry: 'construction' },
  { employer: '北格镇卫生院', position: '保洁员', pay: '2600元/月', place: '北格镇', contact: '0351-7000003', area: 'county', industry: 'services' },
  { employer: '小店区农业合作社', position: '大棚种植工', pay: '3200元/月', place: '小店区西温庄乡', contact: '0351-7000005', area: 'county', industry: 'agriculture' },
  { employer: '晋中物流园', position: '分拣员', pay: '4200元/月', place: '晋中市榆次区', contact: '0354-3000002', area: 'province', industry: 'logistics' },
  { employer: '太原汽车零部件厂', position: '装配工', pay: '5200元/月', place: '太原市清徐县', contact: '0351-5000006', area: 'province', industry: 'manufacturing' },
  { employer: '大同宾馆', position: '客房服务员', pay: '3500元/月', place: '大同市平城区', contact: '0352-2000007', area: 'province', industry: 'services' },
] as const;

const COURSES = [
  { course: '电工（初级）', school: '太原技师学院', hours: '120', subsidy: '1800元', trade: 'electrician' },
  { course: '焊工（初级）', school: '小店区职业培训学校', hours: '100', subsidy: '1500元', trade: 'welder' },
  { course: '中式烹调师', school: '小店区职业培训学校', hours: '90', subsidy: '1400元', trade: 'cook' },
  { course: '养老护理员', school: '山西护理职业学院', hours: '80', subsidy: '1200元', trade: 'careWorker' },
  { course: '家政服务员', school: '小店区职业培训学校', hours: '80', subsidy: '1200元', trade: 'housekeeper' },
  { course: '挖掘机操作', school: '太原工程机械培训中心', hours: '160', subsidy: '2000元', trade: 'excavator' },
  { course: '农村电商', school: '小店区电商服务中心', hours: '60', subsidy: '900元', trade: 'ecommerce' },
  { course: '新型职业农民', school: '小店区农广校', hours: '60', subsidy: '800元', trade: 'farmer' },
] as const;

type Listing = (params: Params, now: Date) => LookupAnswer;
type Personal = (r: CountyResident, params: Params, now: Date, language: Language) => LookupAnswer;

/** Lookups that need no resident (listings). Every parameter the catalogue offers narrows the answer. */
const LISTINGS: Record<string, Listing> = {
  'JOB-02': (p) => ({
    title: '岗位信息',
    rows: VACANCIES.filter((v) => (p.area === undefined || p.area === 'all' || v.area === p.area) && (p.industry === undefined || v.industry === p.industry)).map(
      ({ employer, position, pay, place, contact }) => ({ employer, position, pay, place, contact }),
    ),
  }),
  'JOB-03': (_p, now) => ({
    title: '招聘会信息',
    rows: [
      { name: '春风行动专场招聘会', date: `${now.getUTCFullYear() + 1}-02-20`, place: '小店区人力资源市场', employers: '86' },
      { name: '就业援助月农村劳动力专场', date: `${now.getUTCFullYear() + 1}-01-12`, place: '北格镇政府广场', employers: '24' },
    ],
  }),
  'SKL-04': (p) => ({
    title: '培训项目与机构',
    rows: COURSES.filter((c) => p.trade === undefined || c.trade === p.trade).map(({ course, school, hours, subsidy }) => ({ course, school, hours, subsidy })),
  }),
};

function certificate(title: string, r: CountyResident, language: Language, now: Date, facts: Array<[string, string]>): LookupAnswer {
  const lines = [
    `${w(language, '姓名', 'Name')}：${r.name}`,
    `${w(language, '公民身份号码', 'Citizen ID number')}：${r.idNumber}`,
    ...facts.map(([label, value]) => `${label}：${value}`),
    `${w(language, '开具日期', 'Issued on')}：${now.toISOString().slice(0, 10)}`,
  ];
  return { title, rows: [], certificate: { title, lines } };
}

const PURPOSE: Record<string, [string, string]> = {
  employment: ['就业', 'employment'],
  schooling: ['子女入学', "a child's school enrolment"],
  housing: ['购房', 'buying a home'],
  loan: ['贷款', 'a loan application'],
  other: ['其他', 'other purposes'],
};
const purposeOf = (p: Params, language: Language): [string, string] => {
  const pair = PURPOSE[String(p.purpose ?? 'other')] ?? PURPOSE.other!;
  return [w(language, '用途', 'Purpose'), language === 'zh-CN' ? pair[0] : pair[1]];
};

const PERSONAL: Record<string, Personal> = {
  'INS-05': (r) => ({
    title: '个人参保信息',
    rows: [
      { insurance: '城乡居民基本养老保险', status: '参保缴费', since: `${2010 + (seedOf(r.idNumber, 1) % 8)}-07` },
      { insurance: '城乡居民基本医疗保险', status: '参保缴费', since: '2009-01' },
    ],
  }),
  'INS-06': (r, p, now) => ({
    title: '个人缴费记录',
    rows: Array.from({ length: yearsOf(p.period, 5) }, (_, i) => {
      const year = now.getUTCFullYear() - i;
      const grade = GRADES[seedOf(r.idNumber, year) % GRADES.length]!;
      return { year: String(year), grade: `${grade}元档`, personal: String(grade), subsidy: String(30 + (grade >= 500 ? 30 : 0)), paidAt: `${year}-0${3 + (i % 6)}-15` };
    }),
  }),
  'INS-07': (r, p, now) => {
    if (ageOn(r.birthDate, now) < 60) return { title: '养老金发放记录', rows: [] };
    const monthly = 180 + (seedOf(r.idNumber, 7) % 120);
    const months = Math.min(yearsOf(p.period, 3) * 12, p.period === 'thisYear' ? now.getUTCMonth() + 1 : 36);
    return {
      title: '养老金发放记录',
      rows: Array.from({ length: months }, (_, i) => {
        const d = new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth() - i, 10));
        return { month: d.toISOString().slice(0, 7), amount: `${monthly}.00`, bank: '农村信用社', state: '已发放' };
      }),
    };
  },
  'INS-18': (r) =>
    seedOf(r.idNumber, 18) % 3 === 0
      ? {
          title: '工伤保险待遇',
          rows: [
            { date: '2023-05-16', level: `${7 + (seedOf(r.idNumber, 19) % 4)}级伤残`, from: '2023-11', monthly: '1320.00', state: '按月领取' },
            { date: '2023-05-16', level: '一次性伤残补助金', from: '2023-11', monthly: '28600.00（一次性）', state: '已发放' },
          ],
        }
      : { title: '工伤保险待遇', rows: [] },
  'JOB-11': (r) => (seedOf(r.idNumber, 11) % 3 === 0 ? { title: '失业保险待遇', rows: [{ from: '2026-03', months: '12', monthly: '1664.00', state: '领取中' }] } : { title: '失业保险待遇', rows: [] }),
  'SKL-03': (r) => (seedOf(r.idNumber, 3) % 2 === 0 ? { title: '职业技能等级证书', rows: [{ occupation: '中式烹调师', level: '四级', issued: '2021-11-02', number: `S${r.idNumber.slice(6, 14)}0042` }] } : { title: '职业技能等级证书', rows: [] }),
  'INS-08': (r, p, now, language) => {
    const year = Number(p.year ?? now.getUTCFullYear() - 1);
    const balance = 3000 + (seedOf(r.idNumber, 8) % 9000) + (year - 2011) * 410;
    return certificate(w(language, `个人权益记录（${year}年度）`, `Social insurance record statement (${year})`), r, language, now, [
      [w(language, '年度', 'Year'), String(year)],
      [w(language, '险种', 'Scheme'), w(language, '城乡居民基本养老保险', 'Resident basic pension')],
      [w(language, '个人账户年末累计储存额', 'Personal account balance at year end'), `${balance}.00 ${w(language, '元', 'yuan')}`],
    ]);
  },
  'INS-09': (r, p, now, language) =>
    certificate(w(language, '城乡居民养老保险参保证明', 'Resident pension enrolment certificate'), r, language, now, [
      [w(language, '参保状态', 'Status'), w(language, '参保缴费', 'enrolled and contributing')],
      [w(language, '参保地', 'Enrolled in'), w(language, '山西省太原市小店区', 'Xiaodian District, Taiyuan, Shanxi')],
      [w(language, '参保时间', 'Enrolled since'), `${2010 + (seedOf(r.idNumber, 1) % 8)}-07`],
      purposeOf(p, language),
    ]),
  'INS-17': (r, p, now, language) =>
    certificate(w(language, '企业职工养老保险参保证明', 'Employee pension enrolment certificate'), r, language, now, [
      [w(language, '参保状态', 'Status'), w(language, '暂停缴费', 'contributions paused')],
      [w(language, '累计缴费月数', 'Months contributed'), String(seedOf(r.idNumber, 17) % 200)],
      purposeOf(p, language),
    ]),
  'DEMO-01': (r, p, now, language) => {
    const range = String(p.range ?? 'last12Months');
    const months = range === 'last36Months' ? 36 : range === 'all' ? 12 * (now.getUTCFullYear() - 2010) : 12;
    return certificate(w(language, '社会保险全险种参保证明', 'All-insurance enrolment certificate'), r, language, now, [
      [w(language, '证明期间', 'Period covered'), w(language, `最近${months}个月`, `the last ${months} months`)],
      [w(language, '养老保险', 'Pension insurance'), w(language, `参保缴费 ${months} 个月`, `enrolled, ${months} months paid`)],
      [w(language, '医疗保险', 'Medical insurance'), w(language, '参保缴费', 'enrolled and contributing')],
      [w(language, '失业保险', 'Unemployment insurance'), w(language, '未参保', 'not enrolled')],
      [w(language, '工伤保险', 'Work-injury insurance'), w(language, '未参保', 'not enrolled')],
    ]);
  },
};

export function isLookupItem(itemCode: string): boolean {
  return itemCode in LISTINGS || itemCode in PERSONAL;
}

export function needsResident(itemCode: string): boolean {
  return itemCode in PERSONAL;
}

export function runLookup(itemCode: string, resident: CountyResident | null, now: Date, params: Params = {}, language: Language = 'zh-CN'): LookupAnswer {
  const listing = LISTINGS[itemCode];
  if (listing) return listing(params, now);
  const personal = PERSONAL[itemCode];
  return personal && resident ? personal(resident, params, now, language) : { rows: [] };
}
