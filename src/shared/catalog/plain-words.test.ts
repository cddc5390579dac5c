import zhCommon from '../locales/zh-CN/common.json';
import enCommon from '../locales/en/common.json';
import zhErrors from '../locales/zh-CN/errors.json';
import zhScreens from '../locales/zh-CN/screens.json';
import zhPrinting from '../locales/zh-CN/printing.json';
import zhCameras from '../locales/zh-CN/cameras.json';
import zhPrinters from '../locales/zh-CN/printers.json';
import zhCardReaders from '../locales/zh-CN/card-readers.json';
import zhRequests from '../locales/zh-CN/requests.json';
import zhCatalog from '../locales/zh-CN/catalog.json';
import zhSync from '../locales/zh-CN/sync.json';
import enErrors from '../locales/en/errors.json';
import enScreens from '../locales/en/screens.json';
import enPrinting from '../locales/en/printing.json';
import enCameras from '../locales/en/cameras.json';
import enPrinters from '../locales/en/printers.json';
import enCardReaders from '../locales/en/card-readers.json';
import enRequests from '../locales/en/requests.json';
import enCatalog from '../locales/en/catalog.json';
import enSync from '../locales/en/sync.json';
import { defaultCatalog } from './default-catalog';
import { applyCountySettings, DEFAULT_COUNTY_SETTINGS } from './county-settings';
import { CONTRIBUTION_FEE, FREE } from './guide-texts';
import type { CatalogItem, LocalisedText } from './schema';

/**
 * Plain words (issue 17 item 17): every text a resident reads about an item is written for an elderly villager who
 * reads little. The rules below are the ones a person checked by reading all 44 items; the test keeps them true when
 * an item is rewritten or the county publishes a new catalogue built from these records.
 */

interface Text {
  code: string;
  path: string;
  zh: string;
  en: string;
}

function textsOf(node: unknown, code: string, path: string, out: Text[]): void {
  if (Array.isArray(node)) node.forEach((child, i) => textsOf(child, code, `${path}[${i}]`, out));
  else if (node && typeof node === 'object') {
    const record = node as Record<string, unknown>;
    if (typeof record['zh-CN'] === 'string' && typeof record.en === 'string') out.push({ code, path, zh: record['zh-CN'], en: record.en });
    else for (const [key, child] of Object.entries(record)) textsOf(child, code, path ? `${path}.${key}` : key, out);
  }
}

const items: CatalogItem[] = defaultCatalog().items.map((item) => applyCountySettings(item, DEFAULT_COUNTY_SETTINGS));

function allTexts(from: readonly CatalogItem[] = items): Text[] {
  const out: Text[] = [];
  for (const item of from) textsOf(item, item.code, '', out);
  return out;
}

/**
 * Office words a villager does not know, each with the plain words that must stand beside it in the same text (the
 * usual form is plain words with the office word in brackets: 每年交多少钱（缴费档次）). Law titles in the basis list
 * keep their names. An item's name is the official one; its summary must then say it plainly.
 */
const JARGON: ReadonlyArray<{ language: 'zh' | 'en'; word: RegExp; plain: RegExp }> = [
  { language: 'zh', word: /档次/, plain: /每年交多少/ },
  { language: 'zh', word: /缴费基数/, plain: /按多少工资/ },
  { language: 'zh', word: /高拍仪/, plain: /拍照机/ },
  { language: 'zh', word: /解挂/, plain: /解除挂失/ },
  { language: 'zh', word: /注销/, plain: /关掉|结束/ },
  { language: 'zh', word: /衔接/, plain: /接到一起/ },
  { language: 'zh', word: /反担保/, plain: /拿财产作保/ },
  { language: 'zh', word: /公示/, plain: /贴出来/ },
  { language: 'zh', word: /建模/, plain: /人脸|样子/ },
  { language: 'en', word: /(?<!disability )\bgrade\b/i, plain: /how much you pay a year/i },
  { language: 'en', word: /contribution base/i, plain: /wage you pay on/i },
  { language: 'en', word: /deregistration/i, plain: /\bclos/i },
  { language: 'en', word: /counter-guarantee/i, plain: /pledge property/i },
  { language: 'en', word: /notice period/i, plain: /$^/ },
];

function unexplained(texts: readonly Text[]): string[] {
  const summaries = new Map(texts.filter((t) => t.path === 'summary').map((t) => [t.code, t]));
  const found: string[] = [];
  for (const t of texts) {
    if (t.path.startsWith('guide.basis')) continue;
    for (const { language, word, plain } of JARGON) {
      const text = t[language];
      if (!word.test(text)) continue;
      const explainedBy = t.path === 'name' ? summaries.get(t.code)![language] : text;
      if (!plain.test(explainedBy)) found.push(`${t.code}.${t.path}: ${text}`);
    }
  }
  return found;
}

