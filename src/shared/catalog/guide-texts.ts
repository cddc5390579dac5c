import type { LocalisedText } from './schema';
import { zhEn } from './bilingual';

/** The guide texts several items share (the hotline, the fee lines, the offices that handle items, the laws cited), worded once. */

export const HOTLINE = '12333';

export const FREE: LocalisedText = zhEn(
  '不收费。所有就业和社保服务都是免费的，任何人向您收钱都请拨打 12333 举报。',
  'Free of charge. All employment and social security services are free; if anyone asks you for money, report it on 12333.',
);

/** For items where the resident pays a contribution: the service is free, the contribution is not. */
export const CONTRIBUTION_FEE: LocalisedText = zhEn(
  '办理不收费。养老保险费要交，按您选的钱数交到您自己的养老保险里；任何人要您多交钱，请拨打 12333 举报。',
  'The service is free. The pension contribution itself is paid, the amount you choose, into your own pension; if anyone asks you for more, report it on 12333.',
);

/** Guide lines several items share, worded once so a change of words reaches every item that says it. */
export const STEPS = {
  identify: zhEn('刷身份证或社保卡', 'Use your ID card or social security card'),
  /** Where only the holder's own ID card counts (risk classes card and identityChange, risk-class.ts). */
  identifyByIdCard: zhEn('在读卡器上放本人身份证（社保卡不能代替）', 'Put your own ID card on the reader (the social security card cannot stand in)'),
  /** Money items: where the money goes unless the resident chooses another card of their own (risk-class.ts). */
  payToCard: zhEn(
    '钱发到您本人的社保卡上；要发到别的银行卡，选"我本人的其他银行卡"，再放身份证、刷脸',
    'The money goes to your own social security card; for another bank card, choose "Another bank card in my own name", then your ID card and a face check',
  ),
  printIfNeeded: zhEn('需要的话可以打印', 'Print it if you need to'),
  checkAndSubmit: zhEn('核对提交，拿好回执', 'Check, submit and keep the receipt'),
  submit: zhEn('提交后拿好回执', 'Submit and keep the receipt'),
} as const satisfies Record<string, LocalisedText>;

/** A public listing's only condition. */
export const ANYONE_CAN_LOOK: LocalisedText = zhEn('所有人都可以查，不用刷卡', 'Anyone can look; no card needed');

/** Who may apply: the age and work conditions several items share. */
export const CONDITIONS = {
  aged16: zhEn('年满 16 周岁', 'Aged 16 or over'),
  workingAge: zhEn('年满 16 周岁，还没到退休年龄', 'Aged 16 or over and not yet of retirement age'),
  ableToWork: zhEn('能干活', 'Able to work'),
} as const satisfies Record<string, LocalisedText>;

/** The time limit of a lookup answered while the resident waits. */
export const ANSWERED_ONLINE: LocalisedText = zhEn('当场查询，需要联网', 'Instant; needs the network');
/** The time limit of a certificate printed while the resident waits. */
export const PRINTED_ONLINE: LocalisedText = zhEn('当场打印，需要联网', 'Printed on the spot; needs the network');

export const HANDLERS = {
  employment: zhEn('县就业服务中心（县人力资源和社会保障局）', 'The county employment service centre (county human resources and social security bureau)'),
  training: zhEn('县职业技能培训指导中心', 'The county vocational training centre'),
  pension: zhEn('县社会保险事业中心（城乡居民养老保险经办）', 'The county social insurance centre (resident pension office)'),
  employeePension: zhEn('县社会保险事业中心（职工养老保险经办）', 'The county social insurance centre (employee pension office)'),
  workInjury: zhEn('县社会保险事业中心（工伤保险经办）', 'The county social insurance centre (work-injury insurance office)'),
  card: zhEn('县社会保障卡服务中心和合作银行', 'The county social security card centre and the partner banks'),
  township: zhEn('乡镇人力资源和社会保障服务所', 'The township human resources and social security office'),
} as const satisfies Record<string, LocalisedText>;

