import { CONTRIBUTION_FEE, HANDLERS, LAWS, type GuideDraft, type Pair } from './draft';

/** Guides and FAQs of the 18 办社保 items. */

const IDENTIFY: Pair = ['刷身份证或社保卡', 'Use your ID card or social security card'];
/** Changes of details: only the holder's own ID card on the reader (risk class identityChange). */
const IDENTIFY_BY_ID_CARD: Pair = ['在读卡器上放本人身份证（社保卡不能代替）', 'Put your own ID card on the reader (the social security card cannot stand in)'];
const SHOW_RESULT: Pair = ['屏幕上显示查询结果，需要的话可以打印', 'The result is shown on screen; print it if you need to'];
const ONLINE_NOW: Pair = ['当场查询，需要联网', 'Instant; needs the network'];
const PRINT_NOW: Pair = ['当场打印，需要联网', 'Printed on the spot; needs the network'];
const VERIFY_CODE_FAQ: readonly [Pair, Pair] = [
  ['打印的证明没有红章，单位认不认？', 'The certificate has no red stamp. Will it be accepted?'],
  [
    '证明上没有印章，但有县人社局发的验证码和二维码：对方扫码或在县人社网站输入验证码，就能看到这份证明是否真实、何时为谁开具。需要盖章的，请到乡镇窗口办理。',
    'It has no stamp, but it carries a verification code and QR code issued by the county: the reader scans it or enters the code on the county website to see whether it is genuine, when and for whom it was issued. If a stamp is required, go to the township window.',
  ],
];
const DEATH_REPORT_FAQ: readonly [Pair, Pair] = [
  ['家里老人去世了，为什么要尽快来办？', 'Why should we come soon after a death in the family?'],
  [
    '去世后继续发放的养老金要退回。尽快办理，可以避免多领后再退钱的麻烦。',
    'Pension paid after a death has to be returned. Coming soon avoids having to pay money back later.',
  ],
];