/** A condition joins two requirements with "and" only when it is written as two lines. */
const JOINED_CONDITION = /并且|而且|，并|，且/;

/** The one word for the person at the point who helps: 工作人员 / clerk. */
const OTHER_CLERK_WORDS = { zh: /帮办员|帮办人员|经办人员?|服务人员|村干部|协理员|办事员|窗口人员|管理员/, en: /\b(staff|officer|helper|attendant|assistant)\b/i };

describe('plain words in every item (issue 17 item 17)', () => {
  const texts = allTexts();

  it('reads the texts it checks', () => {
    expect(items).toHaveLength(44);
    expect(texts.length).toBeGreaterThan(1500);
  });

  it('never uses an office word without plain words beside it', () => {
    expect(unexplained(texts)).toEqual([]);
  });

  it('catches an office word planted without its explanation (so the check above can fail)', () => {
    const planted = structuredCloneOf(items.find((i) => i.code === 'INS-01')!);
    planted.guide.steps[4] = { 'zh-CN': '登记成功后，按选择的档次每年交费', en: 'Once enrolled, pay your chosen grade every year' };
    expect(unexplained(allTexts([planted]))).toEqual([
      'INS-01.guide.steps[4]: 登记成功后，按选择的档次每年交费',
      'INS-01.guide.steps[4]: Once enrolled, pay your chosen grade every year',
    ]);
  });

  it('puts one condition on a line', () => {
    const joined = texts.filter((t) => t.path.startsWith('guide.conditions') && JOINED_CONDITION.test(t.zh));
    expect(joined.map((t) => `${t.code}.${t.path}: ${t.zh}`)).toEqual([]);
  });

  it('never asks a resident for the village code (the kiosk knows its village)', () => {
    const fields = items.flatMap((item) => item.form.flatMap((page) => page.fields.map((field) => ({ code: item.code, field }))));
    expect(fields.filter(({ field }) => field.kind === 'divisionCode').map(({ code, field }) => `${code}.${field.name}`)).toEqual([]);
    const asking = texts.filter((t) => /村.{0,4}代码|区划代码|12 ?位/.test(t.zh) || /village code|division code|12-digit/i.test(t.en));
    expect(asking.map((t) => `${t.code}.${t.path}: ${t.zh}`)).toEqual([]);
  });

  it('asks for the yearly certification kindly, never to "prove you are alive"', () => {
    expect(texts.filter((t) => /健在|活着|还活/.test(t.zh) || /\balive\b|still living/i.test(t.en)).map((t) => `${t.code}.${t.path}`)).toEqual([]);
    expect(items.find((i) => i.code === 'INS-04')!.summary).toEqual({
      'zh-CN': '每年确认一次，养老金才能继续按时发',
      en: 'Confirm once a year, so your pension keeps arriving on time',
    });
  });

  it('calls the clerk by one word, the word on the kiosk’s help button', () => {
    const others = texts.filter((t) => OTHER_CLERK_WORDS.zh.test(t.zh) || OTHER_CLERK_WORDS.en.test(t.en));
    expect(others.map((t) => `${t.code}.${t.path}: ${t.zh} | ${t.en}`)).toEqual([]);
    expect(zhCommon.nav.help).toContain('工作人员');
    expect(enCommon.nav.help.toLowerCase()).toContain('clerk');
    // A text that sends the resident to the help button quotes the button as it reads on screen.
    const pointing = texts.filter((t) => t.zh.includes('呼叫'));
    expect(pointing.length).toBeGreaterThan(0);
    for (const t of pointing) {
      expect(t.zh).toContain(`"${zhCommon.nav.help}"`);
      expect(t.en.toLowerCase()).toContain(`"${enCommon.nav.help.toLowerCase()}"`);
    }
  });

  it('uses the same word for the clerk in the kiosk’s own words a resident reads', () => {
    // `sync.staff.*` names the staff login, a role, and is left out.
    const namespaces = Object.keys(RESIDENT_LOCALES.en);
    const found: string[] = [];
    for (const ns of namespaces) {
      for (const [key, zh] of localeStrings('zh-CN', ns)) if (OTHER_CLERK_WORDS.zh.test(zh)) found.push(`zh-CN ${ns}${key}: ${zh}`);
      for (const [key, en] of localeStrings('en', ns)) if (!key.startsWith('.staff.') && OTHER_CLERK_WORDS.en.test(en)) found.push(`en ${ns}${key}: ${en}`);
      // The document camera is 拍照机 to a resident; 高拍仪 only in brackets beside it.
      if (['screens', 'sync', 'catalog'].includes(ns)) for (const [key, zh] of localeStrings('zh-CN', ns)) if (zh.includes('高拍仪') && !/拍照机|拍材料的机器/.test(zh)) found.push(`zh-CN ${ns}${key}: ${zh}`);
    }
    expect(found).toEqual([]);
  });

  it('never says "free of charge" where the resident pays a contribution', () => {
    const paying = items.filter((item) =>
      item.form.some((page) => page.fields.some((field) => ('optionsFrom' in field && field.optionsFrom === 'residentPensionGrades') || /缴费基数/.test(field.label['zh-CN']))),
    );
    expect(paying.map((i) => i.code).sort()).toEqual(['DEMO-03', 'INS-01', 'INS-02', 'INS-16']);
    for (const item of paying) {
      expect(item.guide.fee).not.toEqual(FREE);
      expect(item.guide.fee).toEqual(CONTRIBUTION_FEE);
      expect(item.faq.map((entry) => entry.answer['zh-CN']).join('')).not.toMatch(/免费|不收费/);
    }
  });

  it('gives one answer about cash on a blocked card (CARD-02)', () => {
    expect(cardBlockContradictions(items.find((i) => i.code === 'CARD-02')!)).toEqual([]);
  });

  it('catches the old contradiction about cash after a block', () => {
    const planted = structuredCloneOf(items.find((i) => i.code === 'CARD-02')!);
    planted.faq[0]!.answer = { 'zh-CN': '能。养老金照常打到卡里，挂失后别人也取不走卡里的钱。', en: 'Yes. The pension still arrives, and once blocked nobody can withdraw cash with the card.' };
    expect(cardBlockContradictions(planted)).toHaveLength(2);
  });

  it('never shows a bare percentage as a choice (a wage base says what it is a share of)', () => {
    const bare = items.flatMap((item) =>
      item.form.flatMap((page) => page.fields.flatMap((field) => ('options' in field && field.options ? field.options : []).filter((o) => /^\s*\d+\s*%\s*$/.test(o.label['zh-CN'])).map((o) => `${item.code}.${field.name}: ${o.label['zh-CN']}`))),
    );
    expect(bare).toEqual([]);
  });
});

