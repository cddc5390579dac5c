import { addressField, amountField, bankCardMaterial, choiceField, dateField, educationField, filterStep, formStep, integerField, material, NO_IDENTITY, paymentStep, phoneField, requestKindField, subsidyPaymentStep, textField, truthPromise, zhEn, type FieldInput, type FormStepInput, type MaterialInput, type VisibleWhen } from '../fields';

import { DEFAULT_COUNTY_SETTINGS } from '../county-settings';
import { applicationHeader, infoRecord, queryRecord } from '../record-headers';
import { defineItem } from '../define-item';
import { ANSWERED_ONLINE, ANYONE_CAN_LOOK, CONDITIONS, HANDLERS, LAWS, STEPS } from '../guide-texts';
import type { CatalogItemInput, LocalisedText } from '../schema';


/** 找工作: the 15 employment items of the province's list (CATALOG.md). */

const CREDIT_CODE_PATTERN = '[0-9A-HJ-NPQRTUWXY]{2}\\d{6}[0-9A-HJ-NPQRTUWXY]{10}';

function employerNameField(name: string, required: boolean): FieldInput {
  return textField(name, zhEn('单位名称', 'Employer name'), 2, 60, { hint: zhEn('写营业执照上的全称', 'The full name on the business licence'), required });
}

/** The 18-character unified social credit code on a business licence. */
function creditCodeField(name: string): FieldInput {
  return textField(name, zhEn('统一社会信用代码', 'Unified social credit code'), 18, 18, {
    hint: zhEn('营业执照上的 18 位代码', 'The 18-character code on the business licence'),
    keyboard: 'latin',
    pattern: CREDIT_CODE_PATTERN,
    patternKey: 'catalog:validation.creditCode',
  });
}

/** The work a job seeker wants, in their own words. */
function wantedJobField(extras: { hint?: LocalisedText } = {}): FieldInput {
  return textField('wantedJob', zhEn('想做的工作', 'Work you want to do'), 2, 40, extras);
}

/** The start-up items' screen about the resident's business. */
function businessStep(fields: FieldInput[]): FormStepInput {
  return formStep('business', zhEn('您的生意', 'Your business'), fields);
}

/** The papers the employment items photograph, each named once. */
function businessLicence(extras: { visibleWhen?: VisibleWhen } = {}): MaterialInput {
  return material('businessLicence', zhEn('营业执照', 'Business licence'), 1, extras);
}

function landRequisitionProof(visibleWhen: VisibleWhen): MaterialInput {
  return material('landRequisitionProof', zhEn('土地征收证明', 'Proof of farmland requisition'), 3, { visibleWhen });
}

function terminationProof(extras: { note: LocalisedText; required?: boolean; visibleWhen?: VisibleWhen }): MaterialInput {
  return material('terminationProof', zhEn('解除或终止劳动合同证明', 'Proof that the labour contract ended'), 3, extras);
}

