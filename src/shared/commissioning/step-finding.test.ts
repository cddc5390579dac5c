import i18next from 'i18next';
import { resources, type Language } from '../locales';
import { CommissioningRecordSchema } from './site-record';
import { findingText, stepDetailText, stepNameText, StepFindingSchema, type Say, type StepFinding } from './step-finding';

/** The locale files as the screen and the printer read them. */
function sayIn(language: Language): Say {
  const instance = i18next.createInstance();
  void instance.init({ resources, lng: language, fallbackLng: false, interpolation: { escapeValue: false }, initAsync: false });
  return (key, options) => instance.t(key, options ?? {});
}

const FINDINGS: Array<[StepFinding, string, string]> = [
  [{ key: 'deviceSteps', steps: [{ name: 'port', ok: true }, { name: 'samStatus', ok: false }, { name: 'newStep', ok: true }] }, '端口：通过；安全模块状态：未通过；newStep：通过', 'Port: passed; SAM status: failed; newStep: passed'],
  [{ key: 'noCounty' }, '本机未配置县里地址', 'No county configured on this kiosk'],
  [{ key: 'countyAnswered', reason: 'bad_signature' }, '县里有应答，但拒绝了请求：bad_signature', 'The county answered but refused: bad_signature'],
  [{ key: 'countyUnreached', reason: 'ECONNREFUSED' }, '连不上县里：ECONNREFUSED', 'No answer from the county: ECONNREFUSED'],
  [{ key: 'syncCompleted' }, '同步完成', 'Sync round completed'],
  [{ key: 'syncFailed', reason: 'timeout' }, '同步未完成：timeout', 'Sync round not completed: timeout'],
  [{ key: 'clockOffset', seconds: -42 }, '相差 -42 秒', 'Off by -42 s'],
  [{ key: 'noCountyClock' }, '还没有县里的时间可比对', 'No county clock to compare with yet'],
  [{ key: 'staffAccount', username: 'tech', roles: ['technician', 'clerk'] }, '账号 tech，角色：技术员、经办员', 'Account tech, role: Technician, Clerk'],
  [{ key: 'notInStaffList' }, '不在县里下发的工作人员名单中', "Not in the county's staff list"],
  [{ key: 'officeHours', hours: [{ days: [1, 2, 3, 4, 5], open: '08:30', close: '12:00' }, { days: [6], open: '09:00', close: '11:00' }] }, '周一、二、三、四、五 08:30–12:00；周六 09:00–11:00', 'Mon, Tue, Wed, Thu, Fri 08:30–12:00; Sat 09:00–11:00'],
  [{ key: 'officeHours', hours: [] }, '未设置', 'None set'],
  [{ key: 'phone', phone: '0351-12333' }, '0351-12333', '0351-12333'],
  [{ key: 'phone', phone: '' }, '未设置', 'None set'],
];

describe("a commissioning step's finding is data, worded in the reader's language", () => {
  const zh = sayIn('zh-CN');
  const en = sayIn('en');

  it.each(FINDINGS)('%j', (finding, inChinese, inEnglish) => {
    expect(StepFindingSchema.parse(finding)).toEqual(finding);
    expect(findingText(finding, zh)).toBe(inChinese);
    expect(findingText(finding, en)).toBe(inEnglish);
  });

  it('words every kind of finding there is', () => {
    const kinds = StepFindingSchema.options.map((o) => o.shape.key.value);
    expect(new Set(FINDINGS.map(([f]) => f.key))).toEqual(new Set(kinds));
  });

  it('keeps the words out of the record: a finding with a sentence in it does not parse', () => {
    expect(StepFindingSchema.safeParse({ key: 'sync round completed' }).success).toBe(false);
    expect(StepFindingSchema.safeParse({ key: 'clockOffset', seconds: 'offset 3 s' }).success).toBe(false);
    expect(StepFindingSchema.safeParse({ key: 'deviceSteps', steps: [{ name: 'port: ok', ok: true }] }).success).toBe(false);
  });

  it("shows a manual step's note as typed, after the finding when there is one", () => {
    expect(stepDetailText({ detail: '公示栏在门口' }, zh)).toBe('公示栏在门口');
    expect(stepDetailText({ finding: { key: 'syncCompleted' }, detail: 'note' }, en)).toBe('Sync round completed; note');
    expect(stepDetailText({}, zh)).toBe('');
  });

  it("still reads a record made before findings (the kiosk's English line in detail) and shows the line as signed", () => {
    const at = '2026-11-20T02:00:00.000Z';
    const by = { id: 'tech-sun', name: '孙技术员' };
    const old = CommissioningRecordSchema.parse({
      kind: 'commissioning',
      recordId: '0193a1b2-0000-7000-8000-000000000001',
      kioskId: 'demo-kiosk-2',
      divisionCode: '140105001001',
      siteName: { 'zh-CN': '东庄村服务点', en: 'Dongzhuang point' },
      appVersion: '1.0.0',
      startedAt: at,
      completedAt: at,
      technician: by,
      steps: [
        { id: 'device:id-reader', deviceKind: 'idCardReader', how: 'automatic', passed: true, detail: 'port: ok; samStatus: ok', checkedAt: at, checkedBy: by },
        { id: 'syncRound', how: 'automatic', passed: true, detail: 'sync round completed', checkedAt: at, checkedBy: by },
      ],
      passed: true,
    });
    expect(old.steps.map((s) => stepDetailText(s, zh))).toEqual(['port: ok; samStatus: ok', 'sync round completed']);
  });
});

describe("a commissioning step's name in the reader's language (the tab and the A4 record alike)", () => {
  it.each([
    [{ id: 'device:id-reader', deviceKind: 'idCardReader' as const }, '设备自检：id-reader（身份证阅读器）', 'Self-test: id-reader (ID card reader)'],
    [{ id: 'device:doc-camera', deviceKind: 'documentCamera' as const }, '设备自检：doc-camera（高拍仪）', 'Self-test: doc-camera (Document camera)'],
    [{ id: 'device:spare' }, '设备自检：spare', 'Self-test: spare'],
    [{ id: 'clockAgrees' }, '时钟与县里一致', 'Clock agrees with the county'],
  ])('%j', (step, zh, en) => {
    expect(stepNameText(step, sayIn('zh-CN'))).toBe(zh);
    expect(stepNameText(step, sayIn('en'))).toBe(en);
  });
});
