import { accountHolderField, addressField, ALL_MODES, AT_POINT_MODES, bankCardMaterial, bankFields, choiceField, confirmStep, contactStep, dateField, formStep, gradeField, householdBookletMaterial, IDENTIFY_BY_ID_CARD_WITH_FACE, IDENTIFY_WITH_FACE, integerField, material, paymentStep, phoneField, shownWhen, textField, truthPromise, zhEn, type FormStepInput, type MaterialInput, type VisibleWhen } from '../fields';
import { applicationHeader, certificationHeader, printRecord, queryRecord } from '../record-headers';
import { defineItem } from '../define-item';
import { ANSWERED_ONLINE, CONTRIBUTION_FEE, HANDLERS, LAWS, PRINTED_ONLINE, STEPS } from '../guide-texts';
import type { CatalogItemInput, FaqEntry, LocalisedText } from '../schema';

/** Changes of details: only the holder's own ID card on the reader (risk class identityChange). */
const SHOW_RESULT: LocalisedText = zhEn('屏幕上显示查询结果，需要的话可以打印', 'The result is shown on screen; print it if you need to');
/** Money and account items: the resident's own face before the claim goes. */
const FACE_CHECK: LocalisedText = zhEn('看着摄像头刷脸，确认是本人办理', 'Look at the camera for the face check that proves it is you');
const VERIFY_CODE_FAQ: FaqEntry = {
  question: zhEn('打印的证明没有红章，单位认不认？', 'The certificate has no red stamp. Will it be accepted?'),
  answer: zhEn(
    '证明上没有印章，但有县人社局发的验证码和二维码：对方扫码或在县人社网站输入验证码，就能看到这份证明是否真实、何时为谁开具。需要盖章的，请到乡镇窗口办理。',
    'It has no stamp, but it carries a verification code and QR code issued by the county: the reader scans it or enters the code on the county website to see whether it is genuine, when and for whom it was issued. If a stamp is required, go to the township window.',
  ),
};
const DEATH_REPORT_FAQ: FaqEntry = {
  question: zhEn('家里老人去世了，为什么要尽快来办？', 'Why should we come soon after a death in the family?'),
  answer: zhEn(
    '去世后继续发放的养老金要退回。尽快办理，可以避免多领后再退钱的麻烦。',
    'Pension paid after a death has to be returned. Coming soon avoids having to pay money back later.',
  ),
};

/** 办社保: the 18 social insurance items (CATALOG.md). */

/** The record lookups' one question: which years to show. */
const PERIOD_STEP: FormStepInput = formStep('period', zhEn('查询期间', 'Period'), [
  choiceField('period', zhEn('查哪段时间', 'Which period'), [
    ['thisYear', '今年', 'This year'],
    ['last3Years', '近三年', 'The last three years'],
    ['all', '全部', 'Everything'],
  ]),
]);

/** The guide's line for PERIOD_STEP. */
const CHOOSE_PERIOD: LocalisedText = zhEn('选择查询期间', 'Choose the period');

/** The enrolment certificates' one, optional question: what the certificate is for (printed on it). */
const PURPOSE_STEP: FormStepInput = formStep('purpose', zhEn('用途', 'Purpose'), [
  choiceField('purpose', zhEn('证明用来做什么', 'What the certificate is for'), [
    ['employment', '单位入职', 'A new employer'],
    ['schooling', '子女上学', "A child's school place"],
    ['housing', '购房、落户', 'Buying a home or registering residence'],
    ['loan', '办理贷款', 'A bank loan'],
    ['other', '其他', 'Something else'],
  ], { hint: zhEn('只印在证明上，方便对方看', 'Printed on the certificate so the reader knows'), required: false }),
]);

/** How an enrolment certificate (参保证明) is printed: the card, the optional purpose, the printer. */
const PRINT_CERTIFICATE_STEPS: readonly LocalisedText[] = [
  zhEn('选择证明用途（可以不选）', 'Choose what it is for (optional)'),
  zhEn('打印机打出证明，请取走', 'Take the certificate from the printer'),
];

/** Survivor claims: the family member who applies is identified by their own card, and checked by their own face. */
const IDENTIFY_APPLICANT: LocalisedText = zhEn('刷申领人本人的身份证或社保卡', 'Use the applicant’s own ID card or social security card');
const FACE_CHECK_AND_SUBMIT: LocalisedText = zhEn('看着摄像头刷脸，核对提交，拿好回执', 'Do the face check, check, submit and keep the receipt');

/** Proof for closing a pension or paying it out when the insured person settles abroad. */
const ABROAD_PROOF: MaterialInput = material('abroadProof', zhEn('出国（境）定居证明', 'Proof of settling abroad'), 4, { visibleWhen: { field: 'reason', oneOf: ['settledAbroad'] } });

/** Survivor claims pay the family member who applies, to a card in their own name. */
function claimantPaymentStep(): FormStepInput {
  return paymentStep(zhEn('钱打到哪里', 'Where to pay'), zhEn('申领人本人的卡', 'A card in your own name'));
}


/** The screen about the person who died (survivor claims, deregistration); shown only when `visibleWhen` holds. */
function deceasedStep(visibleWhen?: VisibleWhen): FormStepInput {
  const when = shownWhen(visibleWhen);
  return formStep('deceased', zhEn('去世人员信息', 'The person who died'), [
    { kind: 'personName', name: 'deceasedName', label: zhEn('去世人员姓名', 'Name of the person who died'), required: true, ...when },
    { kind: 'idNumber', name: 'deceasedIdNumber', label: zhEn('去世人员身份证号码', 'ID number of the person who died'), required: true, ...when },
    dateField('diedOn', zhEn('去世日期', 'Date of death'), '1990-01-01', 'today', when),
    choiceField('relation', zhEn('您和去世的人是什么关系', 'Your relation to the person who died'), [
      ['spouse', '配偶', 'Spouse'],
      ['child', '子女', 'Child'],
      ['parent', '父母', 'Parent'],
      ['sibling', '兄弟姐妹', 'Brother or sister'],
      ['otherHeir', '其他继承人', 'Other heir'],
    ], when),
  ]);
}