/** The basis texts cited by several items, worded once. */
export const LAWS = {
  socialInsurance: zhEn('《中华人民共和国社会保险法》', 'Social Insurance Law of the PRC'),
  employmentPromotion: zhEn('《中华人民共和国就业促进法》', 'Employment Promotion Law of the PRC'),
  employmentServices: zhEn('《就业服务与就业管理规定》（原劳动和社会保障部令第 28 号）', 'Provisions on Employment Services and Employment Management (Ministry of Labour and Social Security Order No. 28)'),
  unemploymentInsurance: zhEn('《失业保险条例》（国务院令第 258 号）', 'Regulations on Unemployment Insurance (State Council Order No. 258)'),
  employmentFunds: zhEn('《就业补助资金管理办法》（财社〔2017〕164 号）', 'Measures for the Management of Employment Subsidy Funds (Cai She [2017] No. 164)'),
  residentPension: zhEn(
    '《国务院关于建立统一的城乡居民基本养老保险制度的意见》（国发〔2014〕8 号）',
    'State Council Opinion on a Unified Basic Pension System for Urban and Rural Residents (Guo Fa [2014] No. 8)',
  ),
  rightsRecords: zhEn('《社会保险个人权益记录管理办法》（人力资源社会保障部令第 14 号）', 'Measures on Personal Social Insurance Rights Records (MOHRSS Order No. 14)'),
  workInjury: zhEn('《工伤保险条例》', 'Regulations on Work-Related Injury Insurance'),
  transfer: zhEn(
    '《城镇企业职工基本养老保险关系转移接续暂行办法》（国办发〔2009〕66 号）',
    'Interim Measures for Transferring Urban Employee Basic Pension Insurance (Guo Ban Fa [2009] No. 66)',
  ),
  schemeLink: zhEn('《城乡养老保险制度衔接暂行办法》（人社部发〔2014〕17 号）', 'Interim Measures for Linking the Urban and Rural Pension Schemes (Ren She Bu Fa [2014] No. 17)'),
  certification: zhEn('《社会保险待遇领取资格认证经办规程（暂行）》', 'Procedures for Certifying Eligibility to Receive Social Insurance Benefits (interim)'),
  socialSecurityCard: zhEn(
    '《"中华人民共和国社会保障卡"管理办法》（人社部发〔2011〕47 号）',
    'Measures for the Management of the PRC Social Security Card (Ren She Bu Fa [2011] No. 47)',
  ),
  cardFinancial: zhEn(
    '《人力资源社会保障部 中国人民银行关于社会保障卡加载金融功能的通知》（人社部发〔2011〕83 号）',
    'Notice of MOHRSS and the People’s Bank of China on Adding Financial Functions to the Social Security Card (Ren She Bu Fa [2011] No. 83)',
  ),
  premiumCollection: zhEn('《社会保险费征缴暂行条例》（国务院令第 259 号）', 'Interim Regulations on the Collection of Social Insurance Premiums (State Council Order No. 259)'),
  shanxiEmployment: zhEn('《山西省就业促进条例》', 'Shanxi Province Regulations on Employment Promotion'),
  shanxiDifficulty: zhEn(
    '《山西省人民政府办公厅关于印发山西省就业困难人员认定管理办法的通知》（晋政办发〔2024〕33 号）',
    'Notice of the General Office of the Shanxi Provincial Government on the Measures for Recognising People with Employment Difficulties (Jin Zheng Ban Fa [2024] No. 33)',
  ),
  skillsTraining: zhEn('《"十四五"职业技能培训规划》（人社部发〔2021〕102 号）', 'The 14th Five-Year Plan for Vocational Skills Training (Ren She Bu Fa [2021] No. 102)'),
} as const satisfies Record<string, LocalisedText>;