const leaveReasonField: FieldInput = choiceField('leaveReason', zhEn('失业原因', 'Why you are out of work'), [
  ['contractEnded', '劳动合同到期终止', 'Labour contract ended'],
  ['dismissed', '被单位解除劳动合同', 'Dismissed by the employer'],
  ['resigned', '本人辞职', 'Resigned'],
  ['businessClosed', '个体经营停业', 'Own business closed'],
  ['landLost', '承包土地被征用', 'Contracted farmland was requisitioned'],
  ['neverEmployed', '毕业或成年后未就业', 'Never employed since school or coming of age'],
]);
export const JOB_ITEMS: CatalogItemInput[] = [
  defineItem({
    ...applicationHeader('JOB-01', zhEn('求职登记', 'Job-seeker registration'), zhEn('登记找工作的意愿，有合适岗位会通知您', 'Register that you want work; we tell you when a suitable job comes up')),
    form: [
      formStep('about', zhEn('您的基本情况', 'About you'), [educationField(), phoneField(), addressField()]),
      formStep('wish', zhEn('想找什么样的工作', 'The work you want'), [
        wantedJobField({ hint: zhEn('例如：电焊工、保洁、家政、司机', 'For example: welder, cleaner, housekeeper, driver') }),
        choiceField('wantedPlace', zhEn('想在哪里工作', 'Where you want to work'), [
          ['township', '本乡镇', 'This township'],
          ['county', '本县', 'This county'],
          ['province', '省内', 'Within the province'],
          ['anywhere', '省外也可以', 'Outside the province too'],
        ]),
        amountField('wantedWage', zhEn('期望月工资（元）', 'Expected monthly wage (yuan)'), 500, 50000, { required: false }),
        dateField('availableFrom', zhEn('最早上岗日期', 'Earliest start date'), 'today', { daysFromToday: 365 }),
      ]),
    ],
    materials: [],
    keywords: ['找工作', '求职', 'job'],
    guide: {
      conditions: [
        CONDITIONS.aged16,
        CONDITIONS.ableToWork,
        zhEn('想找工作', 'Wanting a job'),
        zhEn('在校学生毕业前不办理', 'Students still at school register after they graduate'),
      ],
      identify: zhEn('在读卡器上放身份证或插社保卡', 'Put your ID card on the reader or insert your social security card'),
      steps: [
        zhEn('填写文化程度、联系电话和想做的工作', 'Fill in your education, phone number and the work you want'),
        zhEn('核对后提交，拿好回执', 'Check, submit, and keep the receipt'),
        zhEn('有合适的岗位，就业服务中心会打电话或发短信告诉您', 'When a suitable job comes up, the employment centre calls or texts you'),
      ],
      timeLimit: zhEn('当场登记，登记有效期 6 个月，到期可以再登记', 'Registered on the spot; valid for 6 months and can be renewed'),
      basis: [LAWS.employmentPromotion, LAWS.shanxiEmployment, LAWS.employmentServices],
      handledBy: HANDLERS.employment,
    },
    faq: [
      {
        question: zhEn('登记以后一定能找到工作吗？', 'Does registering guarantee a job?'),
        answer: zhEn(
          '不能保证，但登记后会优先给您推荐岗位、通知招聘会和免费培训。',
          'No, but you will be first to hear of suitable jobs, job fairs and free training.',
        ),
      },
      {
        question: zhEn('我已经五十多岁了，还能登记吗？', 'I am in my fifties. Can I still register?'),
        answer: zhEn(
          '能。只要还没有领养老金、有劳动能力就可以登记；年纪大的还可以申请就业困难人员认定，享受更多帮扶。',
          'Yes, as long as you do not yet draw a pension and can work. Older people can also apply for employment-difficulty status for extra help.',
        ),
      },
    ],
  }),
  defineItem({
    ...queryRecord(
      'JOB-02',
      zhEn('岗位信息查询', 'Vacancy search'),
      zhEn('看看本县和省内正在招人的岗位', 'See who is hiring in the county and the province'),
      [
        filterStep([
          choiceField('area', zhEn('工作地点', 'Place of work'), [['county', '本县', 'This county'], ['province', '省内', 'Within the province'], ['all', '不限', 'Anywhere']]),
          choiceField('industry', zhEn('行业', 'Industry'), [
            ['manufacturing', '工厂、制造', 'Factory and manufacturing'],
            ['construction', '建筑', 'Construction'],
            ['services', '餐饮、家政、保洁', 'Catering, housekeeping, cleaning'],
            ['logistics', '运输、快递', 'Transport and delivery'],
            ['agriculture', '种植、养殖', 'Farming and livestock'],
          ], { required: false }),
        ]),
      ],
      { identity: NO_IDENTITY, offlineCache: true },
    ),
    keywords: ['找工作', '招工', '岗位', 'vacancies'],
    guide: {
      conditions: [ANYONE_CAN_LOOK],
      steps: [
        zhEn('选择工作地点和行业', 'Choose the place of work and the industry'),
        zhEn('看岗位名称、工资、招聘单位和联系电话', 'Read the job, wage, employer and phone number'),
        zhEn('看中了可以打印岗位信息带走，或请工作人员帮您联系', 'Print the ones you like, or ask the clerk to contact the employer for you'),
      ],
      timeLimit: zhEn('当场查询；网络不通时显示最近一次同步的岗位', 'Instant; without the network you see the list from the last sync'),
      basis: [LAWS.employmentPromotion, LAWS.shanxiEmployment, LAWS.employmentServices],
      handledBy: HANDLERS.employment,
    },
    faq: [
      {
        question: zhEn('岗位信息是真的吗？', 'Are these jobs genuine?'),
        answer: zhEn(
          '岗位都由县就业服务中心审核后发布。如果单位要您先交钱，一律不要交，并拨打 12333 反映。',
          'Every job is checked by the county employment centre before it is posted. If an employer asks you to pay first, do not pay and call 12333.',
        ),
      },
      {
        question: zhEn('没有网的时候能查吗？', 'Can I search without the network?'),
        answer: zhEn(
          '能，机器会显示最近一次联网时保存的岗位，屏幕上写明是哪天的信息，报名前请打电话确认岗位还在招。',
          'Yes. The machine shows the list saved at the last connection and says which day it is from; call to check the job is still open before you go.',
        ),
      },
    ],
  }),
  defineItem({
    ...queryRecord(
      'JOB-03',
      zhEn('招聘会信息查询', 'Job fair listings'),
      zhEn('近期在县里和乡里举办的招聘会', 'Upcoming job fairs in the county and the township'),
      [],
      { identity: NO_IDENTITY },
    ),
    keywords: ['招聘会', '找工作'],
    guide: {
      conditions: [ANYONE_CAN_LOOK],
      steps: [
        zhEn('打开后看近期招聘会的时间、地点和参会单位', 'See the dates, places and employers of upcoming fairs'),
        zhEn('可以打印招聘会信息带走', 'Print the details to take with you'),
        zhEn('去招聘会时带上身份证，有简历、证书的也带上', 'Take your ID card to the fair, and your CV and certificates if you have them'),
      ],
      timeLimit: ANSWERED_ONLINE,
      basis: [LAWS.employmentPromotion, LAWS.shanxiEmployment, LAWS.employmentServices],
      handledBy: HANDLERS.employment,
    },
    faq: [
      {
        question: zhEn('参加招聘会要收费吗？', 'Does a job fair cost anything?'),
        answer: zhEn('政府办的招聘会对求职的人一律免费。', 'Government job fairs are free for job seekers.'),
      },
      {
        question: zhEn('去不了县里，有没有在乡里办的？', 'I cannot get to the county town. Are there fairs in the township?'),
        answer: zhEn(
          '每年春节前后和农闲时，乡镇会办"送岗位下乡"招聘会，列表里写明地点，注意查看。',
          'Around Spring Festival and in the slack season the township holds job fairs locally; their place is shown in the list.',
        ),
      },
    ],
  }),
  defineItem({
    ...applicationHeader('JOB-04', zhEn('职业指导预约', 'Career guidance appointment'), zhEn('约一个时间，请就业指导员帮您出主意', 'Book a time with a career adviser')),
    form: [
      formStep('appointment', zhEn('预约时间和内容', 'When and what about'), [
        dateField(
          'preferredDate',
          zhEn('希望哪天', 'Preferred day'),
          { daysFromToday: 1 },
          { daysFromToday: 30 },
          { hint: zhEn('可以约明天起 30 天内的工作日', 'Working days from tomorrow up to 30 days ahead') },
        ),
        choiceField('timeSlot', zhEn('上午还是下午', 'Morning or afternoon'), [['morning', '上午', 'Morning'], ['afternoon', '下午', 'Afternoon']]),
        choiceField('topic', zhEn('想咨询什么', 'What you want advice on'), [
          ['findJob', '怎么找到合适的工作', 'How to find suitable work'],
          ['changeJob', '换工作、转行', 'Changing job or trade'],
          ['training', '学什么技术好', 'Which skill to learn'],
          ['startBusiness', '自己创业', 'Starting a business'],
        ]),
        phoneField(),
      ]),
    ],
    materials: [],
    keywords: ['就业指导', '咨询'],
    guide: {
      conditions: [zhEn('想找工作、换工作、学技术或创业，需要有人帮着出主意的人', 'Anyone who wants advice on finding or changing work, learning a skill or starting a business')],
      steps: [
        zhEn('选择哪天、上午还是下午，以及想咨询的内容', 'Choose the day, morning or afternoon, and what you want advice on'),
        zhEn('提交后拿好回执，就业指导员会打电话和您确认时间', 'Keep the receipt; the adviser will phone to confirm the time'),
        zhEn('按约定时间到乡镇人社所或县就业服务中心面谈', 'Meet the adviser at the township office or county centre at that time'),
      ],
      timeLimit: zhEn('2 个工作日内电话确认预约', 'The appointment is confirmed by phone within 2 working days'),
      basis: [LAWS.employmentPromotion, LAWS.shanxiEmployment, LAWS.employmentServices],
      handledBy: HANDLERS.employment,
    },
    faq: [
      {
        question: zhEn('约好了去不了怎么办？', 'What if I cannot come at the booked time?'),
        answer: zhEn('打电话给就业指导员或拨打 12333 改时间就行，不影响以后预约。', 'Call the adviser or 12333 to change it; it does not count against you.'),
      },
      {
        question: zhEn('指导员能上门吗？', 'Can the adviser come to my home?'),
        answer: zhEn(
          '行动不便的老人、残疾人可以请村里的工作人员帮忙，选择上门服务。',
          'Older or disabled people can ask the village clerk to book a home visit.',
        ),
      },
    ],
  }),
  defineItem({
    ...applicationHeader(
      'JOB-05',
      zhEn('失业登记', 'Unemployment registration'),
      zhEn('没有工作又想工作的，登记后可享受就业服务和政策', 'If you have no job and want one, register to get employment services and support'),
    ),
    form: [
      formStep('lastJob', zhEn('失业情况', 'How you came to be out of work'), [
        leaveReasonField,
        employerNameField('lastEmployer', false),
        dateField(
          'leftOn',
          zhEn('失业日期', 'Date you stopped working'),
          '1980-01-01',
          'today',
          { visibleWhen: { field: 'leaveReason', oneOf: ['contractEnded', 'dismissed', 'resigned', 'businessClosed', 'landLost'] } },
        ),
      ]),
      formStep('contact', zhEn('联系方式', 'How to reach you'), [educationField(), phoneField(), addressField(), truthPromise()]),
    ],
    materials: [
      // Registration needs only a valid ID at the place of residence; the letter helps but is not required.
      terminationProof({
        note: zhEn('有就拍下来；没有也可以登记', 'If you have it, photograph it; you can register without it'),
        required: false,
        visibleWhen: { field: 'leaveReason', oneOf: ['contractEnded', 'dismissed', 'resigned'] },
      }),
      landRequisitionProof({ field: 'leaveReason', oneOf: ['landLost'] }),
    ],
    keywords: ['失业', '没工作'],
    guide: {
      conditions: [
        CONDITIONS.workingAge,
        CONDITIONS.ableToWork,
        zhEn('想工作', 'Wanting work'),
        zhEn('现在没有工作', 'Without a job now'),
        zhEn('在您常住的地方登记，带本人有效身份证就行', 'Register where you live now; your own valid ID card is all you need'),
        zhEn('在校学生、已经领养老金的人不能登记', 'Not for students or people who already draw a pension'),
      ],
      steps: [
        zhEn('选择失业原因，填写原单位和失业日期', 'Choose why you are out of work; fill in your last employer and the date'),
        zhEn('有解除劳动合同证明的，放到拍照机下拍下来；没有也可以登记', 'If you have a letter ending your contract, photograph it under the document camera; you can register without it'),
        zhEn('核对提交，拿好回执；审核通过后发短信告诉您', 'Check, submit and keep the receipt; you will get a text when it is approved'),
      ],
      timeLimit: zhEn('5 个工作日内审核完成', 'Reviewed within 5 working days'),
      basis: [LAWS.employmentPromotion, LAWS.shanxiEmployment, LAWS.employmentServices],
      handledBy: HANDLERS.employment,
    },
    faq: [
      {
        question: zhEn('失业登记和领失业金是一回事吗？', 'Is unemployment registration the same as claiming unemployment benefit?'),
        answer: zhEn(
          '不是。失业登记是享受就业服务的前提；单位交过失业保险的，还要另外办"失业保险金申领"。',
          'No. Registration gives you employment services; if your employer paid unemployment insurance, claim the benefit separately.',
        ),
      },
      {
        question: zhEn('在家种地算失业吗？', 'Does farming my own land count as being out of work?'),
        answer: zhEn(
          '有承包地在种的一般不算；土地被征收、没有地种的可以登记。',
          'Usually not while you farm contracted land; if your land was requisitioned you can register.',
        ),
      },
      {
        question: zhEn('找到工作以后要做什么？', 'What do I do once I find work?'),
        answer: zhEn('请办理"就业登记"，失业登记就自动结束了（注销），不用另外办。', 'Register your employment; the unemployment registration then closes by itself, with nothing more to do.'),
      },
    ],
  }),
  defineItem({
    ...applicationHeader('JOB-06', zhEn('就业登记', 'Employment registration'), zhEn('找到工作或自己干了，登记一下', 'Register that you have found work or started on your own')),
    form: [
      formStep('job', zhEn('现在的工作', 'Your work now'), [
        choiceField('employmentType', zhEn('就业方式', 'Kind of work'), [
          ['employee', '在单位上班', 'Employed by a company or organisation'],
          ['selfEmployed', '个体经营', 'Running my own business'],
          ['flexible', '灵活就业（打零工等）', 'Flexible work (odd jobs and the like)'],
        ]),
        employerNameField('employerName', true),
        dateField('startedOn', zhEn('开始工作日期', 'Start date'), '1980-01-01', 'today'),
        phoneField(),
      ]),
    ],
    materials: [
      material(
        'labourContract',
        zhEn('劳动合同（首页和签字页）', 'Labour contract (first page and signature page)'),
        4,
        { visibleWhen: { field: 'employmentType', oneOf: ['employee'] } },
      ),
      businessLicence({ visibleWhen: { field: 'employmentType', oneOf: ['selfEmployed'] } }),
    ],
    keywords: ['上班', '就业'],
    guide: {
      conditions: [
        CONDITIONS.workingAge,
        zhEn('在单位上班、自己开店，或者打零工（灵活就业）', 'Working for an employer, running your own business, or doing odd jobs (flexible work)'),
      ],
      steps: [
        zhEn('选择就业方式，填写单位名称和开始工作的日期', 'Choose the kind of work; fill in the employer and start date'),
        zhEn('拍劳动合同或营业执照', 'Show the labour contract or the business licence to the document camera'),
        STEPS.checkAndSubmit,
      ],
      timeLimit: zhEn('5 个工作日内办结', 'Done within 5 working days'),
      basis: [LAWS.employmentPromotion, LAWS.shanxiEmployment, LAWS.employmentServices],
      handledBy: HANDLERS.employment,
    },
    faq: [
      {
        question: zhEn('单位已经给我登记了，我还要办吗？', 'My employer already registered me. Do I need to do this?'),
        answer: zhEn('单位办过的就不用再办，可以查询"个人参保信息"确认。', 'No. Check it with the enrolment status lookup if unsure.'),
      },
      {
        question: zhEn('打零工没有合同怎么办？', 'I do odd jobs without a contract. What then?'),
        answer: zhEn('选"灵活就业"，不用拍合同，单位名称写"灵活就业"即可。', 'Choose flexible work; no contract is needed, and write "flexible work" as the employer.'),
      },
    ],
  }),
  defineItem({
    ...applicationHeader(
      'JOB-07',
      zhEn('《就业创业证》申领', 'Employment and entrepreneurship certificate'),
      zhEn('享受就业创业政策要用的证', 'The certificate you need for employment and start-up support'),
    ),
    form: [
      formStep('request', zhEn('申领情况', 'Your request'), [
        requestKindField([
          ['first', '第一次申领', 'First certificate'],
          ['lost', '丢失补领', 'Replace a lost one'],
          ['damaged', '损坏换领', 'Replace a damaged one'],
        ]),
        choiceField('pickUp', zhEn('怎么拿证', 'How to get it'), [
          ['villagePoint', '到本村服务点领取', 'Collect at this village point'],
          ['township', '到乡镇人社所领取', 'Collect at the township office'],
        ]),
        phoneField(),
        addressField(),
      ]),
    ],
    materials: [
      material('photo', zhEn('一寸白底证件照', 'One-inch ID photo on a white background'), 1),
      material('damagedCertificate', zhEn('损坏的旧证', 'The damaged old certificate'), 2, { visibleWhen: { field: 'requestKind', oneOf: ['damaged'] } }),
    ],
    keywords: ['就业创业证', '失业证'],
    guide: {
      conditions: [
        CONDITIONS.workingAge,
        zhEn('办过失业登记或就业登记', 'Registered as unemployed or as employed'),
        zhEn('证丢了或坏了可以补办、换领', 'A lost or damaged certificate can be replaced'),
      ],
      steps: [
        zhEn('选择第一次申领、补领还是换领，选择领证地点', 'Choose first issue, replacement for loss or damage, and where to collect'),
        zhEn('拍一寸白底照片（换领的还要拍旧证）', 'Show a one-inch white-background photo to the document camera (and the old certificate if damaged)'),
        zhEn('提交后拿好回执，证办好后短信通知您去领', 'Keep the receipt; a text tells you when to collect'),
      ],
      timeLimit: zhEn('10 个工作日内制好证', 'Ready within 10 working days'),
      basis: [
        zhEn('《关于进一步完善就业失业登记管理办法的通知》（人社部发〔2014〕97 号）', 'Notice on Improving Employment and Unemployment Registration (Ren She Bu Fa [2014] No. 97)'),
        LAWS.employmentServices,
      ],
      handledBy: HANDLERS.employment,
    },
    faq: [
      {
        question: zhEn('《就业创业证》有什么用？', 'What is the certificate for?'),
        answer: zhEn(
          '它记录您的就业、失业和享受政策的情况，申请创业贷款、各种补贴时都要用。',
          'It records your employment, unemployment and support received; you need it for start-up loans and subsidies.',
        ),
      },
      {
        question: zhEn('以前的《就业失业登记证》还能用吗？', 'Is my old employment and unemployment registration certificate still valid?'),
        answer: zhEn('还能用，和《就业创业证》效力一样，不用专门换。', 'Yes, it counts the same; there is no need to change it.'),
      },
    ],
  }),
  defineItem({
    ...applicationHeader(
      'JOB-08',
      zhEn('就业困难人员认定申请', 'Employment-difficulty status'),
      zhEn('找工作特别难的，认定后可享受帮扶和补贴', 'If finding work is especially hard for you, this status brings help and subsidies'),
    ),
    form: [
      formStep('difficulty', zhEn('困难情况', 'Your situation'), [
        // 晋政办发〔2024〕33 号: each category carries its own extra condition, named in the label.
        choiceField('difficultyType', zhEn('属于哪一类', 'Which applies to you'), [
          ['older', '女满 40 岁、男满 50 岁，并且从国有或集体企业失去工作，或交失业保险满 6 个月', 'Woman 40+ or man 50+, and lost a job at a state or collective firm, or paid unemployment insurance for 6 months or more'],
          ['lowIncome', '城镇低保家庭成员，失业登记满 1 年', 'Member of an urban minimum-allowance family, registered unemployed for a year or more'],
          ['disabled', '残疾人，失业登记满 1 年', 'Person with a disability, registered unemployed for a year or more'],
          ['zeroEmployment', '城镇零就业家庭成员（每户认定 1 人）', 'Member of an urban family where nobody works (1 person per family)'],
          ['landLost', '承包地全部被征收的农民，失业登记满 1 年', 'Farmer whose contracted land was all requisitioned, registered unemployed for a year or more'],
          ['veteran', '退役军人（符合省里规定条件的）', "Ex-serviceman or ex-servicewoman (meeting the province's conditions)"],
          ['graduate', '离校未就业高校毕业生（符合省里规定条件的）', "Graduate without a job since leaving school (meeting the province's conditions)"],
        ], {
          hint: zhEn('不确定属于哪一类，请先看"谁可以办"，或问工作人员', 'Not sure which? Read "Who can apply" first, or ask the clerk'),
        }),
        integerField('familySize', zhEn('家庭人口', 'People in your household'), 1, 20, { unit: zhEn('人', 'people') }),
        phoneField(),
        truthPromise(),
      ]),
    ],
    materials: [
      material('disabilityCertificate', zhEn('残疾人证', 'Disability certificate'), 2, { visibleWhen: { field: 'difficultyType', oneOf: ['disabled'] } }),
      material('allowanceCertificate', zhEn('最低生活保障证', 'Minimum living allowance certificate'), 2, { visibleWhen: { field: 'difficultyType', oneOf: ['lowIncome'] } }),
      landRequisitionProof({ field: 'difficultyType', oneOf: ['landLost'] }),
    ],
    keywords: ['困难', '就业援助'],
    guide: {
      conditions: [
        zhEn('先要同时符合这几条：', 'First, all of these:'),
        zhEn('· 山西省户籍', '· Household registration in Shanxi'),
        zhEn('· 年满 16 周岁，还没到退休年龄', '· Aged 16 or over and not yet of retirement age'),
        zhEn('· 能工作', '· Able to work'),
        zhEn('· 想工作', '· Wanting to work'),
        zhEn('· 已经办了失业登记', '· Registered as unemployed'),
        zhEn('再符合下面任意一条：', 'Then any one of these:'),
        zhEn('· 女满 40 岁、男满 50 岁，从国有或集体企业失去工作', '· Woman 40 or older or man 50 or older who lost a job at a state or collective firm'),
        zhEn('· 女满 40 岁、男满 50 岁，交失业保险满 6 个月', '· Woman 40 or older or man 50 or older who paid unemployment insurance for at least 6 months'),
        zhEn('· 城镇低保家庭的人，失业登记满 1 年', '· In an urban minimum-allowance family, registered unemployed for at least a year'),
        zhEn('· 残疾人，失业登记满 1 年', '· A person with a disability, registered unemployed for at least a year'),
        zhEn('· 城镇家庭里没有一个人有工作的（零就业家庭），每户认定 1 人', '· In an urban family where nobody works; 1 person per family'),
        zhEn('· 承包地全部被征收的农民，失业登记满 1 年', '· A farmer whose contracted land was all requisitioned, registered unemployed for at least a year'),
        zhEn('· 退役军人、离校未就业的高校毕业生中符合省里规定条件的（请问工作人员）', "· Ex-service people and graduates without a job who meet the province's conditions (ask the clerk)"),
        zhEn('只是年满 40 岁、在家务农的，不算就业困难人员', 'Being 40 or older and farming at home does not by itself count'),
      ],
      steps: [
        zhEn('选择您属于哪一类，填写家庭人口', 'Choose which applies to you and your household size'),
        zhEn('拍残疾人证、低保证或征地证明（按您选的类别）', 'Show the disability, allowance or land requisition papers that fit your choice to the document camera'),
        zhEn('提交后村里和乡镇会核实，结果在村务公开栏贴出来 5 天，让大家监督（公示）', 'The village and township check it; the result is posted on the village notice board for 5 days'),
      ],
      timeLimit: zhEn('15 个工作日内认定完成（包括在公开栏贴出来的 5 天）', 'Decided within 15 working days, including the 5 days on the notice board'),
      basis: [LAWS.employmentPromotion, LAWS.shanxiEmployment, LAWS.shanxiDifficulty, LAWS.employmentServices],
      handledBy: HANDLERS.employment,
    },
    faq: [
      {
        question: zhEn('认定以后有什么好处？', 'What does the status bring?'),
        answer: zhEn(
          '可以优先推荐岗位、安排公益性岗位，灵活就业交社保的还能领社保补贴。',
          'Priority job referrals, public-service jobs, and a subsidy on social insurance if you work flexibly.',
        ),
      },
      {
        question: zhEn('为什么要在公开栏贴出来（公示）？', 'Why is my name posted?'),
        answer: zhEn(
          '贴出来是为了公平，让大家监督。只贴姓名和类别，不贴身份证号码和家庭情况。',
          'For fairness. Only your name and category are posted, never your ID number or family details.',
        ),
      },
    ],
  }),
  defineItem({
    ...applicationHeader(
      'JOB-09',
      zhEn('灵活就业人员社会保险补贴申领', 'Social insurance subsidy for the flexibly employed'),
      zhEn('就业困难人员灵活就业后交了社保的，可以领补贴', 'Employment-difficulty status holders in flexible work get part of their contributions back'),
      { riskClass: 'money' },
    ),
    form: [
      formStep('period', zhEn('补贴期间', 'Months claimed'), [
        integerField('year', zhEn('补贴年度', 'Year'), 2020, 2030),
        integerField('months', zhEn('已缴费月数', 'Months you paid'), 1, 12, { unit: zhEn('个月', 'months') }),
        amountField('paidAmount', zhEn('本人已缴社保费合计（元）', 'Contributions you paid in total (yuan)'), 1, 60000),
      ]),
      subsidyPaymentStep(),
    ],
    materials: [
      material('contributionReceipts', zhEn('社保缴费凭证', 'Contribution receipts'), 12, { note: zhEn('银行或税务开具的缴费票据', 'Receipts from the bank or the tax office') }),
      bankCardMaterial(true),
    ],
    keywords: ['社保补贴', '灵活就业', '补贴'],
    guide: {
      conditions: [
        zhEn('已认定为就业困难人员，或者是离校 2 年内还没就业的高校毕业生', 'You hold employment-difficulty status, or you are a graduate within 2 years of leaving school without a job'),
        zhEn('现在灵活就业（打零工、自己干）', 'You work flexibly now (odd jobs, on your own)'),
        zhEn('自己交了职工养老保险或职工医疗保险（交城乡居民养老、居民医保的不算）', 'You paid the employee pension or employee medical insurance yourself (the resident pension and resident medical insurance do not count)'),
        zhEn('补贴最长 3 年', 'The subsidy lasts up to 3 years'),
        zhEn('离退休年龄不到 5 年的，可以一直补到退休', 'If you are within 5 years of retirement age, it lasts until you retire'),
      ],
      steps: [
        zhEn('填写补贴年度、已交费月数和金额', 'Fill in the year, months paid and the amount'),
  STEPS.payToCard,
        zhEn('拍缴费凭证，提交后拿好回执', 'Show the payment receipts to the camera; submit and keep the receipt'),
      ],
      timeLimit: zhEn('每季度集中审核，审核通过后 1 个月内打款', 'Reviewed each quarter; paid within a month of approval'),
      basis: [LAWS.employmentPromotion, LAWS.shanxiEmployment, LAWS.employmentFunds],
      handledBy: HANDLERS.employment,
    },
    faq: [
      {
        question: zhEn('补贴能补多少？', 'How much is the subsidy?'),
        answer: zhEn(
          '最多补您实际交的社保费的三分之二，这是上限，不是一般都补这么多；具体金额按省里当年的标准审核，审核后短信告诉您。',
          'At most two thirds of what you actually paid: that is a cap, not the usual amount. The amount follows the province’s standard for the year and is texted to you after review.',
        ),
      },
      {
        question: zhEn('钱可以打到别人的卡上吗？', "Can the money go to someone else's card?"),
        answer: zhEn('不可以。默认打到您的社保卡上；换成别的卡，也只能是您本人名下的，还要放身份证、刷脸。', 'No. By default it goes to your social security card; another card must also be in your own name, with your ID card and a face check.'),
      },
    ],
  }),
  defineItem({
    ...applicationHeader(
      'JOB-10',
      zhEn('失业保险金申领', 'Unemployment benefit claim'),
      zhEn('单位交过失业保险、非本人意愿失业的，可以按月领失业保险金', 'If your employer paid unemployment insurance and you lost your job through no choice of your own, claim a monthly benefit'),
      { riskClass: 'money' },
    ),
    form: [
      formStep('lastJob', zhEn('原来的工作', 'Your last job'), [
        employerNameField('lastEmployer', true),
        dateField('leftOn', zhEn('离职日期', 'Date you left'), { daysFromToday: -365 }, 'today', { hint: zhEn('离职 60 天内申领', 'Claim within 60 days of leaving') }),
        integerField('insuredYears', zhEn('单位和本人交失业保险满几年', 'Years of unemployment insurance paid'), 1, 45, { unit: zhEn('年', 'years') }),
      ]),
      paymentStep(zhEn('钱打到哪里', 'Where to pay the benefit'), zhEn('失业保险金打到这张卡上', 'The benefit goes to this card')),
    ],
    materials: [
      terminationProof({ note: zhEn('单位开的证明，有单位公章', 'Issued and stamped by the employer') }),
      bankCardMaterial(true),
    ],
    keywords: ['失业金', '失业保险', '补贴'],
    guide: {
      conditions: [
        zhEn('失业前单位和本人交失业保险满 1 年', 'You and your employer paid unemployment insurance for at least a year'),
        zhEn('不是本人意愿中断就业（合同到期、被辞退等）', 'You lost the job through no choice of your own (contract ended, dismissed)'),
        zhEn('已办失业登记', 'You have registered as unemployed'),
        zhEn('想找工作', 'You want work'),
      ],
      steps: [
        zhEn('填写原单位、离职日期和交费年限', 'Fill in your last employer, the date you left and years paid'),
  STEPS.payToCard,
        zhEn('拍解除劳动合同证明，提交后拿好回执', 'Show the termination proof to the camera; submit and keep the receipt'),
      ],
      timeLimit: zhEn('10 个工作日内审核，次月起按月发放', 'Reviewed within 10 working days; paid monthly from the next month'),
      basis: [LAWS.socialInsurance, LAWS.unemploymentInsurance, zhEn('《失业保险金申领发放办法》（原劳动和社会保障部令第 8 号）', 'Measures for Claiming and Paying Unemployment Insurance Benefits (Ministry of Labour and Social Security Order No. 8)')],
      handledBy: HANDLERS.employment,
    },
    faq: [
      {
        question: zhEn('能领几个月？', 'For how many months?'),
        answer: zhEn(
          '交满 1 年不满 5 年的最长领 12 个月；满 5 年不满 10 年的最长 18 个月；满 10 年以上的最长 24 个月。',
          '1 to 5 years paid: up to 12 months; 5 to 10 years: up to 18 months; 10 years or more: up to 24 months.',
        ),
      },
      {
        question: zhEn('自己辞职的能领吗？', 'Can I claim if I resigned?'),
        answer: zhEn('一般不能。因单位拖欠工资等原因被迫辞职的，请带上证明到窗口咨询。', 'Usually not. If you were forced to resign, for example by unpaid wages, bring proof to the window.'),
      },
      {
        question: zhEn('领失业金期间找到工作了怎么办？', 'What if I find work while drawing the benefit?'),
        answer: zhEn('要及时办就业登记，失业金从下个月起停发，剩下的月数以后再失业还可以接着领。', 'Register your employment; payments stop next month, and unused months stay for a later spell.'),
      },
    ],
  }),
  defineItem({
    ...queryRecord('JOB-11', zhEn('失业保险待遇查询', 'Unemployment benefit lookup'), zhEn('查失业保险金发了几个月、还能领几个月', 'See how many months of benefit were paid and how many are left')),
    keywords: ['失业金', '失业保险'],
    guide: {
      conditions: [zhEn('申领过失业保险金的人查自己的待遇', 'People who claimed unemployment benefit, about their own payments')],
      steps: [
        zhEn('屏幕上显示已领月数、每月金额、剩余月数', 'The screen shows months paid, the monthly amount and months left'),
        STEPS.printIfNeeded,
      ],
      timeLimit: ANSWERED_ONLINE,
      basis: [LAWS.unemploymentInsurance, LAWS.rightsRecords],
      handledBy: HANDLERS.employment,
    },
    faq: [
      {
        question: zhEn('查不到记录是怎么回事？', 'Why are there no records?'),
        answer: zhEn('可能还在审核中，或申请没有通过。请拨打 12333 或到乡镇人社所问一下。', 'It may still be under review or was not approved. Call 12333 or ask at the township office.'),
      },
      {
        question: zhEn('这个月的钱怎么还没到？', "Why has this month's payment not arrived?"),
        answer: zhEn('失业金一般每月中旬发放，遇节假日顺延，请过几天再查。', 'Payments usually go out mid-month, later after holidays; check again in a few days.'),
      },
    ],
  }),
  defineItem({
    ...applicationHeader(
      'JOB-12',
      zhEn('创业担保贷款申请', 'Guaranteed start-up loan'),
      zhEn('自己创业缺钱的，可以申请政府担保、贴息的贷款', 'If you start a business and need money, apply for a loan the government guarantees and helps with interest'),
    ),
    form: [
      businessStep([
        textField('businessName', zhEn('经营项目或店名', 'Business or shop name'), 2, 60),
        choiceField('businessType', zhEn('经营类别', 'Kind of business'), [
          ['farming', '种植、养殖', 'Farming and livestock'],
          ['retail', '小卖部、零售', 'Shop and retail'],
          ['catering', '餐饮', 'Catering'],
          ['repair', '维修、加工', 'Repairs and processing'],
          ['ruralTourism', '农家乐、乡村旅游', 'Farm stays and rural tourism'],
          ['ecommerce', '网店、直播带货', 'Online shop and live-stream selling'],
        ]),
        creditCodeField('creditCode'),
      ]),
      formStep('loan', zhEn('贷款', 'The loan'), [
        {
          kind: 'amount',
          name: 'loanAmount',
          label: zhEn('想贷多少（元）', 'Amount wanted (yuan)'),
          hint: zhEn('个人最多 {{startupLoanCap}}', 'At most {{startupLoanCap}} per person'),
          required: true,
          min: 10000,
          // The county's cap, filled in when the catalogue is loaded (county-settings.ts); today's as the default.
          max: DEFAULT_COUNTY_SETTINGS.startupLoanCap.value,
          maxFrom: 'startupLoanCap',
        },
        integerField('termMonths', zhEn('贷款期限', 'Loan term'), 6, 36, { hint: zhEn('最长 3 年', 'Three years at most'), unit: zhEn('个月', 'months') }),
        phoneField(),
        truthPromise(),
      ]),
    ],
    materials: [
      businessLicence(),
      material('businessPlan', zhEn('创业计划或经营情况说明', 'Business plan or account of how the business runs'), 10, { required: false }),
    ],
    keywords: ['创业', '贷款'],
    guide: {
      conditions: [
        zhEn('在本县创业', 'You are starting a business in this county'),
        zhEn('回乡创业的农民工、高校毕业生、就业困难人员、退役军人等优先办理', 'Returning migrant workers, graduates, people with employment-difficulty status and veterans come first'),
        zhEn('本人和配偶没有其他未还清的贷款（助学贷款、扶贫贷款、住房贷款等除外）', 'You and your spouse have no other unpaid loans (student, poverty-relief and housing loans excepted)'),
      ],
      steps: [
        zhEn('填写生意的名称、类别、统一社会信用代码', 'Fill in the business name, kind and credit code'),
        zhEn('填写想贷的金额和期限', 'Fill in the amount and term you want'),
        zhEn('拍营业执照（有创业计划的一起拍），提交后拿好回执', 'Show the business licence (and a business plan if you have one) to the document camera; submit and keep the receipt'),
        zhEn('就业服务中心审核后，会同担保机构和银行上门核实', 'After review the centre visits you with the guarantor and the bank'),
      ],
      timeLimit: zhEn('资料齐全的 20 个工作日内给出结果', 'A decision within 20 working days once papers are complete'),
      basis: [
        LAWS.employmentPromotion,
        LAWS.shanxiEmployment,
        zhEn(
          '《财政部 人力资源社会保障部 中国人民银行关于进一步加大创业担保贷款贴息力度全力支持重点群体创业就业的通知》（财金〔2020〕21 号）',
          'Notice of the Ministry of Finance, MOHRSS and the People’s Bank of China on Larger Interest Subsidies for Guaranteed Start-up Loans (Cai Jin [2020] No. 21)',
        ),
      ],
      handledBy: HANDLERS.employment,
    },
    faq: [
      {
        question: zhEn('最多能贷多少？利息谁出？', 'How much can I borrow, and who pays interest?'),
        answer: zhEn(
          '个人最多 {{startupLoanCap}}，期限最长 3 年；按规定政府贴一部分利息，剩下的由本人付。',
          'Up to {{startupLoanCap}} for up to 3 years; the government pays part of the interest as the rules set, you pay the rest.',
        ),
      },
      {
        question: zhEn('需要找人担保吗？', 'Do I need a guarantor?'),
        answer: zhEn('由政府设立的担保基金担保，一般不用再找人；贷款额度大的，银行可能要求您再找人或拿财产作保（反担保）。', 'The government guarantee fund stands behind it, so usually you need nobody else; for large amounts the bank may ask you to find another person or pledge property as well (a counter-guarantee).'),
      },
    ],
  }),
  defineItem({
    ...applicationHeader(
      'JOB-13',
      zhEn('一次性创业补贴申领', 'One-off start-up subsidy'),
      zhEn('首次创业、正常经营满一年的，可领一次性补贴', 'A one-off subsidy for first-time founders whose business has run for a year'),
      { riskClass: 'money' },
    ),
    form: [
      businessStep([
        textField('businessName', zhEn('营业执照上的名称', 'Name on the business licence'), 2, 60),
        creditCodeField('creditCode'),
        dateField('registeredOn', zhEn('营业执照登记日期', 'Registration date on the licence'), '2015-01-01', { daysFromToday: -365 }),
        integerField('employees', zhEn('雇了几个人（不算自己）', 'People you employ (not counting yourself)'), 0, 500, { unit: zhEn('人', 'people') }),
      ]),
      subsidyPaymentStep(),
    ],
    materials: [
      businessLicence(),
      bankCardMaterial(true),
    ],
    keywords: ['创业', '补贴'],
    guide: {
      conditions: [
        zhEn('第一次创业', 'It is your first business'),
        zhEn('营业执照登记满 1 年', 'The business licence is at least a year old'),
        zhEn('现在还在正常经营', 'The business is still trading'),
        zhEn('本人是创业主体的法定代表人或负责人', 'You are the legal representative or owner of the business'),
      ],
      steps: [
        zhEn('填写营业执照上的名称、信用代码、登记日期和雇工人数', 'Fill in the name, credit code and registration date on the licence, and how many people you employ'),
  STEPS.payToCard,
        zhEn('拍营业执照，提交后拿好回执', 'Show the licence to the camera; submit and keep the receipt'),
      ],
      timeLimit: zhEn('20 个工作日内审核，审核通过后 1 个月内打款', 'Reviewed within 20 working days; paid within a month of approval'),
      basis: [LAWS.employmentPromotion, LAWS.shanxiEmployment, LAWS.employmentFunds],
      handledBy: HANDLERS.employment,
    },
    faq: [
      {
        question: zhEn('一次性创业补贴是多少？', 'How much is the one-off subsidy?'),
        answer: zhEn('按山西省当年公布的标准发放，一个创业主体只能领一次。', 'At the rate Shanxi publishes for the year; one payment per business.'),
      },
      {
        question: zhEn('开网店能领吗？', 'Does an online shop count?'),
        answer: zhEn('在网店平台实名注册并办了营业执照、正常经营满 1 年的，可以申领。', 'Yes, if it is registered under your real name, has a business licence and has traded for a year.'),
      },
    ],
  }),
  defineItem({
    ...applicationHeader(
      'JOB-14',
      zhEn('离校未就业高校毕业生实名登记', 'Registration of unemployed graduates'),
      zhEn('大学、大专毕业还没找到工作的，登记后有人跟进帮您', 'If you graduated from university or college and have no job yet, register and an adviser will follow up'),
    ),
    form: [
      formStep('school', zhEn('毕业情况', 'Your studies'), [
        textField('school', zhEn('毕业学校', 'School'), 2, 60),
        textField('major', zhEn('所学专业', 'Subject'), 2, 40),
        choiceField('degree', zhEn('学历', 'Qualification'), [
          ['college', '大专', 'Junior college'],
          ['bachelor', '本科', 'Bachelor'],
          ['master', '硕士研究生及以上', 'Master or higher'],
        ]),
        dateField('graduatedOn', zhEn('毕业日期', 'Graduation date'), { daysFromToday: -3 * 366 }, 'today'),
      ]),
      formStep('contact', zhEn('求职意向和联系方式', 'Work wanted and contact'), [
        wantedJobField(),
        phoneField(),
        addressField(),
      ]),
    ],
    materials: [
      material('diploma', zhEn('毕业证书', 'Graduation certificate'), 1),
    ],
    keywords: ['大学生', '毕业生'],
    guide: {
      conditions: [
        zhEn('户口在本县', 'Household registration in this county'),
        zhEn('大专或大学毕业', 'Graduated from college or university'),
        zhEn('毕业 2 年内，还没有工作', 'Within 2 years of graduating, and without a job'),
      ],
      steps: [
        zhEn('填写学校、专业、学历和毕业日期', 'Fill in your school, subject, qualification and graduation date'),
        zhEn('填写想做的工作和联系方式', 'Fill in the work you want and how to reach you'),
        zhEn('拍毕业证，提交后拿好回执；就业服务中心会有专人联系您', 'Show your graduation certificate to the document camera; submit and keep the receipt; an adviser will contact you'),
      ],
      timeLimit: zhEn('5 个工作日内有专人联系', 'An adviser contacts you within 5 working days'),
      basis: [LAWS.employmentPromotion, LAWS.shanxiEmployment, zhEn('人力资源社会保障部关于做好高校毕业生等青年就业创业工作的年度通知', 'MOHRSS annual notice on employment and start-ups of graduates and other young people')],
      handledBy: HANDLERS.employment,
    },
    faq: [
      {
        question: zhEn('登记以后有什么服务？', 'What happens after I register?'),
        answer: zhEn(
          '会给您推荐岗位、见习机会和免费培训，至少提供 1 次职业指导。',
          'You get job and internship referrals, free training, and at least one career guidance session.',
        ),
      },
      {
        question: zhEn('毕业证还没拿到能登记吗？', 'Can I register before I have my certificate?'),
        answer: zhEn('可以先登记，拍学校开的毕业证明，拿到毕业证后再补拍。', 'Yes: show the school’s proof of graduation now and the certificate later.'),
      },
    ],
  }),
  defineItem({
    ...infoRecord(
      'JOB-15',
      zhEn('就业创业政策咨询', 'Employment and start-up policy guide'),
      zhEn('就业创业有哪些政策、找谁办，一次说清', 'Which employment and start-up policies exist and who handles them, all in one place'),
    ),
    keywords: ['政策', '创业', '就业'],
    guide: {
      conditions: [zhEn('所有人都可以看，不用刷卡', 'Anyone can read it; no card needed')],
      steps: [
        zhEn('看就业创业有哪些政策：求职登记、技能培训、创业贷款、各种补贴', 'Read which policies exist: registration, training, start-up loans, subsidies'),
        zhEn('每项政策写明谁能办、在哪办、在本机上哪个业务办', 'Each one says who qualifies, where, and which service on this machine handles it'),
        zhEn('可以打印一次性告知单带回家', 'Print the one-time notification to take home'),
      ],
      timeLimit: zhEn('随时查看', 'Any time'),
      basis: [LAWS.employmentPromotion, LAWS.shanxiEmployment, LAWS.employmentFunds],
      handledBy: HANDLERS.employment,
    },
    faq: [
      {
        question: zhEn('政策看不懂怎么办？', 'What if I do not understand a policy?'),
        answer: zhEn('按屏幕上的"呼叫工作人员"，或拨打 12333，工作人员会一条一条给您讲。', 'Press "Call a clerk" on the screen or call 12333; a clerk will go through it with you, point by point.'),
      },
      {
        question: zhEn('外出打工回来创业有什么支持？', 'What help is there for migrant workers coming home to start a business?'),
        answer: zhEn('可以申请创业担保贷款、一次性创业补贴和免费创业培训，在"找工作"里办理。', 'Guaranteed start-up loans, a one-off start-up subsidy and free start-up training, all under "Find work".'),
      },
    ],
  }),
];
