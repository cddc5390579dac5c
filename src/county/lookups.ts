import type { QueryResponse } from '../shared/sync/protocol';

/** What the county knows of a demo resident: enough to answer the query and print items. */
export interface CountyResident {
  idNumber: string;
  name: string;
  sex: 'male' | 'female';
  birthDate: string;
}

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

type Lookup = (resident: CountyResident | null, now: Date) => Omit<QueryResponse, 'itemCode' | 'fetchedAt'>;

/** Lookups that need no resident (listings), and those that do. The county's data is its own (here: demo data). */
const LISTINGS: Record<string, Lookup> = {
  'JOB-02': () => ({
    title: '岗位信息',
    rows: [
      { employer: '小店区食品加工厂', position: '包装工', pay: '3800元/月', place: '小店区北格镇', contact: '0351-7000001' },
      { employer: '晋中物流园', position: '分拣员', pay: '4200元/月', place: '榆次区', contact: '0354-3000002' },
      { employer: '北格镇卫生院', position: '保洁员', pay: '2600元/月', place: '北格镇', contact: '0351-7000003' },
    ],
  }),
  'JOB-03': (_r, now) => ({
    title: '招聘会信息',
    rows: [{ name: '春风行动专场招聘会', date: `${now.getUTCFullYear() + 1}-02-20`, place: '小店区人力资源市场', employers: '86' }],
  }),
  'SKL-04': () => ({
    title: '培训项目与机构',
    rows: [
      { course: '家政服务员', school: '小店区职业培训学校', hours: '80', subsidy: '1200元' },
      { course: '电工（初级）', school: '太原技师学院', hours: '120', subsidy: '1800元' },
    ],
  }),
};

const PERSONAL: Record<string, (r: CountyResident, now: Date) => Omit<QueryResponse, 'itemCode' | 'fetchedAt'>> = {
  'INS-05': (r) => ({
    title: '个人参保信息',
    rows: [
      { insurance: '城乡居民基本养老保险', status: '参保缴费', since: `${2010 + (seedOf(r.idNumber, 1) % 8)}-07` },
      { insurance: '城乡居民基本医疗保险', status: '参保缴费', since: '2009-01' },
    ],
  }),
  'INS-06': (r, now) => ({
    title: '个人缴费记录',
    rows: Array.from({ length: 5 }, (_, i) => {
      const year = now.getUTCFullYear() - 1 - i;
      const grade = GRADES[seedOf(r.idNumber, year) % GRADES.length]!;
      return { year: String(year), grade: `${grade}元档`, personal: String(grade), subsidy: String(30 + (grade >= 500 ? 30 : 0)), paidAt: `${year}-0${3 + (i % 6)}-15` };
    }),
  }),
  'INS-07': (r, now) => {
    if (ageOn(r.birthDate, now) < 60) return { title: '养老金发放记录', rows: [] };
    const monthly = 180 + (seedOf(r.idNumber, 7) % 120);
    return {
      title: '养老金发放记录',
      rows: Array.from({ length: 6 }, (_, i) => {
        const d = new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth() - i, 10));
        return { month: d.toISOString().slice(0, 7), amount: `${monthly}.00`, bank: '农村信用社', state: '已发放' };
      }),
    };
  },
  'INS-18': () => ({ title: '工伤保险待遇', rows: [] }),
  'JOB-11': (r) => (seedOf(r.idNumber, 11) % 3 === 0 ? { title: '失业保险待遇', rows: [{ from: '2026-03', months: '12', monthly: '1664.00', state: '领取中' }] } : { title: '失业保险待遇', rows: [] }),
  'SKL-03': (r) => (seedOf(r.idNumber, 3) % 2 === 0 ? { title: '职业技能等级证书', rows: [{ occupation: '中式烹调师', level: '四级', issued: '2021-11-02', number: `S${r.idNumber.slice(6, 14)}0042` }] } : { title: '职业技能等级证书', rows: [] }),
  'INS-08': (r, now) => certificate('个人权益记录', r, now, ['城乡居民基本养老保险 个人账户累计储存额：' + (3000 + (seedOf(r.idNumber, 8) % 9000)) + '.00元']),
  'INS-09': (r, now) => certificate('城乡居民养老保险参保证明', r, now, ['参保状态：参保缴费', '参保地：山西省太原市小店区']),
  'INS-17': (r, now) => certificate('企业职工养老保险参保证明', r, now, ['参保状态：暂停缴费', `累计缴费月数：${seedOf(r.idNumber, 17) % 200}`]),
  'DEMO-01': (r, now) => certificate('社会保险全险种参保证明', r, now, ['养老保险：参保缴费', '医疗保险：参保缴费', '失业保险：未参保', '工伤保险：未参保']),
};

function certificate(title: string, r: CountyResident, now: Date, lines: string[]): Omit<QueryResponse, 'itemCode' | 'fetchedAt'> {
  const verification = (seedOf(r.idNumber, now.getUTCDate()) % 1e8).toString().padStart(8, '0');
  return {
    title,
    rows: [{ verificationCode: verification }],
    document: { title, lines: [`姓名：${r.name}`, `公民身份号码：${r.idNumber}`, ...lines, `打印日期：${now.toISOString().slice(0, 10)}`, `验证码：${verification}`] },
  };
}

export function isLookupItem(itemCode: string): boolean {
  return itemCode in LISTINGS || itemCode in PERSONAL;
}

export function needsResident(itemCode: string): boolean {
  return itemCode in PERSONAL;
}

export function runLookup(itemCode: string, resident: CountyResident | null, now: Date): QueryResponse {
  const listing = LISTINGS[itemCode];
  const personal = PERSONAL[itemCode];
  const body = listing ? listing(resident, now) : personal && resident ? personal(resident, now) : { rows: [] };
  return { itemCode, fetchedAt: now.toISOString(), ...body };
}
