import { bankCardMaterial, choiceField, dateField, educationField, filterStep, formStep, material, NO_IDENTITY, payToFields, phoneField, SUBSIDY_TO_CARD, textField, truthPromise, zhEn, type FieldInput } from '../fields';
import { applicationHeader, queryRecord } from '../record-headers';
import { defineItem } from '../define-item';
import { ANSWERED_ONLINE, ANYONE_CAN_LOOK, CONDITIONS, HANDLERS, LAWS, STEPS } from '../guide-texts';
import type { CatalogItemInput } from '../schema';


/** 学技术: the 4 skills-training items (CATALOG.md). */

const tradeField: FieldInput = choiceField('trade', zhEn('想学的工种', 'Trade you want to learn'), [
  ['electrician', '电工', 'Electrician'],
  ['welder', '焊工', 'Welder'],
  ['cook', '中式烹调师', 'Chinese cook'],
  ['careWorker', '养老护理员', 'Elderly care worker'],
  ['housekeeper', '家政服务员', 'Housekeeper'],
  ['excavator', '挖掘机驾驶员', 'Excavator operator'],
  ['ecommerce', '电子商务师（网店、直播）', 'E-commerce (online shop, live streaming)'],
  ['farmer', '农业技术员（种植养殖）', 'Agricultural technician (crops and livestock)'],
]);
export const SKILL_ITEMS: CatalogItemInput[] = [
  defineItem({
    ...applicationHeader('SKL-01', zhEn('职业技能培训报名', 'Skills training sign-up'), zhEn('报名参加政府补贴的免费技能培训', 'Sign up for free, government-funded skills training')),
    form: [
      formStep('course', zhEn('想学什么', 'What you want to learn'), [
        tradeField,
        choiceField('schedule', zhEn('什么时间方便上课', 'When you can attend'), [
          ['weekday', '工作日白天', 'Weekdays, daytime'],
          ['evening', '晚上', 'Evenings'],
          ['weekend', '周末', 'Weekends'],
          ['slackSeason', '农闲时集中学', 'All at once in the slack farming season'],
        ]),
        educationField(),
        phoneField(),
      ]),
    ],
    materials: [],
    keywords: ['培训', '学技术'],
    guide: {
      conditions: [
        CONDITIONS.aged16,
        zhEn('想学一门技术', 'Wanting to learn a trade'),
        zhEn('农民工、脱贫家庭的人、就业困难人员优先', 'Migrant workers, people from formerly poor families and people with employment-difficulty status come first'),
      ],
      steps: [
        zhEn('选择想学的工种和方便上课的时间', 'Choose the trade and when you can attend'),
        zhEn('填写文化程度和电话，提交后拿好回执', 'Fill in your education and phone number; submit and keep the receipt'),
        zhEn('开班前培训机构会打电话通知您上课时间和地点', 'Before the course starts, the school phones you with the time and place'),
      ],
      timeLimit: zhEn('人数够了就开班，一般 1 个月内通知', 'A course starts when enough people sign up, usually within a month'),
      basis: [LAWS.employmentPromotion, LAWS.shanxiEmployment, LAWS.employmentFunds],
      handledBy: HANDLERS.training,
    },
    faq: [
      {
        question: zhEn('培训要交钱吗？', 'Do I pay for the training?'),
        answer: zhEn('政府补贴的培训对您免费，培训机构不能向您收费。', 'Government-funded courses are free to you; the school may not charge you.'),
      },
      {
        question: zhEn('学完能拿到证书吗？', 'Do I get a certificate?'),
        answer: zhEn(
          '考试合格的，发职业技能等级证书或专项职业能力证书，全国都能查到。',
          'If you pass, you receive a skill level or special skill certificate that can be checked nationwide.',
        ),
      },
    ],
  }),
  defineItem({
    ...applicationHeader(
      'SKL-02',
      zhEn('职业培训补贴申领', 'Training subsidy claim'),
      zhEn('参加培训并拿到证书的，申领培训补贴', 'Claim the training subsidy once you have finished a course and passed'),
      { riskClass: 'money' },
    ),
    form: [
      formStep('training', zhEn('参加的培训', 'The training you took'), [
        textField('school', zhEn('培训机构名称', 'Training school'), 2, 60),
        tradeField,
        dateField('startedOn', zhEn('开班日期', 'Course start date'), { daysFromToday: -2 * 366 }, 'today'),
        dateField('finishedOn', zhEn('结业日期', 'Course end date'), { daysFromToday: -2 * 366 }, 'today', { notBefore: 'startedOn' }),
      ]),
      formStep('certificate', zhEn('证书和补贴', 'Certificate and payment'), [
        textField(
          'certificateNumber',
          zhEn('证书编号', 'Certificate number'),
          8,
          30,
          { hint: zhEn('职业技能等级证书或专项能力证书上的编号', 'The number on the skill level or special skill certificate'), keyboard: 'latin', pattern: '[A-Za-z0-9-]+', patternKey: 'catalog:validation.certificateNumber' },
        ),
        ...payToFields(SUBSIDY_TO_CARD),
        truthPromise(),
      ]),
    ],
    materials: [
      material('skillCertificate', zhEn('职业技能等级证书', 'Skill level certificate'), 2),
      material('invoice', zhEn('培训费发票', 'Invoice for the training fee'), 2, { note: zhEn('自己交了培训费的才需要', 'Only if you paid the fee yourself'), required: false }),
      bankCardMaterial(true),
    ],
    keywords: ['培训补贴', '补贴'],
    guide: {
      conditions: [
        zhEn('在政府认定的培训学校学完了', 'You finished a course at a government-approved school'),
        zhEn('拿到了证书', 'You received the certificate'),
        zhEn('同一个工种每人只能享受一次补贴', 'One subsidy per person per trade'),
      ],
      steps: [
        zhEn('填写培训机构、工种和开班、结业日期', 'Fill in the school, trade, and course start and end dates'),
        zhEn('填写证书编号', 'Fill in the certificate number'),
        STEPS.payToCard,
        zhEn('拍证书（自己交了培训费的再拍发票），提交后拿好回执', 'Show the certificate (and the invoice if you paid) to the document camera; submit and keep the receipt'),
      ],
      timeLimit: zhEn('20 个工作日内审核，审核通过后 1 个月内打款', 'Reviewed within 20 working days; paid within a month of approval'),
      basis: [LAWS.employmentFunds, LAWS.skillsTraining],
      handledBy: HANDLERS.training,
    },
    faq: [
      {
        question: zhEn('补贴是打给我还是打给学校？', 'Is the subsidy paid to me or to the school?'),
        answer: zhEn(
          '没交培训费的，补贴直接打给学校；自己先交了钱的，补贴打到您本人的卡上。',
          'If you paid nothing, it goes to the school; if you paid first, it comes to your own card.',
        ),
      },
      {
        question: zhEn('证书编号在哪里看？', 'Where is the certificate number?'),
        answer: zhEn('在证书内页"证书编号"一栏，字母和数字都要照着输入。', 'On the inside page next to "certificate number"; type the letters and digits exactly.'),
      },
    ],
  }),
  defineItem({
    ...queryRecord('SKL-03', zhEn('职业技能等级证书查询', 'Skill certificate lookup'), zhEn('查您拿到的技能证书是不是真的、什么等级', 'Check your skill certificates and their level')),
    keywords: ['证书', '技能证'],
    guide: {
      conditions: [zhEn('查询本人取得的职业资格证书、职业技能等级证书和专项职业能力证书', 'Your own vocational qualification, skill level and special skill certificates')],
      steps: [
        zhEn('屏幕上显示您的证书名称、等级、编号和发证日期', 'The screen shows each certificate’s name, level, number and date'),
        STEPS.printIfNeeded,
      ],
      timeLimit: ANSWERED_ONLINE,
      basis: [zhEn('《关于改革完善技能人才评价制度的意见》（人社部发〔2019〕90 号）', 'Opinions on Reforming the Evaluation of Skilled Workers (Ren She Bu Fa [2019] No. 90)')],
      handledBy: HANDLERS.training,
    },
    faq: [
      {
        question: zhEn('刚考完的证书怎么查不到？', 'Why can I not find a certificate I just earned?'),
        answer: zhEn('证书发下来后一般 1 个月内录入系统，请过段时间再查。', 'Certificates are entered within about a month of issue; try again later.'),
      },
      {
        question: zhEn('证书丢了怎么办？', 'I lost my certificate. What now?'),
        answer: zhEn('电子证书和纸质证书效力一样，可以在这里打印查询结果给单位看。', 'The electronic record counts the same; print the lookup result for your employer.'),
      },
    ],
  }),
  defineItem({
    ...queryRecord(
      'SKL-04',
      zhEn('培训项目与机构查询', 'Training courses and schools'),
      zhEn('看看最近开什么班、在哪里学', 'See which courses are starting soon and where'),
      [
        filterStep([{ ...tradeField, required: false }]),
      ],
      { identity: NO_IDENTITY },
    ),
    keywords: ['培训', '学校', '培训班'],
    guide: {
      conditions: [ANYONE_CAN_LOOK],
      steps: [
        zhEn('选择想学的工种（也可以不选，看全部）', 'Choose a trade, or leave it blank to see all'),
        zhEn('看开班时间、地点、培训机构和联系电话', 'See start dates, places, schools and phone numbers'),
        zhEn('想报名的，回到"职业技能培训报名"办理', 'To sign up, use "Skills training sign-up"'),
      ],
      timeLimit: ANSWERED_ONLINE,
      basis: [LAWS.employmentFunds],
      handledBy: HANDLERS.training,
    },
    faq: [
      {
        question: zhEn('这些培训机构可靠吗？', 'Are these schools reliable?'),
        answer: zhEn('列表里的都是人社部门认定的定点培训机构。', 'All listed schools are approved by the human resources and social security department.'),
      },
      {
        question: zhEn('能在村里上课吗？', 'Can I take classes in the village?'),
        answer: zhEn('报名的人多了，可以把课开到乡镇或村里，报名时选"农闲时集中学"。', 'When enough people sign up, courses come to the township or village; choose "slack season" when signing up.'),
      },
    ],
  }),
];