/** The papers a death brings: the certificate of death and the applicant's proof of relation. */
function deathPapers(visibleWhen?: VisibleWhen): MaterialInput[] {
  const when = shownWhen(visibleWhen);
  return [
    material('deathCertificate', zhEn('死亡证明或火化证明', 'Death certificate or cremation certificate'), 2, {
      note: zhEn('医院、派出所或殡仪馆开具的都可以', 'From the hospital, the police station or the funeral home'),
      ...when,
    }),
    material('relationshipProof', zhEn('亲属关系证明', 'Proof of family relation'), 4, {
      note: zhEn('户口簿、结婚证，或村委会开的证明', 'Household booklet, marriage certificate, or a letter from the village committee'),
      ...when,
    }),
  ];
}

export const INSURANCE_ITEMS: CatalogItemInput[] = [
  defineItem({
    ...applicationHeader(
      'INS-01',
      zhEn('城乡居民养老保险参保登记', 'Resident pension enrolment'),
      zhEn('年满 16 周岁、没有参加职工养老保险的，可以参加', 'For anyone aged 16 or over who is not in the employee pension scheme'),
    ),
    form: [
      // The kiosk knows its own village: no 12-digit village code is asked of a resident.
      formStep('where', zhEn('户籍和联系方式', 'Registration and contact'), [addressField(), phoneField()]),
      formStep('grade', zhEn('每年交多少钱', 'How much to pay'), [
        gradeField('grade'),
        choiceField('payBy', zhEn('怎么交钱', 'How you will pay'), [
          ['bankDeduction', '银行卡每年自动扣款', 'Yearly automatic bank deduction'],
          ['selfPay', '自己在手机或税务窗口交', 'Myself, by phone app or at the tax office'],
        ]),
        truthPromise(),
      ]),
    ],
    materials: [householdBookletMaterial(true)],
    keywords: ['养老保险', '社保', '参保'],
    guide: {
      conditions: [
        zhEn('年满 16 周岁（在校学生除外）', 'Aged 16 or over (not a student at school)'),
        zhEn('没有参加企业职工养老保险或机关事业单位养老保险', 'Not in the employee pension or the public-sector pension scheme'),
        zhEn('户籍在本县', 'Household registration in this county'),
      ],
      steps: [
        zhEn('填写地址和手机号码（村子本机知道，不用填代码）', 'Fill in your address and phone number (the machine knows your village)'),
        zhEn('选择每年交多少钱、怎么交', 'Choose how much to pay a year and how'),
        zhEn('拍户口簿首页和本人页，提交后拿好回执', 'Show the household booklet front page and your page to the document camera; submit and keep the receipt'),
        zhEn('登记成功后，每年按您选的钱数交费', 'Once enrolled, pay the amount you chose every year'),
      ],
      fee: CONTRIBUTION_FEE,
      timeLimit: zhEn('5 个工作日内办结，办好后短信通知', 'Done within 5 working days; you get a text'),
      basis: [LAWS.socialInsurance, LAWS.residentPension, LAWS.premiumCollection],
      handledBy: HANDLERS.pension,
    },
    faq: [
      {
        question: zhEn('交多少年才能领养老金？', 'How many years must I pay before I get a pension?'),
        answer: zhEn('累计交满 15 年，年满 60 周岁就能按月领。交得越久越多，领得越多。', '15 years in total, then a monthly pension from 60. The longer and more you pay, the more you get.'),
      },
      {
        question: zhEn('每年交多少合适？', 'How much should I pay a year?'),
        answer: zhEn(
          '按自己家的条件来。本县可以选的有：{{residentPensionGrades}}。交得越多，政府给的补贴越多，将来领得也越多；每年可以改一次。低保、特困和重度残疾的人，政府每年替您交 {{governmentPaidGrade}}。',
          'What you can afford. The county offers {{residentPensionGrades}}. The more you pay, the larger the government top-up and the later pension; you can change once a year. For minimum-allowance, extreme-poverty and severely disabled residents the government pays {{governmentPaidGrade}} a year for you.',
        ),
      },
      {
        question: zhEn('我在外地打工，单位给交了社保，还要在这里交吗？', 'My employer elsewhere pays my social insurance. Do I also pay here?'),
        answer: zhEn('不用，也不能重复参保。单位交的是职工养老保险，待遇更高。', 'No, and you may not be in both. The employee scheme your employer pays into gives a higher pension.'),
      },
    ],
  }),
  defineItem({
    ...applicationHeader(
      'INS-02',
      zhEn('城乡居民养老保险缴费档次变更', 'Change of contribution grade'),
      zhEn('想多交或少交的，可以改每年交多少钱（缴费档次），每年能改一次', 'Pay more or less: change how much you pay a year (your contribution grade), once a year'),
    ),
    form: [
      formStep('grade', zhEn('以后每年交多少钱', 'How much you will pay a year'), [
        gradeField('newGrade', zhEn('以后每年交', 'From now on, pay a year')),
        integerField('fromYear', zhEn('从哪一年开始', 'Starting from year'), 2026, 2030),
        phoneField(),
      ]),
    ],
    materials: [],
    keywords: ['养老保险', '社保', '档次'],
    guide: {
      conditions: [
        zhEn('已经参加城乡居民养老保险', 'Enrolled in the resident pension'),
        zhEn('还没开始领养老金', 'Not yet drawing it'),
        zhEn('每年只能改一次', 'Once a year'),
      ],
      steps: [
        zhEn('选择以后每年交多少钱，从哪一年开始', 'Choose how much you will pay a year and the year it starts'),
        zhEn('提交后拿好回执，下次扣款就按新的钱数扣', 'Submit and keep the receipt; the next payment takes the new amount'),
      ],
      fee: CONTRIBUTION_FEE,
      timeLimit: zhEn('5 个工作日内生效', 'Takes effect within 5 working days'),
      basis: [LAWS.residentPension, LAWS.premiumCollection],
      handledBy: HANDLERS.pension,
    },
    faq: [
      {
        question: zhEn('今年已经交过了，还能改今年的吗？', 'I already paid this year. Can I change this year’s amount?'),
        answer: zhEn('今年已经交了的不能改，改了的钱数从下一年开始；想多交的可以问问怎么补交。', 'Not for the year already paid; the change applies from next year. Ask about top-up payments if you want to pay more.'),
      },
      {
        question: zhEn('改成少交，会不会影响以后领钱？', 'Will paying less reduce my pension?'),
        answer: zhEn('会。个人账户里的钱少了，将来每月领的也会少一些。', 'Yes. Less goes into your personal account, so your monthly pension will be a little lower.'),
      },
    ],
  }),
  defineItem({
    ...applicationHeader(
      'INS-03',
      zhEn('城乡居民养老保险待遇申领', 'Resident pension claim'),
      zhEn('年满 60 周岁、交够 15 年的，申请按月领养老金', 'At 60, with 15 years paid, apply for your monthly pension'),
      { riskClass: 'money', identity: IDENTIFY_WITH_FACE, serviceModes: [...AT_POINT_MODES] },
    ),
    form: [
      paymentStep(zhEn('养老金打到哪里', 'Where to pay the pension'), zhEn('养老金每月打到这张卡上', 'Your pension goes to this card every month'), { promise: false }),
      confirmStep([
        addressField(),
        choiceField('otherPension', zhEn('是否已经在领其他养老金', 'Do you already receive another pension'), [
          ['no', '没有', 'No'],
          ['yes', '有（职工养老金、退休金等）', 'Yes (employee pension, retirement pay and the like)'],
        ]),
        truthPromise(),
      ]),
    ],
    materials: [householdBookletMaterial(true), bankCardMaterial(true)],
    keywords: ['养老金', '退休', '社保'],
    guide: {
      conditions: [
        zhEn('年满 60 周岁', 'Aged 60 or over'),
        zhEn('参加了城乡居民养老保险', 'Enrolled in the resident pension'),
        zhEn('一般要累计交满 15 年', 'Usually 15 years paid in total'),
        zhEn('本地开始有这项养老保险时，您已满 45 岁的：从那年起每年都交到 60 岁就行，不满 15 年也能领', 'If you were 45 or older when the scheme started here: pay every year from then until 60, and you can draw it even with fewer than 15 years'),
        zhEn('本地开始有这项养老保险时，您已满 60 岁的：不用交钱，按月领基础养老金', 'If you were 60 or older when the scheme started here: nothing to pay; you draw the basic pension every month'),
        zhEn('没有在领别的养老金（职工养老金、退休金等）', 'Not drawing another pension (an employee pension, a retirement pension)'),
      ],
      steps: [
  STEPS.payToCard,
        zhEn('拍户口簿', 'Show the household booklet to the camera'),
        FACE_CHECK,
        zhEn('核对提交，拿好回执；审核通过后次月开始发放', 'Check, submit and keep the receipt; payments start the month after approval'),
      ],
      timeLimit: zhEn('15 个工作日内审核，审核通过后次月发放', 'Reviewed within 15 working days; paid from the next month'),
      basis: [LAWS.socialInsurance, LAWS.residentPension],
      handledBy: HANDLERS.pension,
    },
    faq: [
      {
        question: zhEn('快满 60 岁了，什么时候来办？', 'I am nearly 60. When should I apply?'),
        answer: zhEn('满 60 周岁的前 1 个月就可以来办，这样到了生日那个月的下个月就能领。', 'Apply 1 month before your 60th birthday so payments start the month after it.'),
      },
      {
        question: zhEn('为什么要刷脸？', 'Why the face check?'),
        answer: zhEn('养老金是按月发的钱，刷脸是为了确认是您本人申请，防止别人冒领。', 'The pension is money paid every month; the face check makes sure it is you and nobody claims in your name.'),
      },
      {
        question: zhEn('交费不够 15 年怎么办？', 'What if I paid less than 15 years?'),
        answer: zhEn(
          '本地开始有这项养老保险时已满 45 岁、之后每年都交了的，不满 15 年也能领。其他人可以按规定补交不足的年限，请到窗口或拨打 12333 问清楚再办。',
          'If you were 45 or older when the scheme started here and paid every year since, you can draw it with fewer than 15 years. Others may pay the missing years as the rules allow; ask at the window or on 12333 first.',
        ),
      },
    ],
  }),
  defineItem({
    // Housebound elders are certified at home by the clerk (the guide says so).
    ...certificationHeader(
      'INS-04',
      zhEn('养老保险待遇领取资格认证', 'Pension eligibility certification'),
      zhEn('每年确认一次，养老金才能继续按时发', 'Confirm once a year, so your pension keeps arriving on time'),
    ),
    form: [],
    materials: [],
    keywords: ['养老金', '刷脸', '认证', '生存认证'],
    guide: {
      conditions: [
        zhEn('正在领城乡居民养老金或职工养老金的人，每年认证一次', 'Everyone drawing a resident or employee pension, once a year'),
        zhEn('行动不便的老人可以请工作人员上门认证', 'Housebound pensioners can ask the village clerk to come and do it'),
      ],
      steps: [
        zhEn('按屏幕提示摘下帽子和眼镜，正对摄像头', 'Take off your hat and glasses as the screen says and face the camera'),
        zhEn('按提示眨眼、转头，直到屏幕显示认证通过', 'Blink and turn your head as asked until the screen says you passed'),
      ],
      timeLimit: zhEn('当场出结果，需要联网', 'Result on the spot; needs the network'),
      basis: [LAWS.socialInsurance, LAWS.certification],
      handledBy: HANDLERS.pension,
    },
    faq: [
      {
        question: zhEn('多久认证一次？忘了会怎样？', 'How often, and what if I forget?'),
        answer: zhEn('每 12 个月认证一次。超过期限没认证的，养老金会暂停发放，认证后恢复并补发。', 'Every 12 months. If you miss it, the pension is paused; after you certify it resumes and the missed months are paid.'),
      },
      {
        question: zhEn('刷了几次都不通过怎么办？', 'What if it keeps failing?'),
        answer: zhEn(
          '光线太暗、戴眼镜、离得太远都会影响。多次不通过的，可以到乡里的示范点重新录一次人脸（重新建模），或请工作人员上门认证。',
          'Dim light, glasses or distance can cause it. If it keeps failing, have your face recorded again (a new face model) at the township demonstration point, or ask a clerk for a home visit.',
        ),
      },
    ],
  }),
  defineItem({
    ...queryRecord('INS-05', zhEn('个人参保信息查询', 'Enrolment status lookup'), zhEn('查您参加了哪些社会保险、现在是什么状态', 'See which insurance schemes you are in and their status')),
    keywords: ['社保', '参保'],
    guide: {
      conditions: [zhEn('查询本人参加了哪些社会保险', 'Your own insurance schemes')],
      steps: [zhEn('屏幕显示您参加了哪几种保险、现在是否在交、在哪里参加、从什么时候开始', 'The screen shows which insurance you are in, whether you are paying now, where, and since when'), SHOW_RESULT],
      timeLimit: ANSWERED_ONLINE,
      basis: [LAWS.socialInsurance, LAWS.rightsRecords],
      handledBy: HANDLERS.pension,
    },
    faq: [
      {
        question: zhEn('显示"暂停缴费"是什么意思？', 'What does "contributions paused" mean?'),
        answer: zhEn('说明最近没有交费，参保关系还在。续交后状态会恢复正常。', 'No recent payment, but you are still enrolled. It returns to normal when you pay again.'),
      },
      {
        question: zhEn('信息不对怎么办？', 'What if something is wrong?'),
        answer: zhEn('名字、身份证号不对的，用"个人基本信息变更"改；参保记录不对的，请拨打 12333。', 'Use "Personal details change" for your name or number; call 12333 about wrong records.'),
      },
    ],
  }),
  defineItem({
    ...queryRecord(
      'INS-06',
      zhEn('个人缴费记录查询', 'Contribution record lookup'),
      zhEn('查每年交了多少钱、交到了哪个月', 'See how much you paid each year and up to which month'),
      [PERIOD_STEP],
    ),
    keywords: ['社保', '交费', '缴费'],
    guide: {
      conditions: [zhEn('查询本人历年交了多少社保费', 'Your own contributions by year')],
      steps: [CHOOSE_PERIOD, zhEn('屏幕显示每年交了多少钱、政府补贴了多少', 'The screen shows how much you paid each year and the government top-up'), SHOW_RESULT],
      timeLimit: ANSWERED_ONLINE,
      basis: [LAWS.socialInsurance, LAWS.rightsRecords],
      handledBy: HANDLERS.pension,
    },
    faq: [
      {
        question: zhEn('交了钱为什么查不到？', 'I paid. Why is it not shown?'),
        answer: zhEn('银行扣款或税务收款后，一般 3 到 5 个工作日入账，请过几天再查。', 'After the bank or tax office takes payment it takes 3 to 5 working days to appear; check again later.'),
      },
      {
        question: zhEn('政府补贴是多少？', 'How much is the government top-up?'),
        answer: zhEn('看您每年交多少，交得越多补得越多，每年的补贴金额都列在结果里。', 'It depends on how much you pay a year: the more you pay the more it is. Each year’s top-up is listed in the result.'),
      },
    ],
  }),
  defineItem({
    ...queryRecord(
      'INS-07',
      zhEn('养老金发放记录查询', 'Pension payment lookup'),
      zhEn('查每个月的养老金发了多少、打到哪张卡', 'See each monthly pension payment and the card it went to'),
      [PERIOD_STEP],
    ),
    keywords: ['养老金', '发放'],
    guide: {
      conditions: [zhEn('正在领养老金的人查自己的发放记录', 'Pensioners, about their own payments')],
      steps: [CHOOSE_PERIOD, zhEn('屏幕显示每个月发了多少钱、打到哪张卡（卡号中间隐藏）', 'The screen shows each month’s amount and the card it went to (middle digits hidden)'), SHOW_RESULT],
      timeLimit: ANSWERED_ONLINE,
      basis: [LAWS.socialInsurance, LAWS.rightsRecords],
      handledBy: HANDLERS.pension,
    },
    faq: [
      {
        question: zhEn('为什么今年的养老金涨了？', 'Why did my pension rise this year?'),
        answer: zhEn(
          '国家和省里会提高基础养老金（近几年一般每年一次），涨的部分从调整的月份开始发。',
          'The state and the province raise the basic pension (in recent years usually once a year); the rise is paid from the month it takes effect.',
        ),
      },
      {
        question: zhEn('记录显示发了，但卡上没钱？', 'The record says paid, but the card shows nothing?'),
        answer: zhEn('请先到银行查卡上的流水；确实没到账的，拨打 12333 报告。', 'First check the card’s statement at the bank; if it really did not arrive, call 12333.'),
      },
    ],
  }),
  defineItem({
    ...printRecord(
      'INS-08',
      zhEn('个人权益记录打印', 'Social insurance record statement'),
      zhEn('打印一张您的社保权益记录单（对账单）', 'Print your social insurance statement'),
      [
        formStep('year', zhEn('打印哪一年', 'Which year'), [
          integerField('year', zhEn('年度', 'Year'), 2011, 2026),
        ]),
      ],
    ),
    keywords: ['社保', '对账单', '权益单'],
    guide: {
      conditions: [zhEn('打印本人的社会保险个人权益记录（对账单）', 'Your own social insurance statement')],
      steps: [zhEn('选择要打印的年度', 'Choose the year'), zhEn('打印机打出对账单，请取走', 'Take the statement from the printer')],
      timeLimit: PRINTED_ONLINE,
      basis: [LAWS.socialInsurance, LAWS.rightsRecords],
      handledBy: HANDLERS.pension,
    },
    faq: [
      {
        question: zhEn('对账单和参保证明有什么不同？', 'How is a statement different from a certificate?'),
        answer: zhEn('对账单是给自己核对交费用的；办事要交给单位的，请打印参保证明。', 'The statement is for checking your own payments; to hand in somewhere, print an enrolment certificate.'),
      },
      VERIFY_CODE_FAQ,
    ],
  }),
  defineItem({
    ...printRecord(
      'INS-09',
      zhEn('城乡居民养老保险参保证明打印', 'Resident pension enrolment certificate'),
      zhEn('打印带验证码的参保证明，可在县人社网站核验', 'Print an enrolment certificate with a verification code anyone can check with the county'),
      [PURPOSE_STEP],
      // Its guide promises the clerk brings the certificate to housebound elders.
      { serviceModes: [...ALL_MODES] },
    ),
    keywords: ['养老保险', '社保证明', '参保证明'],
    guide: {
      conditions: [zhEn('参加了城乡居民养老保险的人打印本人参保证明', 'Resident pension members, a certificate of their own enrolment')],
      steps: PRINT_CERTIFICATE_STEPS,
      timeLimit: PRINTED_ONLINE,
      basis: [LAWS.socialInsurance, LAWS.residentPension],
      handledBy: HANDLERS.pension,
    },
    faq: [
      VERIFY_CODE_FAQ,
      {
        question: zhEn('能帮家里人打印吗？', 'Can I print one for a relative?'),
        answer: zhEn('证明只能本人刷卡打印；老人行动不便的，可以请工作人员上门办理。', 'Only with the person’s own card; for housebound elders, ask the village clerk for a home visit.'),
      },
    ],
  }),
  defineItem({
    // The phone is how the county reaches the resident: changing it is an account takeover unless the holder does it.
    ...applicationHeader(
      'INS-10',
      zhEn('个人基本信息变更', 'Personal details change'),
      zhEn('手机号、地址、姓名变了，在这里改', 'Update your phone number, address or name'),
      { riskClass: 'identityChange', identity: IDENTIFY_BY_ID_CARD_WITH_FACE, serviceModes: [...AT_POINT_MODES] },
    ),
    form: [
      formStep('change', zhEn('要改什么', 'What to change'), [
        choiceField('changeWhat', zhEn('变更内容', 'What changed'), [['phone', '手机号码', 'Phone number'], ['address', '居住地址', 'Address'], ['name', '姓名', 'Name']]),
        { ...phoneField('newPhone'), label: zhEn('新的手机号码', 'New mobile number'), visibleWhen: { field: 'changeWhat', oneOf: ['phone'] } },
        { ...addressField('newAddress', zhEn('新的居住地址', 'New address')), visibleWhen: { field: 'changeWhat', oneOf: ['address'] } },
        {
          kind: 'personName',
          name: 'newName',
          label: zhEn('新的姓名', 'New name'),
          hint: zhEn('要和户口簿上一致', 'Must match the household booklet'),
          required: true,
          visibleWhen: { field: 'changeWhat', oneOf: ['name'] },
        },
        truthPromise(),
      ]),
    ],
    materials: [{ ...householdBookletMaterial(true), visibleWhen: { field: 'changeWhat', oneOf: ['name'] } }],
    keywords: ['社保', '改手机号', '改地址'],
    guide: {
      conditions: [zhEn('手机号码、居住地址或姓名发生变化的参保人', 'Insured people whose phone number, address or name has changed')],
      steps: [
        zhEn('选择要改的内容，填写新的信息', 'Choose what changed and fill in the new details'),
        zhEn('改姓名的要拍户口簿', 'For a name change, show the household booklet to the document camera'),
        zhEn('看着摄像头刷脸，确认是您本人在改（防止别人改走您的手机号）', 'Look at the camera for a face check, so nobody else can change your phone number'),
        STEPS.submit,
      ],
      timeLimit: zhEn('手机号码和地址 1 个工作日内更新，姓名 5 个工作日内更新', 'Phone and address updated within 1 working day; a name within 5'),
      basis: [LAWS.socialInsurance, LAWS.premiumCollection, LAWS.rightsRecords],
      handledBy: HANDLERS.pension,
    },
    faq: [
      {
        question: zhEn('身份证号码错了能在这里改吗？', 'Can I correct my ID number here?'),
        answer: zhEn('不能。身份证号码错了，要带户口簿和身份证到县社保中心窗口办理。', 'No. Bring your household booklet and ID card to the county social insurance centre.'),
      },
      {
        question: zhEn('为什么要留手机号码？', 'Why give a phone number?'),
        answer: zhEn('办理结果、认证提醒和待遇发放都会用短信通知您，号码换了一定要改。', 'Results, certification reminders and payments are texted to you, so keep it up to date.'),
      },
    ],
  }),
  defineItem({
    ...applicationHeader(
      'INS-11',
      zhEn('养老保险待遇发放账户维护申请', 'Pension payment account update'),
      zhEn('换一张卡领养老金等待遇，要本人刷脸', 'Receive your pension on a different card; needs a face check'),
      { riskClass: 'identityChange', identity: IDENTIFY_BY_ID_CARD_WITH_FACE, serviceModes: [...AT_POINT_MODES] },
    ),
    form: [
      formStep('newAccount', zhEn('新的银行卡', 'The new card'), [
        ...bankFields(zhEn('以后待遇打到这张卡上', 'From now on, payments go to this card')),
        accountHolderField(),
        choiceField('reason', zhEn('为什么要换', 'Why you are changing'), [
          ['cardLost', '原来的卡丢了', 'The old card was lost'],
          ['cardExpired', '原来的卡过期或销户了', 'The old card expired or was closed'],
          ['useSocialSecurityCard', '改用社保卡领取', 'I want to use my social security card'],
          ['convenience', '换一家方便取钱的银行', 'A bank nearer to me'],
        ]),
      ]),
      confirmStep([phoneField(), truthPromise()]),
    ],
    materials: [bankCardMaterial()],
    keywords: ['养老金', '换卡', '银行卡'],
    guide: {
      conditions: [zhEn('正在领养老金等待遇、想换一张卡领钱的本人', 'People drawing a pension or other benefit who want it paid to another card')],
      steps: [
        zhEn('选择新卡的银行，输入本人新的银行卡号和卡上的户名，选择换卡原因', 'Choose the bank, enter your own new card number and the name on it, and say why'),
        zhEn('拍新的银行卡', 'Show the new card to the camera'),
        FACE_CHECK,
        STEPS.checkAndSubmit,
      ],
      timeLimit: zhEn('5 个工作日内变更，下一次发放起打到新卡', 'Changed within 5 working days; the next payment goes to the new card'),
      basis: [LAWS.socialInsurance, LAWS.residentPension],
      handledBy: HANDLERS.pension,
    },
    faq: [
      {
        question: zhEn('可以换成子女的卡吗？', "Can it go to my child's card?"),
        answer: zhEn('不可以，只能换成您本人名下的卡，这是为了保护您的钱。', 'No, only to a card in your own name; this protects your money.'),
      },
      {
        question: zhEn('为什么要刷脸？', 'Why the face check?'),
        answer: zhEn('改领钱的卡关系到您的钱，刷脸确认是本人办理，防止被人冒改。', 'Changing where your money goes is sensitive; the face check makes sure nobody else does it in your name.'),
      },
    ],
  }),
  defineItem({
    ...applicationHeader(
      'INS-12',
      zhEn('养老保险关系转移接续申请', 'Pension transfer'),
      zhEn('在外地交过养老保险的，把记录转回来或转出去', 'Move pension records paid elsewhere to here, or from here to elsewhere'),
    ),
    form: [
      formStep('transfer', zhEn('怎么转', 'The transfer'), [
        choiceField('direction', zhEn('转入还是转出', 'Into or out of this county'), [
          ['in', '从外地转到本县', 'From elsewhere into this county'],
          ['out', '从本县转到外地', 'From this county to elsewhere'],
        ]),
        choiceField('scheme', zhEn('原来交的是哪种养老保险', 'Which pension scheme you paid into'), [
          ['resident', '城乡居民养老保险', 'Resident pension'],
          ['employee', '企业职工养老保险', 'Employee pension'],
        ]),
        textField('otherPlace', zhEn('对方所在地（省、市、县）', 'The other place (province, city, county)'), 4, 40),
        phoneField(),
      ]),
    ],
    materials: [
      material(
        'contributionCertificate',
        zhEn('原参保地开具的参保缴费凭证', 'Contribution certificate from the former place'),
        4,
        { visibleWhen: { field: 'direction', oneOf: ['in'] } },
      ),
    ],
    keywords: ['养老保险', '社保转移', '转社保'],
    guide: {
      conditions: [
        zhEn('在外地交过养老保险，现在回本县（转入）', 'You paid pension insurance elsewhere and now live here (transfer in)'),
        zhEn('要到外地继续交（转出）', 'You will keep paying elsewhere (transfer out)'),
      ],
      steps: [
        zhEn('选择转入还是转出、原来交的险种和对方所在地', 'Choose in or out, the scheme, and the other place'),
        zhEn('转入的拍原参保地开的参保缴费凭证', 'For a transfer in, show the contribution certificate from the former place to the document camera'),
        zhEn('提交后拿好回执，两地社保机构会联系办理', 'Keep the receipt; the two offices handle it between them'),
      ],
      timeLimit: zhEn('跨省转移 45 个工作日内办结', 'Within 45 working days between provinces'),
      basis: [LAWS.socialInsurance, LAWS.transfer, LAWS.schemeLink],
      handledBy: HANDLERS.pension,
    },
    faq: [
      {
        question: zhEn('转过来以后，以前交的年限还算吗？', 'Do my years paid elsewhere still count?'),
        answer: zhEn(
          '同一种养老保险在两地之间转的，年限接着算。城乡居民养老保险转进职工养老保险的，只转个人账户里的钱，交费年限不合并计算。',
          'Between two places in the same scheme, the years carry on. When a resident pension record moves into the employee scheme, only the personal account balance moves; the years paid are not added.',
        ),
      },
      {
        question: zhEn('职工养老保险和城乡居民养老保险能合并吗？', 'Can employee and resident pension records be combined?'),
        answer: zhEn(
          '可以按规定把两种养老保险接到一起（叫"衔接"）：职工养老保险交满 15 年的，城乡居民的转到职工；不满 15 年的，职工的转到城乡居民。',
          'Yes, the two schemes can be linked under the rules: with 15 years or more in the employee scheme, resident records join it; with fewer than 15, employee records join the resident scheme.',
        ),
      },
    ],
  }),
  defineItem({
    ...applicationHeader(
      'INS-13',
      zhEn('城乡居民养老保险注销登记', 'Resident pension deregistration'),
      zhEn(
        '注销就是把城乡居民养老保险关掉：参保人去世或出国定居时办理（参加了职工养老保险的不要注销，要办转移）',
        'Closing the resident pension: when the insured person dies or settles abroad (if you joined the employee pension, do not close it; transfer it)',
      ),
    ),
    form: [
      formStep('reason', zhEn('为什么要关掉（注销）', 'Why close it'), [
        choiceField('reason', zhEn('为什么要关掉养老保险', 'Why the pension is being closed'), [
          ['died', '参保人去世（家属办理）', 'The insured person died (a relative applies)'],
          ['settledAbroad', '出国（境）定居', 'Settled abroad'],
        ]),
        phoneField(),
      ]),
      deceasedStep({ field: 'reason', oneOf: ['died'] }),
      confirmStep([truthPromise()]),
    ],
    materials: [
      ...deathPapers({ field: 'reason', oneOf: ['died'] }),
      ABROAD_PROOF,
    ],
    keywords: ['养老保险', '销户', '注销'],
    guide: {
      conditions: [
        zhEn('参保人去世的，由家属办理', 'When the insured person has died: a family member applies'),
        zhEn('出国（境）定居的，本人办理', 'When you settle abroad: you apply'),
        zhEn('参加了职工养老保险的，不要在这里关掉（注销）：要办"养老保险关系转移接续申请"，把个人账户里的钱转过去；关掉了就转不过去了', 'If you joined the employee pension, do not close it here: apply for "Pension transfer" so your account balance moves with you; once closed it cannot move'),
      ],
      identify: zhEn('刷办理人本人的身份证或社保卡', 'Use the applicant’s own ID card or social security card'),
      steps: [
        zhEn('选择为什么要关掉；家属办理的填写去世人员信息', 'Choose the reason; relatives fill in the details of the person who died'),
        zhEn('拍死亡证明、亲属关系证明或定居证明', 'Show the death certificate and proof of relation, or the proof of settling abroad, to the document camera'),
        STEPS.submit,
      ],
      timeLimit: zhEn('10 个工作日内办结', 'Done within 10 working days'),
      basis: [LAWS.socialInsurance, LAWS.residentPension],
      handledBy: HANDLERS.pension,
    },
    faq: [
      DEATH_REPORT_FAQ,
      {
        question: zhEn('关掉（注销）以后，个人账户里的钱怎么办？', 'Once it is closed, what happens to the money in the personal account?'),
        answer: zhEn('个人账户余额可以依法继承或退给本人，请接着办理"个人账户一次性待遇申领"。', 'The balance can be inherited or refunded; apply next with "One-off personal account payment".'),
      },
    ],
  }),
  defineItem({
    ...applicationHeader(
      'INS-14',
      zhEn('丧葬补助金、抚恤金申领', 'Funeral grant and survivor benefit'),
      zhEn('领养老金的人去世后，家属申领丧葬补助金和抚恤金', 'When a pensioner dies, the family claims the funeral grant and survivor benefit'),
      { riskClass: 'money', identity: IDENTIFY_WITH_FACE, serviceModes: [...AT_POINT_MODES] },
    ),
    form: [
      deceasedStep(),
      claimantPaymentStep(),
    ],
    materials: [...deathPapers(), bankCardMaterial(true)],
    keywords: ['丧葬费', '抚恤金', '去世'],
    guide: {
      conditions: [
        zhEn('去世的人参加的是职工养老保险（单位交的，或以灵活就业身份交的）：他的配偶、子女等直系亲属申领丧葬补助金和抚恤金', 'The person who died was in the employee pension (paid by an employer, or as a flexible worker): the spouse, children or other close relatives claim the funeral grant and survivor benefit'),
        zhEn('只参加了城乡居民养老保险的：没有这两项，个人账户里剩下的钱由继承人领，请办"个人账户一次性待遇申领"', 'Only in the resident pension: these two do not apply; the heirs receive what is left in the personal account with "One-off personal account payment"'),
        zhEn('本县城乡居民丧葬补助：{{residentFuneralGrant}}（0 元表示本县没有这项补助）', "This county's own funeral grant for resident pensioners: {{residentFuneralGrant}} (0 yuan means the county has none)"),
        zhEn('请在老人去世后尽快办理，停发养老金和申领一次办完', 'Please apply soon after the death: the pension is stopped and the claim made in one visit'),
      ],
      identify: IDENTIFY_APPLICANT,
      steps: [
        zhEn('填写去世人员的姓名、身份证号码、去世日期和您和他的关系', 'Fill in the name, ID number and date of death, and your relation'),
  STEPS.payToCard,
        zhEn('拍死亡证明、亲属关系证明', 'Show the death certificate and proof of relation'),
        FACE_CHECK_AND_SUBMIT,
      ],
      timeLimit: zhEn('15 个工作日内审核，审核通过后 1 个月内打款', 'Reviewed within 15 working days; paid within a month of approval'),
      basis: [zhEn('《中华人民共和国社会保险法》第十七条', 'Social Insurance Law of the PRC, Article 17'), LAWS.residentPension],
      handledBy: HANDLERS.employeePension,
    },
    faq: [
      DEATH_REPORT_FAQ,
      {
        question: zhEn('几个子女都要来吗？', 'Must all the children come?'),
        answer: zhEn('一个人来办就行，其他亲属有异议的，可以向县社保中心提出。', 'One person is enough; other relatives with objections can raise them with the county centre.'),
      },
      {
        question: zhEn('丧葬补助金有多少？', 'How much is the funeral grant?'),
        answer: zhEn('职工养老保险的丧葬补助金和抚恤金按山西省公布的标准发放，审核后短信告诉您金额。', 'The employee scheme’s funeral grant and survivor benefit follow the rates Shanxi publishes; the amount is texted to you after review.'),
      },
    ],
  }),
  defineItem({
    ...applicationHeader(
      'INS-15',
      zhEn('个人账户一次性待遇申领', 'One-off personal account payment'),
      zhEn('参保人去世或出国定居，个人账户里剩下的钱一次性领走', 'When the insured person dies or settles abroad, the balance of the personal account is paid out'),
      { riskClass: 'money', identity: IDENTIFY_WITH_FACE, serviceModes: [...AT_POINT_MODES] },
    ),
    form: [
      formStep('reason', zhEn('申领原因', 'Why'), [
        choiceField('reason', zhEn('申领原因', 'Reason'), [
          ['insuredDied', '参保人去世（继承人申领）', 'The insured person died (an heir claims)'],
          ['settledAbroad', '本人出国（境）定居', 'I am settling abroad'],
        ]),
      ]),
      deceasedStep({ field: 'reason', oneOf: ['insuredDied'] }),
      claimantPaymentStep(),
    ],
    materials: [
      ...deathPapers({ field: 'reason', oneOf: ['insuredDied'] }),
      ABROAD_PROOF,
      bankCardMaterial(true),
    ],
    keywords: ['个人账户', '退保', '去世'],
    guide: {
      conditions: [
        zhEn('参保人去世的，个人账户里剩下的钱由继承人（配偶、子女、父母等）领取', 'When the insured person died: the heirs (spouse, children, parents and so on) receive what is left in the personal account'),
        zhEn('本人出国（境）定居的，可以申请把个人账户里剩下的钱退给自己', 'When you settle abroad: you may ask for what is left in the personal account to be paid back to you'),
      ],
      identify: IDENTIFY_APPLICANT,
      steps: [
        zhEn('选择申领原因；继承人填写去世人员信息和关系', 'Choose the reason; heirs fill in the details of the person who died and their relation'),
  STEPS.payToCard,
        zhEn('拍相关证明', 'Show the papers to the camera'),
        FACE_CHECK_AND_SUBMIT,
      ],
      timeLimit: zhEn('15 个工作日内审核，审核通过后 1 个月内打款', 'Reviewed within 15 working days; paid within a month of approval'),
      basis: [LAWS.socialInsurance, LAWS.residentPension],
      handledBy: HANDLERS.pension,
    },
    faq: [
      {
        question: zhEn('能领多少钱？', 'How much is paid?'),
        answer: zhEn('个人账户里剩下的钱（本人交的钱和补贴，加上利息）；政府的基础养老金部分不能领。', 'What is left in the personal account (your payments, top-ups and interest); the basic state pension part is not paid out.'),
      },
      {
        question: zhEn('要先把城乡居民养老保险关掉（注销）吗？', 'Must the resident pension be closed first?'),
        answer: zhEn('要。还没关掉的，先办"城乡居民养老保险注销登记"，可以同一天办。', 'Yes. If it is not closed yet, first apply for "Resident pension deregistration"; both can be done the same day.'),
      },
    ],
  }),
  defineItem({
    ...applicationHeader(
      'INS-16',
      zhEn('灵活就业人员参保登记', 'Enrolment of the flexibly employed'),
      zhEn('打零工、自己干的，以个人身份参加职工养老保险', 'Odd-job workers and the self-employed join the employee pension on their own'),
    ),
    form: [
      formStep('work', zhEn('工作和缴费', 'Work and contributions'), [
        choiceField('workKind', zhEn('从事什么工作', 'What you do'), [
          ['oddJobs', '打零工', 'Odd jobs'],
          ['selfEmployed', '个体经营', 'Own small business'],
          ['platform', '外卖、网约车等平台工作', 'Platform work (delivery, ride-hailing)'],
          ['freelance', '其他自由职业', 'Other freelance work'],
        ]),
        choiceField('baseLevel', zhEn('按多少工资交（缴费基数）', 'The wage you pay on (contribution base)'), [
          ['p60', '平均工资的六成（60%），交得最少', '60% of the average wage: pays least'],
          ['p80', '平均工资的八成（80%）', '80% of the average wage'],
          ['p100', '和平均工资一样（100%）', 'The average wage itself (100%)'],
          ['p150', '平均工资的一倍半（150%）', '150% of the average wage'],
          ['p200', '平均工资的两倍（200%），交得最多', '200% of the average wage (twice): pays most'],
        ], {
          hint: zhEn(
            '平均工资是全省职工的平均工资。选得越高，每月交得越多，将来领得也越多',
            'The average wage is the average wage of employees in the province. The higher you choose, the more you pay each month and the more you receive later',
          ),
        }),
        dateField('startOn', zhEn('从哪天开始交', 'Start paying from'), { daysFromToday: -31 }, { daysFromToday: 90 }),
      ]),
      contactStep([phoneField(), addressField(), truthPromise()]),
    ],
    materials: [],
    keywords: ['社保', '灵活就业', '打零工'],
    guide: {
      conditions: [
        zhEn('没有雇工的个体工商户、打零工的、在平台上接单的等灵活就业人员', 'Self-employed people without employees, odd-job workers, platform workers and other flexible workers'),
        zhEn('年满 16 周岁、不到退休年龄', 'Aged 16 to retirement age'),
      ],
      steps: [
        zhEn('选择从事什么工作、按多少工资交（缴费基数）和开始交费的日期', 'Choose your work, the wage you pay on (contribution base) and the start date'),
        zhEn('填写电话和地址，提交后拿好回执', 'Fill in phone and address; submit and keep the receipt'),
        zhEn('登记后按月或按季到税务部门或用手机交费', 'Then pay monthly or quarterly to the tax office or by phone app'),
      ],
      fee: CONTRIBUTION_FEE,
      timeLimit: zhEn('5 个工作日内办结，办好后短信通知', 'Done within 5 working days; you get a text'),
      basis: [LAWS.socialInsurance, LAWS.premiumCollection],
      handledBy: HANDLERS.employeePension,
    },
    faq: [
      {
        question: zhEn('和城乡居民养老保险比，哪个好？', 'Is this better than the resident pension?'),
        answer: zhEn('职工养老保险交得多，将来领得也多得多；收入不稳的也可以先参加城乡居民养老保险。', 'The employee scheme costs more and pays much more later; with an unsteady income, the resident scheme is a start.'),
      },
      {
        question: zhEn('断交了会怎样？', 'What if I stop paying for a while?'),
        answer: zhEn('断交期间不算交费年限，以前交的都保留，续交后接着算。', 'The gap does not count towards your years, but everything paid is kept and counting resumes when you pay again.'),
      },
    ],
  }),
  defineItem({
    ...printRecord(
      'INS-17',
      zhEn('企业职工养老保险参保证明打印', 'Employee pension enrolment certificate'),
      zhEn('在单位或灵活就业交职工养老保险的，打印参保证明', 'Print a certificate of your employee pension contributions'),
      [PURPOSE_STEP],
    ),
    keywords: ['养老保险', '社保证明', '参保证明'],
    guide: {
      conditions: [zhEn('参加了企业职工养老保险的人打印本人参保证明', 'Employee pension members, a certificate of their own enrolment')],
      steps: PRINT_CERTIFICATE_STEPS,
      timeLimit: PRINTED_ONLINE,
      basis: [LAWS.socialInsurance, LAWS.rightsRecords],
      handledBy: HANDLERS.employeePension,
    },
    faq: [
      VERIFY_CODE_FAQ,
      {
        question: zhEn('在外省交的职工养老保险能打出来吗？', 'Will contributions paid in another province appear?'),
        answer: zhEn('这里只能打出本省的记录，外省的请在当地打印，或先办转移接续。', 'Only this province’s records; print the others there, or transfer them here first.'),
      },
    ],
  }),
  defineItem({
    ...queryRecord('INS-18', zhEn('工伤保险待遇查询', 'Work-injury benefit lookup'), zhEn('查工伤认定结果和工伤待遇发放情况', 'See your work-injury decision and the benefits paid')),
    keywords: ['工伤'],
    guide: {
      conditions: [zhEn('参加了工伤保险、发生过工伤的人查自己的认定结果和待遇', 'Work-injury insured people, about their own decision and benefits')],
      steps: [zhEn('屏幕显示工伤认定、劳动能力鉴定等级和待遇发放情况', 'The screen shows the injury decision, the disability grade and the benefits paid'), SHOW_RESULT],
      timeLimit: ANSWERED_ONLINE,
      basis: [LAWS.socialInsurance, LAWS.workInjury],
      handledBy: HANDLERS.workInjury,
    },
    faq: [
      {
        question: zhEn('受伤了单位不给报工伤怎么办？', 'My employer will not report my injury. What can I do?'),
        answer: zhEn('单位 30 天内不申请的，本人或家属可以在受伤后 1 年内直接向县人社局申请工伤认定。', 'If the employer does not apply within 30 days, you or your family can apply to the county bureau within a year of the injury.'),
      },
      {
        question: zhEn('查不到记录？', 'No records found?'),
        answer: zhEn('可能单位没有给您交工伤保险，或认定还在办理中，请拨打 12333 咨询。', 'Your employer may not have insured you, or the decision is still pending; call 12333.'),
      },
    ],
  }),
];
