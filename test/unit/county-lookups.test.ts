import { isLookupItem, needsResident, runLookup, type CountyResident } from '../../src/county/lookups';
import { SAMPLE_RESIDENTS } from '../../src/shared/samples/residents';

/**
 * The reference county's lookups (src/county/lookups.ts) with exact answers: each resident's records are derived from
 * the ID number, so they are pinned per resident (a change to the derivation changes what a resident saw yesterday);
 * every parameter narrows the answer; ages and periods at their edges.
 */
const now = new Date('2026-11-30T08:00:00Z');
const residentOf = (i: number): CountyResident => {
  const s = SAMPLE_RESIDENTS[i]!;
  return { idNumber: s.idNumber, name: s.name, sex: s.sex, birthDate: s.birthDate };
};
const wang = residentOf(0); // 王建国, 1968
const li = residentOf(1); // 李秀英, 1949
const born = (birthDate: string): CountyResident => ({ ...li, birthDate });

describe('the county lookups', () => {
  it('knows which codes are lookups and which need a resident; an unknown code or no resident answers no rows', () => {
    expect(['JOB-02', 'JOB-03', 'SKL-04', 'INS-05', 'INS-08', 'DEMO-01'].map(isLookupItem)).toEqual([true, true, true, true, true, true]);
    expect(isLookupItem('JOB-08')).toBe(false);
    expect(['JOB-02', 'SKL-04', 'INS-05', 'INS-06', 'INS-09'].map(needsResident)).toEqual([false, false, true, true, true]);
    expect(needsResident('JOB-08')).toBe(false);
    expect(runLookup('JOB-08', wang, now)).toEqual({ rows: [] });
    expect(runLookup('INS-06', null, now)).toEqual({ rows: [] });
  });

  it('lists vacancies narrowed by area and industry, fairs in the coming year, and courses by trade', () => {
    const employers = (p: Record<string, string>) => runLookup('JOB-02', null, now, p).rows.map((r) => r.employer);
    expect(employers({})).toHaveLength(7);
    expect(employers({ area: 'all' })).toHaveLength(7);
    expect(employers({ area: 'province' })).toEqual(['晋中物流园', '太原汽车零部件厂', '大同宾馆']);
    expect(employers({ area: 'county', industry: 'manufacturing' })).toEqual(['小店区食品加工厂']);
    expect(employers({ industry: 'services' })).toEqual(['北格镇卫生院', '大同宾馆']);
    expect(runLookup('JOB-02', null, now, { area: 'province', industry: 'logistics' })).toEqual({
      title: '岗位信息',
      rows: [{ employer: '晋中物流园', position: '分拣员', pay: '4200元/月', place: '晋中市榆次区', contact: '0354-3000002' }],
    });
    expect(runLookup('JOB-03', null, now)).toEqual({
      title: '招聘会信息',
      rows: [
        { name: '春风行动专场招聘会', date: '2027-02-20', place: '小店区人力资源市场', employers: '86' },
        { name: '就业援助月农村劳动力专场', date: '2027-01-12', place: '北格镇政府广场', employers: '24' },
      ],
    });
    expect(runLookup('SKL-04', null, now, { trade: 'welder' })).toEqual({ title: '培训项目与机构', rows: [{ course: '焊工（初级）', school: '小店区职业培训学校', hours: '100', subsidy: '1500元' }] });
    expect(runLookup('SKL-04', null, now).rows).toHaveLength(8);
  });

  it("gives each resident their own enrolment, contributions and benefits", () => {
    expect(runLookup('INS-05', wang, now)).toEqual({
      title: '个人参保信息',
      rows: [
        { insurance: '城乡居民基本养老保险', status: '参保缴费', since: '2016-07' },
        { insurance: '城乡居民基本医疗保险', status: '参保缴费', since: '2009-01' },
      ],
    });
    expect(runLookup('INS-05', li, now).rows[0]!.since).toBe('2010-07');
    // A grade of 500 and above has the higher subsidy; the month paid steps from March.
    expect(runLookup('INS-06', li, now, { period: 'all' })).toEqual({
      title: '个人缴费记录',
      rows: [
        { year: '2026', grade: '500元档', personal: '500', subsidy: '60', paidAt: '2026-03-15' },
        { year: '2025', grade: '200元档', personal: '200', subsidy: '30', paidAt: '2025-04-15' },
        { year: '2024', grade: '200元档', personal: '200', subsidy: '30', paidAt: '2024-05-15' },
        { year: '2023', grade: '500元档', personal: '500', subsidy: '60', paidAt: '2023-06-15' },
        { year: '2022', grade: '1500元档', personal: '1500', subsidy: '60', paidAt: '2022-07-15' },
      ],
    });
    expect(runLookup('INS-06', wang, now, { period: 'all' }).rows.map((r) => r.grade)).toEqual(['200元档', '200元档', '2000元档', '200元档', '1000元档']);
    expect(runLookup('INS-06', wang, now).rows).toHaveLength(5);
    expect(runLookup('INS-06', wang, now, { period: 'last3Years' }).rows.map((r) => r.year)).toEqual(['2026', '2025', '2024']);
    expect(runLookup('INS-06', wang, now, { period: 'thisYear' }).rows.map((r) => r.year)).toEqual(['2026']);

    expect(runLookup('INS-18', wang, now)).toEqual({ title: '工伤保险待遇', rows: [] });
    expect(runLookup('INS-18', li, now)).toEqual({
      title: '工伤保险待遇',
      rows: [
        { date: '2023-05-16', level: '9级伤残', from: '2023-11', monthly: '1320.00', state: '按月领取' },
        { date: '2023-05-16', level: '一次性伤残补助金', from: '2023-11', monthly: '28600.00（一次性）', state: '已发放' },
      ],
    });
    expect(runLookup('INS-18', residentOf(3), now).rows[0]!.level).toBe('7级伤残');
    expect(runLookup('JOB-11', wang, now)).toEqual({ title: '失业保险待遇', rows: [] });
    expect(runLookup('JOB-11', li, now)).toEqual({ title: '失业保险待遇', rows: [{ from: '2026-03', months: '12', monthly: '1664.00', state: '领取中' }] });
    expect(runLookup('SKL-03', li, now)).toEqual({ title: '职业技能等级证书', rows: [{ occupation: '中式烹调师', level: '四级', issued: '2021-11-02', number: 'S194911020042' }] });
    expect(runLookup('SKL-03', residentOf(4), now)).toEqual({ title: '职业技能等级证书', rows: [] });
  });

  it('pays a pension from the 60th birthday, month by month back from this one', () => {
    const months = (r: CountyResident, p: Record<string, string> = {}, at = now) => runLookup('INS-07', r, at, p).rows.map((x) => x.month);
    expect(runLookup('INS-07', wang, now)).toEqual({ title: '养老金发放记录', rows: [] });
    // 60 on the day itself, not the day before; a birthday earlier this month counts, one next month does not.
    expect(months(born('1966-11-30'))).toHaveLength(36);
    expect(months(born('1966-11-30'), {}, new Date('2026-11-29T23:59:59Z'))).toEqual([]);
    expect(months(born('1966-11-15'))).toHaveLength(36);
    expect(months(born('1966-12-01'))).toEqual([]);
    expect(months(born('1966-10-31'))).toHaveLength(36);
    const all = runLookup('INS-07', li, now, { period: 'last3Years' }).rows;
    expect(all).toHaveLength(36);
    expect(runLookup('INS-07', li, now, { period: 'last3Years' }).title).toBe('养老金发放记录');
    expect(all[0]).toEqual({ month: '2026-11', amount: '230.00', bank: '农村信用社', state: '已发放' });
    expect(all.slice(-2).map((x) => x.month)).toEqual(['2024-01', '2023-12']);
    expect(months(li, { period: 'all' })).toHaveLength(36);
    // This year: January to this month.
    expect(months(li, { period: 'thisYear' })).toEqual(['2026-11', '2026-10', '2026-09', '2026-08', '2026-07', '2026-06', '2026-05', '2026-04', '2026-03', '2026-02', '2026-01']);
    expect(months(li, { period: 'thisYear' }, new Date('2027-01-05T08:00:00Z'))).toEqual(['2027-01']);
  });

  it('issues the statements and certificates word for word in both languages', () => {
    expect(runLookup('INS-08', wang, now, { year: 2024 })).toEqual({
      title: '个人权益记录（2024年度）',
      rows: [],
      certificate: {
        title: '个人权益记录（2024年度）',
        lines: ['姓名：王建国', '公民身份号码：140105196803120133', '年度：2024', '险种：城乡居民基本养老保险', '个人账户年末累计储存额：12117.00 元', '开具日期：2026-11-30'],
      },
    });
    // Last year by default; the balance grows by 410 a year.
    expect(runLookup('INS-08', wang, now, {}, 'en').certificate).toEqual({
      title: 'Social insurance record statement (2025)',
      lines: ['Name：王建国', 'Citizen ID number：140105196803120133', 'Year：2025', 'Scheme：Resident basic pension', 'Personal account balance at year end：12527.00 yuan', 'Issued on：2026-11-30'],
    });
    expect(runLookup('INS-09', li, now, { purpose: 'loan' }, 'en').certificate).toEqual({
      title: 'Resident pension enrolment certificate',
      lines: ['Name：李秀英', 'Citizen ID number：140121194911020288', 'Status：enrolled and contributing', 'Enrolled in：Xiaodian District, Taiyuan, Shanxi', 'Enrolled since：2010-07', 'Purpose：a loan application', 'Issued on：2026-11-30'],
    });
    expect(runLookup('INS-09', li, now, { purpose: 'schooling' }).certificate!.lines).toEqual([
      '姓名：李秀英',
      '公民身份号码：140121194911020288',
      '参保状态：参保缴费',
      '参保地：山西省太原市小店区',
      '参保时间：2010-07',
      '用途：子女入学',
      '开具日期：2026-11-30',
    ]);
    expect(runLookup('INS-09', wang, now, { purpose: 'housing' }).certificate).toEqual({
      title: '城乡居民养老保险参保证明',
      lines: ['姓名：王建国', '公民身份号码：140105196803120133', '参保状态：参保缴费', '参保地：山西省太原市小店区', '参保时间：2016-07', '用途：购房', '开具日期：2026-11-30'],
    });
    const purpose = (p: Record<string, string>, language: 'zh-CN' | 'en') => runLookup('INS-17', wang, now, p, language).certificate!.lines[4];
    expect(purpose({ purpose: 'housing' }, 'en')).toBe('Purpose：buying a home');
    expect(purpose({ purpose: 'employment' }, 'zh-CN')).toBe('用途：就业');
    expect(purpose({ purpose: 'nothing-known' }, 'en')).toBe('Purpose：other purposes');
    expect(purpose({}, 'zh-CN')).toBe('用途：其他');
    expect(runLookup('INS-17', li, now, {}, 'zh-CN').certificate).toEqual({
      title: '企业职工养老保险参保证明',
      lines: ['姓名：李秀英', '公民身份号码：140121194911020288', '参保状态：暂停缴费', '累计缴费月数：192', '用途：其他', '开具日期：2026-11-30'],
    });
    expect(runLookup('INS-17', wang, now, {}, 'en').certificate!.title).toBe('Employee pension enrolment certificate');
    expect(runLookup('INS-17', wang, now, {}, 'en').certificate!.lines.slice(2, 4)).toEqual(['Status：contributions paused', 'Months contributed：46']);
  });

  it('covers the period asked for in the all-insurance certificate', () => {
    const period = (range: string | undefined, language: 'zh-CN' | 'en') => runLookup('DEMO-01', wang, now, range ? { range } : {}, language).certificate!.lines.slice(2, 4);
    expect(period(undefined, 'zh-CN')).toEqual(['证明期间：最近12个月', '养老保险：参保缴费 12 个月']);
    expect(period('last36Months', 'zh-CN')).toEqual(['证明期间：最近36个月', '养老保险：参保缴费 36 个月']);
    expect(period('all', 'en')).toEqual(['Period covered：the last 192 months', 'Pension insurance：enrolled, 192 months paid']);
    expect(runLookup('DEMO-01', wang, now, { range: 'last36Months' }, 'zh-CN').certificate).toEqual({
      title: '社会保险全险种参保证明',
      lines: ['姓名：王建国', '公民身份号码：140105196803120133', '证明期间：最近36个月', '养老保险：参保缴费 36 个月', '医疗保险：参保缴费', '失业保险：未参保', '工伤保险：未参保', '开具日期：2026-11-30'],
    });
    expect(runLookup('DEMO-01', wang, now, {}, 'en')).toEqual({
      title: 'All-insurance enrolment certificate',
      rows: [],
      certificate: {
        title: 'All-insurance enrolment certificate',
        lines: [
          'Name：王建国',
          'Citizen ID number：140105196803120133',
          'Period covered：the last 12 months',
          'Pension insurance：enrolled, 12 months paid',
          'Medical insurance：enrolled and contributing',
          'Unemployment insurance：not enrolled',
          'Work-injury insurance：not enrolled',
          'Issued on：2026-11-30',
        ],
      },
    });
  });
});