export const INSURANCE_GUIDES: Record<string, GuideDraft> = {
  'INS-01': {
    conditions: [
      ['年满 16 周岁（在校学生除外）', 'Aged 16 or over (not a student at school)'],
      ['没有参加企业职工养老保险或机关事业单位养老保险', 'Not in the employee pension or the public-sector pension scheme'],
      ['户籍在本县', 'Household registration in this county'],
    ],
    steps: [
      IDENTIFY,
      ['填写地址和手机号码（村子本机知道，不用填代码）', 'Fill in your address and phone number (the machine knows your village)'],
      ['选择每年交多少钱、怎么交', 'Choose how much to pay a year and how'],
      ['拍户口簿首页和本人页，提交后拿好回执', 'Show the household booklet front page and your page to the document camera; submit and keep the receipt'],
      ['登记成功后，按选择的档次每年交费', 'Once enrolled, pay your chosen grade every year'],
    ],
    fee: CONTRIBUTION_FEE,
    timeLimit: ['5 个工作日内办结，办好后短信通知', 'Done within 5 working days; you get a text'],
    basis: [LAWS.socialInsurance, LAWS.residentPension, LAWS.premiumCollection],
    handledBy: HANDLERS.pension,
    faq: [
      [
        ['交多少年才能领养老金？', 'How many years must I pay before I get a pension?'],
        ['累计交满 15 年，年满 60 周岁就能按月领。交得越久越多，领得越多。', '15 years in total, then a monthly pension from 60. The longer and more you pay, the more you get.'],
      ],
      [
        ['选哪个档次好？', 'Which grade should I choose?'],
        [
          '量力而行。本县可以选的有：{{residentPensionGrades}}。交得越多，政府给的补贴越多，将来领得也越多；每年可以改一次。低保、特困和重度残疾的人，政府每年替您交 {{governmentPaidGrade}}。',
          'What you can afford. The county offers {{residentPensionGrades}}. The more you pay, the larger the government top-up and the later pension; you can change once a year. For minimum-allowance, extreme-poverty and severely disabled residents the government pays {{governmentPaidGrade}} a year for you.',
        ],
      ],
      [
        ['我在外地打工，单位给交了社保，还要在这里交吗？', 'My employer elsewhere pays my social insurance. Do I also pay here?'],
        ['不用，也不能重复参保。单位交的是职工养老保险，待遇更高。', 'No, and you may not be in both. The employee scheme your employer pays into gives a higher pension.'],
      ],
    ],
  },
  'INS-02': {
    conditions: [
      ['已经参加城乡居民养老保险、还没开始领养老金的人', 'Enrolled in the resident pension and not yet drawing it'],
      ['每年只能改一次', 'Once a year'],
    ],
    steps: [
      IDENTIFY,
      ['选择新的缴费档次和从哪一年开始', 'Choose the new grade and the year it starts'],
      ['提交后拿好回执，下次扣款按新档次', 'Submit and keep the receipt; the next payment uses the new grade'],
    ],
    fee: CONTRIBUTION_FEE,
    timeLimit: ['5 个工作日内生效', 'Takes effect within 5 working days'],
    basis: [LAWS.residentPension, LAWS.premiumCollection],
    handledBy: HANDLERS.pension,
    faq: [
      [
        ['今年已经交过了，还能改今年的吗？', 'I already paid this year. Can I change this year’s grade?'],
        ['今年已经交了的不能改，改的档次从下一年开始；想多交的可以咨询补缴政策。', 'Not for the year already paid; the change applies from next year. Ask about top-up payments if you want to pay more.'],
      ],
      [
        ['档次改低了会不会影响以后领钱？', 'Will a lower grade reduce my pension?'],
        ['会。个人账户里的钱少了，将来每月领的也会少一些。', 'Yes. Less goes into your personal account, so your monthly pension will be a little lower.'],
      ],
    ],
  },
  'INS-03': {
    conditions: [
      ['年满 60 周岁，参加了城乡居民养老保险', 'Aged 60 and enrolled in the resident pension'],
      ['一般要累计交满 15 年', 'Usually 15 years paid in total'],
      ['本地开始有这项养老保险时，您已满 45 岁的：从那年起每年都交到 60 岁就行，不满 15 年也能领', 'If you were 45 or older when the scheme started here: pay every year from then until 60, and you can draw it even with fewer than 15 years'],
      ['本地开始有这项养老保险时，您已满 60 岁的：不用交钱，按月领基础养老金', 'If you were 60 or older when the scheme started here: nothing to pay; you draw the basic pension every month'],
      ['没有领取其他基本养老保险待遇', 'Not receiving another basic pension'],
    ],
    steps: [
      IDENTIFY,
['钱发到您本人的社保卡上；要发到别的银行卡，选"我本人的其他银行卡"，再放身份证、刷脸', 'The money goes to your own social security card; for another bank card, choose "Another bank card in my own name", then your ID card and a face check'],
      ['拍户口簿', 'Show the household booklet to the camera'],
      ['看着摄像头刷脸，确认是本人办理', 'Look at the camera for the face check that proves it is you'],
      ['核对提交，拿好回执；审核通过后次月开始发放', 'Check, submit and keep the receipt; payments start the month after approval'],
    ],
    timeLimit: ['15 个工作日内审核，审核通过后次月发放', 'Reviewed within 15 working days; paid from the next month'],
    basis: [LAWS.socialInsurance, LAWS.residentPension],
    handledBy: HANDLERS.pension,
    faq: [
      [
        ['快满 60 岁了，什么时候来办？', 'I am nearly 60. When should I apply?'],
        ['满 60 周岁的前 1 个月就可以来办，这样到了生日那个月的下个月就能领。', 'Apply 1 month before your 60th birthday so payments start the month after it.'],
      ],
      [
        ['为什么要刷脸？', 'Why the face check?'],
        ['养老金是按月发的钱，刷脸是为了确认是您本人申请，防止别人冒领。', 'The pension is money paid every month; the face check makes sure it is you and nobody claims in your name.'],
      ],
      [
        ['交费不够 15 年怎么办？', 'What if I paid less than 15 years?'],
        [
          '本地开始有这项养老保险时已满 45 岁、之后每年都交了的，不满 15 年也能领。其他人可以按规定补交不足的年限，请到窗口或拨打 12333 问清楚再办。',
          'If you were 45 or older when the scheme started here and paid every year since, you can draw it with fewer than 15 years. Others may pay the missing years as the rules allow; ask at the window or on 12333 first.',
        ],
      ],
    ],
  },
  'INS-04': {
    conditions: [
      ['正在领城乡居民养老金或职工养老金的人，每年认证一次', 'Everyone drawing a resident or employee pension, once a year'],
      ['行动不便的老人可以请工作人员上门认证', 'Housebound pensioners can ask the village clerk to come and do it'],
    ],
    steps: [
      ['刷身份证或社保卡', 'Use your ID card or social security card'],
      ['按屏幕提示摘下帽子和眼镜，正对摄像头', 'Take off your hat and glasses as the screen says and face the camera'],
      ['按提示眨眼、转头，直到屏幕显示认证通过', 'Blink and turn your head as asked until the screen says you passed'],
    ],
    timeLimit: ['当场出结果，需要联网', 'Result on the spot; needs the network'],
    basis: [LAWS.socialInsurance, LAWS.certification],
    handledBy: HANDLERS.pension,
    faq: [
      [
        ['多久认证一次？忘了会怎样？', 'How often, and what if I forget?'],
        ['每 12 个月认证一次。超过期限没认证的，养老金会暂停发放，认证后恢复并补发。', 'Every 12 months. If you miss it, the pension is paused; after you certify it resumes and the missed months are paid.'],
      ],
      [
        ['刷了几次都不通过怎么办？', 'What if it keeps failing?'],
        [
          '光线太暗、戴眼镜、离得太远都会影响。多次不通过的，可以到乡里的示范点重新建模，或请工作人员上门认证。',
          'Dim light, glasses or distance can cause it. If it keeps failing, re-take your face model at the township demonstration point or ask for a home visit.',
        ],
      ],
    ],
  },
  'INS-05': {
    conditions: [['查询本人参加了哪些社会保险', 'Your own insurance schemes']],
    steps: [IDENTIFY, ['屏幕显示各险种的参保状态、参保地和开始时间', 'The screen shows each scheme, its status, place and start date'], SHOW_RESULT],
    timeLimit: ONLINE_NOW,
    basis: [LAWS.socialInsurance, LAWS.rightsRecords],
    handledBy: HANDLERS.pension,
    faq: [
      [
        ['显示"暂停缴费"是什么意思？', 'What does "contributions paused" mean?'],
        ['说明最近没有交费，参保关系还在。续交后状态会恢复正常。', 'No recent payment, but you are still enrolled. It returns to normal when you pay again.'],
      ],
      [
        ['信息不对怎么办？', 'What if something is wrong?'],
        ['名字、身份证号不对的，用"个人基本信息变更"改；参保记录不对的，请拨打 12333。', 'Use "Personal details change" for your name or number; call 12333 about wrong records.'],
      ],
    ],
  },
  'INS-06': {
    conditions: [['查询本人历年交了多少社保费', 'Your own contributions by year']],
    steps: [IDENTIFY, ['选择查询期间', 'Choose the period'], ['屏幕显示每年的交费金额、档次和政府补贴', 'The screen shows each year’s amount, grade and government top-up'], SHOW_RESULT],
    timeLimit: ONLINE_NOW,
    basis: [LAWS.socialInsurance, LAWS.rightsRecords],
    handledBy: HANDLERS.pension,
    faq: [
      [
        ['交了钱为什么查不到？', 'I paid. Why is it not shown?'],
        ['银行扣款或税务收款后，一般 3 到 5 个工作日入账，请过几天再查。', 'After the bank or tax office takes payment it takes 3 to 5 working days to appear; check again later.'],
      ],
      [
        ['政府补贴是多少？', 'How much is the government top-up?'],
        ['按您选的档次，交得越多补得越多，每年的补贴金额都列在结果里。', 'It depends on your grade: the more you pay the more it is. Each year’s top-up is listed in the result.'],
      ],
    ],
  },
  'INS-07': {
    conditions: [['正在领养老金的人查自己的发放记录', 'Pensioners, about their own payments']],
    steps: [IDENTIFY, ['选择查询期间', 'Choose the period'], ['屏幕显示每个月发了多少钱、打到哪张卡（卡号中间隐藏）', 'The screen shows each month’s amount and the card it went to (middle digits hidden)'], SHOW_RESULT],
    timeLimit: ONLINE_NOW,
    basis: [LAWS.socialInsurance, LAWS.rightsRecords],
    handledBy: HANDLERS.pension,
    faq: [
      [
        ['为什么今年的养老金涨了？', 'Why did my pension rise this year?'],
        [
          '国家和省里会提高基础养老金（近几年一般每年一次），涨的部分从调整的月份开始发。',
          'The state and the province raise the basic pension (in recent years usually once a year); the rise is paid from the month it takes effect.',
        ],
      ],
      [
        ['记录显示发了，但卡上没钱？', 'The record says paid, but the card shows nothing?'],
        ['请先到银行查卡上的流水；确实没到账的，拨打 12333 报告。', 'First check the card’s statement at the bank; if it really did not arrive, call 12333.'],
      ],
    ],
  },
  'INS-08': {
    conditions: [['打印本人的社会保险个人权益记录（对账单）', 'Your own social insurance statement']],
    steps: [IDENTIFY, ['选择要打印的年度', 'Choose the year'], ['打印机打出对账单，请取走', 'Take the statement from the printer']],
    timeLimit: PRINT_NOW,
    basis: [LAWS.socialInsurance, LAWS.rightsRecords],
    handledBy: HANDLERS.pension,
    faq: [
      [
        ['对账单和参保证明有什么不同？', 'How is a statement different from a certificate?'],
        ['对账单是给自己核对交费用的；办事要交给单位的，请打印参保证明。', 'The statement is for checking your own payments; to hand in somewhere, print an enrolment certificate.'],
      ],
      VERIFY_CODE_FAQ,
    ],
  },
  'INS-09': {
    conditions: [['参加了城乡居民养老保险的人打印本人参保证明', 'Resident pension members, a certificate of their own enrolment']],
    steps: [IDENTIFY, ['选择证明用途（可以不选）', 'Choose what it is for (optional)'], ['打印机打出证明，请取走', 'Take the certificate from the printer']],
    timeLimit: PRINT_NOW,
    basis: [LAWS.socialInsurance, LAWS.residentPension],
    handledBy: HANDLERS.pension,
    faq: [
      VERIFY_CODE_FAQ,
      [
        ['能帮家里人打印吗？', 'Can I print one for a relative?'],
        ['证明只能本人刷卡打印；老人行动不便的，可以请工作人员上门办理。', 'Only with the person’s own card; for housebound elders, ask the village clerk for a home visit.'],
      ],
    ],
  },
  'INS-10': {
    conditions: [['手机号码、居住地址或姓名发生变化的参保人', 'Insured people whose phone number, address or name has changed']],
    steps: [
      IDENTIFY_BY_ID_CARD,
      ['选择要改的内容，填写新的信息', 'Choose what changed and fill in the new details'],
      ['改姓名的要拍户口簿', 'For a name change, show the household booklet to the document camera'],
      ['看着摄像头刷脸，确认是您本人在改（防止别人改走您的手机号）', 'Look at the camera for a face check, so nobody else can change your phone number'],
      ['提交后拿好回执', 'Submit and keep the receipt'],
    ],
    timeLimit: ['手机号码和地址 1 个工作日内更新，姓名 5 个工作日内更新', 'Phone and address updated within 1 working day; a name within 5'],
    basis: [LAWS.socialInsurance, LAWS.premiumCollection, LAWS.rightsRecords],
    handledBy: HANDLERS.pension,
    faq: [
      [
        ['身份证号码错了能在这里改吗？', 'Can I correct my ID number here?'],
        ['不能。身份证号码错了，要带户口簿和身份证到县社保中心窗口办理。', 'No. Bring your household booklet and ID card to the county social insurance centre.'],
      ],
      [
        ['为什么要留手机号码？', 'Why give a phone number?'],
        ['办理结果、认证提醒和待遇发放都会用短信通知您，号码换了一定要改。', 'Results, certification reminders and payments are texted to you, so keep it up to date.'],
      ],
    ],
  },
  'INS-11': {
    conditions: [['正在领养老金等待遇、想换一张卡领钱的本人', 'People drawing a pension or other benefit who want it paid to another card']],
    steps: [
      IDENTIFY_BY_ID_CARD,
      ['选择新卡的银行，输入本人新的银行卡号和卡上的户名，选择换卡原因', 'Choose the bank, enter your own new card number and the name on it, and say why'],
      ['拍新的银行卡', 'Show the new card to the camera'],
      ['看着摄像头刷脸，确认是本人办理', 'Look at the camera for the face check that proves it is you'],
      ['核对提交，拿好回执', 'Check, submit and keep the receipt'],
    ],
    timeLimit: ['5 个工作日内变更，下一次发放起打到新卡', 'Changed within 5 working days; the next payment goes to the new card'],
    basis: [LAWS.socialInsurance, LAWS.residentPension],
    handledBy: HANDLERS.pension,
    faq: [
      [
        ['可以换成子女的卡吗？', "Can it go to my child's card?"],
        ['不可以，只能换成您本人名下的卡，这是为了保护您的钱。', 'No, only to a card in your own name; this protects your money.'],
      ],
      [
        ['为什么要刷脸？', 'Why the face check?'],
        ['改领钱的卡关系到您的钱，刷脸确认是本人办理，防止被人冒改。', 'Changing where your money goes is sensitive; the face check makes sure nobody else does it in your name.'],
      ],
    ],
  },
  'INS-12': {
    conditions: [
      ['在外地交过养老保险，现在回本县（转入）', 'You paid pension insurance elsewhere and now live here (transfer in)'],
      ['要到外地继续交（转出）', 'You will keep paying elsewhere (transfer out)'],
    ],
    steps: [
      IDENTIFY,
      ['选择转入还是转出、原来交的险种和对方所在地', 'Choose in or out, the scheme, and the other place'],
      ['转入的拍原参保地开的参保缴费凭证', 'For a transfer in, show the contribution certificate from the former place to the document camera'],
      ['提交后拿好回执，两地社保机构会联系办理', 'Keep the receipt; the two offices handle it between them'],
    ],
    timeLimit: ['跨省转移 45 个工作日内办结', 'Within 45 working days between provinces'],
    basis: [LAWS.socialInsurance, LAWS.transfer, LAWS.schemeLink],
    handledBy: HANDLERS.pension,
    faq: [
      [
        ['转过来以后，以前交的年限还算吗？', 'Do my years paid elsewhere still count?'],
        [
          '同一种养老保险在两地之间转的，年限接着算。城乡居民养老保险转进职工养老保险的，只转个人账户里的钱，交费年限不合并计算。',
          'Between two places in the same scheme, the years carry on. When a resident pension record moves into the employee scheme, only the personal account balance moves; the years paid are not added.',
        ],
      ],
      [
        ['职工养老保险和城乡居民养老保险能合并吗？', 'Can employee and resident pension records be combined?'],
        [
          '可以按规定把两种养老保险接到一起（叫"衔接"）：职工养老保险交满 15 年的，城乡居民的转到职工；不满 15 年的，职工的转到城乡居民。',
          'Yes, the two schemes can be linked under the rules: with 15 years or more in the employee scheme, resident records join it; with fewer than 15, employee records join the resident scheme.',
        ],
      ],
    ],
  },
  'INS-13': {
    conditions: [
      ['参保人去世的，由家属办理', 'When the insured person has died: a family member applies'],
      ['出国（境）定居的，本人办理', 'When you settle abroad: you apply'],
      ['参加了职工养老保险的，不要在这里注销：要办"养老保险关系转移接续申请"，把个人账户里的钱转过去；注销了就转不过去了', 'If you joined the employee pension, do not cancel here: apply for "Pension transfer" so your account balance moves with you; once cancelled it cannot move'],
    ],
    steps: [
      ['刷办理人本人的身份证或社保卡', 'Use the applicant’s own ID card or social security card'],
      ['选择注销原因；家属办理的填写去世人员信息', 'Choose the reason; relatives fill in the details of the person who died'],
      ['拍死亡证明、亲属关系证明或定居证明', 'Show the death certificate and proof of relation, or the proof of settling abroad, to the document camera'],
      ['提交后拿好回执', 'Submit and keep the receipt'],
    ],
    timeLimit: ['10 个工作日内办结', 'Done within 10 working days'],
    basis: [LAWS.socialInsurance, LAWS.residentPension],
    handledBy: HANDLERS.pension,
    faq: [
      DEATH_REPORT_FAQ,
      [
        ['注销后个人账户里的钱怎么办？', 'What happens to the money in the personal account?'],
        ['个人账户余额可以依法继承或退给本人，请接着办理"个人账户一次性待遇申领"。', 'The balance can be inherited or refunded; apply next with "One-off personal account payment".'],
      ],
    ],
  },
  'INS-14': {
    conditions: [
      ['去世的人参加的是职工养老保险（单位交的，或以灵活就业身份交的）：他的配偶、子女等直系亲属申领丧葬补助金和抚恤金', 'The person who died was in the employee pension (paid by an employer, or as a flexible worker): the spouse, children or other close relatives claim the funeral grant and survivor benefit'],
      ['只参加了城乡居民养老保险的：没有这两项，个人账户里剩下的钱由继承人领，请办"个人账户一次性待遇申领"', 'Only in the resident pension: these two do not apply; the heirs receive what is left in the personal account with "One-off personal account payment"'],
      ['本县城乡居民丧葬补助：{{residentFuneralGrant}}（0 元表示本县没有这项补助）', "This county's own funeral grant for resident pensioners: {{residentFuneralGrant}} (0 yuan means the county has none)"],
      ['请在老人去世后尽快办理，停发养老金和申领一次办完', 'Please apply soon after the death: the pension is stopped and the claim made in one visit'],
    ],
    steps: [
      ['刷申领人本人的身份证或社保卡', 'Use the applicant’s own ID card or social security card'],
      ['填写去世人员的姓名、身份证号码、去世日期和您和他的关系', 'Fill in the name, ID number and date of death, and your relation'],
['钱发到您本人的社保卡上；要发到别的银行卡，选"我本人的其他银行卡"，再放身份证、刷脸', 'The money goes to your own social security card; for another bank card, choose "Another bank card in my own name", then your ID card and a face check'],
      ['拍死亡证明、亲属关系证明', 'Show the death certificate and proof of relation'],
      ['看着摄像头刷脸，核对提交，拿好回执', 'Do the face check, check, submit and keep the receipt'],
    ],
    timeLimit: ['15 个工作日内审核，审核通过后 1 个月内打款', 'Reviewed within 15 working days; paid within a month of approval'],
    basis: [['《中华人民共和国社会保险法》第十七条', 'Social Insurance Law of the PRC, Article 17'], LAWS.residentPension],
    handledBy: HANDLERS.employeePension,
    faq: [
      DEATH_REPORT_FAQ,
      [
        ['几个子女都要来吗？', 'Must all the children come?'],
        ['一个人来办就行，其他亲属有异议的，可以向县社保中心提出。', 'One person is enough; other relatives with objections can raise them with the county centre.'],
      ],
      [
        ['丧葬补助金有多少？', 'How much is the funeral grant?'],
        ['职工养老保险的丧葬补助金和抚恤金按山西省公布的标准发放，审核后短信告诉您金额。', 'The employee scheme’s funeral grant and survivor benefit follow the rates Shanxi publishes; the amount is texted to you after review.'],
      ],
    ],
  },
  'INS-15': {
    conditions: [
      ['参保人去世的，由法定继承人领取个人账户余额', 'When the insured person died: the legal heir receives the account balance'],
      ['本人出国（境）定居的，可以申请退还个人账户余额', 'When you settle abroad: you may ask for the balance to be refunded'],
    ],
    steps: [
      ['刷申领人本人的身份证或社保卡', 'Use the applicant’s own ID card or social security card'],
      ['选择申领原因；继承人填写去世人员信息和关系', 'Choose the reason; heirs fill in the details of the person who died and their relation'],
['钱发到您本人的社保卡上；要发到别的银行卡，选"我本人的其他银行卡"，再放身份证、刷脸', 'The money goes to your own social security card; for another bank card, choose "Another bank card in my own name", then your ID card and a face check'],
      ['拍相关证明', 'Show the papers to the camera'],
      ['看着摄像头刷脸，核对提交，拿好回执', 'Do the face check, check, submit and keep the receipt'],
    ],
    timeLimit: ['15 个工作日内审核，审核通过后 1 个月内打款', 'Reviewed within 15 working days; paid within a month of approval'],
    basis: [LAWS.socialInsurance, LAWS.residentPension],
    handledBy: HANDLERS.pension,
    faq: [
      [
        ['能领多少钱？', 'How much is paid?'],
        ['个人账户里剩下的钱（本人交的钱和补贴，加上利息）；政府的基础养老金部分不能领。', 'What is left in the personal account (your payments, top-ups and interest); the basic state pension part is not paid out.'],
      ],
      [
        ['要先办注销吗？', 'Must the pension be closed first?'],
        ['要。没注销的，先办"城乡居民养老保险注销登记"，可以同一天办。', 'Yes. If it is not closed yet, first apply for "Resident pension deregistration"; both can be done the same day.'],
      ],
    ],
  },
  'INS-16': {
    conditions: [
      ['没有雇工的个体工商户、打零工的、在平台上接单的等灵活就业人员', 'Self-employed people without employees, odd-job workers, platform workers and other flexible workers'],
      ['年满 16 周岁、不到退休年龄', 'Aged 16 to retirement age'],
    ],
    steps: [
      IDENTIFY,
      ['选择从事什么工作、按多少工资交（缴费基数）和开始交费的日期', 'Choose your work, your contribution base and the start date'],
      ['填写电话和地址，提交后拿好回执', 'Fill in phone and address; submit and keep the receipt'],
      ['登记后按月或按季到税务部门或用手机交费', 'Then pay monthly or quarterly to the tax office or by phone app'],
    ],
    fee: CONTRIBUTION_FEE,
    timeLimit: ['5 个工作日内办结，办好后短信通知', 'Done within 5 working days; you get a text'],
    basis: [LAWS.socialInsurance, LAWS.premiumCollection],
    handledBy: HANDLERS.employeePension,
    faq: [
      [
        ['和城乡居民养老保险比，哪个好？', 'Is this better than the resident pension?'],
        ['职工养老保险交得多，将来领得也多得多；收入不稳的也可以先参加城乡居民养老保险。', 'The employee scheme costs more and pays much more later; with an unsteady income, the resident scheme is a start.'],
      ],
      [
        ['断交了会怎样？', 'What if I stop paying for a while?'],
        ['断交期间不算交费年限，以前交的都保留，续交后接着算。', 'The gap does not count towards your years, but everything paid is kept and counting resumes when you pay again.'],
      ],
    ],
  },
  'INS-17': {
    conditions: [['参加了企业职工养老保险的人打印本人参保证明', 'Employee pension members, a certificate of their own enrolment']],
    steps: [IDENTIFY, ['选择证明用途（可以不选）', 'Choose what it is for (optional)'], ['打印机打出证明，请取走', 'Take the certificate from the printer']],
    timeLimit: PRINT_NOW,
    basis: [LAWS.socialInsurance, LAWS.rightsRecords],
    handledBy: HANDLERS.employeePension,
    faq: [
      VERIFY_CODE_FAQ,
      [
        ['在外省交的职工养老保险能打出来吗？', 'Will contributions paid in another province appear?'],
        ['这里只能打出本省的记录，外省的请在当地打印，或先办转移接续。', 'Only this province’s records; print the others there, or transfer them here first.'],
      ],
    ],
  },
  'INS-18': {
    conditions: [['参加了工伤保险、发生过工伤的人查自己的认定结果和待遇', 'Work-injury insured people, about their own decision and benefits']],
    steps: [IDENTIFY, ['屏幕显示工伤认定、劳动能力鉴定等级和待遇发放情况', 'The screen shows the injury decision, the disability grade and the benefits paid'], SHOW_RESULT],
    timeLimit: ONLINE_NOW,
    basis: [LAWS.socialInsurance, LAWS.workInjury],
    handledBy: HANDLERS.workInjury,
    faq: [
      [
        ['受伤了单位不给报工伤怎么办？', 'My employer will not report my injury. What can I do?'],
        ['单位 30 天内不申请的，本人或家属可以在受伤后 1 年内直接向县人社局申请工伤认定。', 'If the employer does not apply within 30 days, you or your family can apply to the county bureau within a year of the injury.'],
      ],
      [
        ['查不到记录？', 'No records found?'],
        ['可能单位没有给您交工伤保险，或认定还在办理中，请拨打 12333 咨询。', 'Your employer may not have insured you, or the decision is still pending; call 12333.'],
      ],
    ],
  },
};