/**
 * CARD-02 once told a resident in one answer that a blocked card keeps the cash safe and in the other that the money
 * can still be taken. Every answer that speaks of cash must say the same: this block covers the social security side,
 * the bank side is blocked by calling the bank.
 */
function cardBlockContradictions(item: CatalogItem): string[] {
  const problems: string[] = [];
  for (const entry of item.faq) {
    const { 'zh-CN': zh, en } = entry.answer as LocalisedText;
    if (/取/.test(zh) && !(zh.includes('银行功能') && zh.includes('银行的电话'))) problems.push(`zh: ${zh}`);
    if (/withdraw|cash/i.test(en) && !(/bank side/i.test(en) && /call the bank/i.test(en))) problems.push(`en: ${en}`);
  }
  return problems;
}

/** The namespaces a resident's screens draw on. */
const RESIDENT_LOCALES: Record<'zh-CN' | 'en', Record<string, unknown>> = {
  'zh-CN': { 'common': zhCommon, 'errors': zhErrors, 'screens': zhScreens, 'printing': zhPrinting, 'cameras': zhCameras, 'printers': zhPrinters, 'card-readers': zhCardReaders, 'requests': zhRequests, 'catalog': zhCatalog, 'sync': zhSync },
  'en': { 'common': enCommon, 'errors': enErrors, 'screens': enScreens, 'printing': enPrinting, 'cameras': enCameras, 'printers': enPrinters, 'card-readers': enCardReaders, 'requests': enRequests, 'catalog': enCatalog, 'sync': enSync },
};

function localeStrings(language: 'zh-CN' | 'en', namespace: string): Array<[string, string]> {
  const out: Array<[string, string]> = [];
  const walk = (node: unknown, key: string): void => {
    if (typeof node === 'string') out.push([key, node]);
    else if (node && typeof node === 'object') for (const [k, v] of Object.entries(node)) walk(v, `${key}.${k}`);
  };
  walk(RESIDENT_LOCALES[language][namespace], '');
  return out;
}

function structuredCloneOf<T>(value: T): T {
  return JSON.parse(JSON.stringify(value)) as T;
}
