import { choiceField, confirmStep, dateField, formStep, gradeField, IDENTIFY_WITH_FACE, integerField, material, phoneField, textField, truthPromise, zhEn } from '../fields';
import { applicationHeader, certificationHeader, printRecord } from '../record-headers';
import { defineItem } from '../define-item';
import { CONTRIBUTION_FEE, HANDLERS, LAWS, PRINTED_ONLINE } from '../guide-texts';
import type { CatalogItemInput } from '../schema';

/** The 4 items only the township's demonstration point offers (CATALOG.md): it has the A4 printer and the face-modelling machine. */

export const DEMO_ITEMS: CatalogItemInput[] = [
  defineItem({
    ...printRecord(
      'DEMO-01',
      zhEn('社会保险全险种参保证明打印', 'All-insurance enrolment certificate'),
      zhEn('一张 A4 证明列出养老、医疗、失业、工伤各险种参保情况', 'One A4 certificate covering pension, medical, unemployment and work-injury insurance'),
      [
        formStep('range', zhEn('证明内容', 'What to include'), [
          choiceField('range', zhEn('缴费记录范围', 'Contribution records to show'), [
            ['last12Months', '最近 12 个月', 'The last 12 months'],
            ['last36Months', '最近 36 个月', 'The last 36 months'],
            ['all', '全部', 'Everything'],
          ]),
        ]),
      ],
    ),
    keywords: ['社保证明', '参保证明'],
    guide: {
      conditions: [zhEn('参加了社会保险的人，打印本人所有险种的参保证明', 'Anyone insured, a certificate covering all their own insurance')],
      steps: [
        zhEn('选择证明上列出多长时间的缴费记录', 'Choose how long a contribution history to include'),
        zhEn('A4 打印机打出证明，请取走', 'Take the A4 certificate from the printer'),
      ],
      timeLimit: PRINTED_ONLINE,
      basis: [LAWS.socialInsurance, LAWS.rightsRecords],
      handledBy: HANDLERS.township,
    },
    faq: [
      {
        question: zhEn('村里的服务点为什么打不了这个？', 'Why can village points not print this?'),
        answer: zhEn('全险种证明是 A4 纸的，要用乡里示范点的 A4 打印机。', 'It is an A4 document and needs the A4 printer at the township demonstration point.'),
      },
      {
        question: zhEn('证明上有医疗保险吗？', 'Does it include medical insurance?'),
        answer: zhEn(
          '有。养老、医疗、失业、工伤各险种的参保状态和交费记录都会列出；没参加的险种写"未参保"。',
          'Yes: pension, medical, unemployment and work-injury insurance are all listed, with "not insured" for any you are not in.',
        ),
      },
    ],
  }),
  defineItem({
    // People come here because face checks keep failing: a clerk who checks them in person against the ID card may
    // stand in for the face capture, and the township office takes the model with its own equipment.
    // The township office brings the modelling equipment to elders who cannot come (the guide says so).
    // The face module records a new model (the county keeps it for later certifications), not a certification check.
    ...certificationHeader(
      'DEMO-02',
      zhEn('资格认证重新建模', 'Re-take the certification face model'),
      zhEn('刷脸认证总是不通过的，在乡里的机器上重新录一次人脸', 'If face certification keeps failing, record your face again on the modelling machine'),
      { identity: { ...IDENTIFY_WITH_FACE, faceWaivedWhen: { field: 'how', oneOf: ['clerkChecked'] } } },
    ),
    facePurpose: 'remodel',
    form: [
      formStep('reason', zhEn('为什么要重新录人脸（重新建模）', 'Why again'), [
        choiceField('reason', zhEn('原因', 'Reason'), [
          ['repeatedFailure', '刷脸认证多次不通过', 'Face certification failed several times'],
          ['appearanceChanged', '相貌变化大（病后、手术后等）', 'My appearance changed a lot (illness, surgery)'],
          ['noModel', '以前没有建过模', 'I never had a face model'],
        ]),
        choiceField('how', zhEn('怎么采集', 'How your face is taken'), [
          ['camera', '我自己在录人脸的机器（建模机）前刷脸', 'I look into the modelling camera myself'],
          ['clerkChecked', '刷脸总是不成功：请工作人员当面核对身份证，由乡镇人社所另外安排采集', 'Face checks keep failing: the clerk checks me against my ID card, and the township office arranges the capture'],
        ]),
        {
          kind: 'confirm',
          name: 'clerkCheckedInPerson',
          label: zhEn('工作人员确认', 'Clerk’s confirmation'),
          statement: zhEn('我（工作人员）已当面核对，来办的人就是身份证上的本人。', 'I, the clerk, checked in person that this is the person on the ID card.'),
          required: true,
          visibleWhen: { field: 'how', oneOf: ['clerkChecked'] },
        },
      ]),
    ],
    materials: [],
    keywords: ['养老金', '刷脸', '建模', '认证'],
    guide: {
      conditions: [
        zhEn('正在领养老金，再有下面任意一种情况：', 'You draw a pension, and any one of these applies:'),
        zhEn('· 刷脸认证多次不通过', '· Face certification keeps failing'),
        zhEn('· 相貌变化大（病后、手术后等）', '· Your appearance has changed a lot (after an illness or an operation)'),
        zhEn('· 以前没有录过人脸（没建过模）', '· Your face was never recorded before (no face model)'),
      ],
      steps: [
        zhEn('选择为什么要重新录人脸', 'Choose why you are re-taking the model'),
        zhEn('坐在录人脸的机器前，摘下帽子和眼镜，按提示眨眼、转头', 'Sit at the modelling machine, take off hat and glasses, blink and turn as asked'),
        zhEn('刷脸总是不成功的，选"请工作人员当面核对"，工作人员核对身份证后提交，乡镇人社所另外安排采集', 'If face checks keep failing, choose "the clerk checks me": the clerk checks your ID card and submits, and the township office arranges the capture'),
        zhEn('人脸录好后，以后在村里的机器上刷脸就能通过', 'Once done, the face check at your village machine will recognise you'),
      ],
      timeLimit: zhEn('当场完成，需要联网；新模型下一个工作日生效', 'Done on the spot, needs the network; the new model works from the next working day'),
      basis: [LAWS.socialInsurance, LAWS.certification],
      handledBy: HANDLERS.township,
    },
    faq: [
      {
        question: zhEn('重新录人脸（建模）和每年的认证有什么不同？', 'How is modelling different from certification?'),
        answer: zhEn('建模是把您现在的样子存下来作为对照；认证是每年刷脸和这个样子比一比。', 'Modelling records how you look now as the reference; certification compares your face with it each year.'),
      },
      {
        question: zhEn('老人来不了乡里怎么办？', 'What if an elder cannot come to the township?'),
        answer: zhEn('请村里的工作人员联系乡镇人社所，安排带设备上门录人脸。', 'Ask the village clerk to arrange for the township office to bring the equipment to your home.'),
      },
    ],
  }),
  defineItem({
    ...applicationHeader(
      'DEMO-03',
      zhEn('城乡居民养老保险费征缴', 'Resident pension contribution collection'),
      zhEn('在示范点登记交今年的城乡居民养老保险费', 'Register this year’s resident pension contribution at the demonstration point'),
    ),
    form: [
      formStep('contribution', zhEn('缴费', 'Contribution'), [
        integerField('year', zhEn('缴费年度', 'Year paid for'), 2026, 2027),
        gradeField('grade'),
        choiceField('payBy', zhEn('怎么交', 'How to pay'), [
          ['socialSecurityCard', '从社保卡银行账户扣款', 'Deducted from the bank account of my social security card'],
          ['bankCard', '从已签约的银行卡扣款', 'Deducted from my registered bank card'],
          ['clerkCollects', '交给工作人员代收，当场开收款凭证', 'Paid to the clerk, receipt on the spot'],
        ]),
        phoneField(),
      ]),
    ],
    materials: [],
    keywords: ['养老保险', '交钱', '缴费'],
    guide: {
      conditions: [zhEn('参加了城乡居民养老保险', 'You are in the resident pension'), zhEn('要交今年的养老保险费', 'You are paying this year’s contribution')],
      steps: [
        zhEn('选择交哪一年的、每年交多少钱和怎么交', 'Choose the year, how much you pay a year and how to pay'),
        zhEn('提交后拿好回执；选择工作人员代收的，当场交钱并拿收款凭证', 'Keep the receipt; if the clerk collects, pay now and take the payment receipt'),
        zhEn('扣款或收款后 3 到 5 个工作日，可以在"个人缴费记录查询"里查到', 'The payment shows in "Contribution record lookup" 3 to 5 working days later'),
      ],
      fee: CONTRIBUTION_FEE,
      timeLimit: zhEn('每年集中征缴期内办理，扣款后 3 到 5 个工作日入账', 'During the yearly collection period; recorded 3 to 5 working days after payment'),
      basis: [LAWS.socialInsurance, LAWS.residentPension, LAWS.premiumCollection],
      handledBy: HANDLERS.township,
    },
    faq: [
      {
        question: zhEn('错过了今年的征缴期还能交吗？', 'Can I still pay after this year’s collection period?'),
        answer: zhEn('当年的保费要在年底前交，错过了一般不能补交，请尽早办理。', 'This year’s contribution must be paid by the end of the year and usually cannot be paid later, so come early.'),
      },
      {
        question: zhEn('工作人员收了钱，怎么知道交上了？', 'If I pay the clerk, how do I know it arrived?'),
        answer: zhEn('工作人员当场给您收款凭证，几天后也可以自己查缴费记录。收了钱不给凭证的，请拨打 12333 举报。', 'The clerk gives you a payment receipt at once, and you can check your record a few days later. If no receipt is given, report it on 12333.'),
      },
    ],
  }),
  defineItem({
    ...applicationHeader(
      'DEMO-04',
      zhEn('待遇申报', 'Benefit declaration'),
      zhEn('领待遇的人情况有变化（领了别的养老金、搬走、暂停后恢复等），及时申报', 'Tell us about changes that affect your benefits (another pension, moving away, resuming after a stop)'),
    ),
    form: [
      formStep('declaration', zhEn('申报内容', 'What changed'), [
        choiceField('declarationType', zhEn('申报事项', 'What you are declaring'), [
          ['otherPension', '已经开始领取其他养老金', 'I now receive another pension'],
          ['movedAway', '户籍或居住地迁出本县', 'I moved my registration or home out of the county'],
          ['resume', '待遇被暂停，申请恢复', 'My benefit was stopped; I ask to resume it'],
        ]),
        dateField('changedOn', zhEn('变化发生的日期', 'Date of the change'), '2010-01-01', 'today'),
        textField('details', zhEn('情况说明', 'Short explanation'), 4, 200),
      ]),
      confirmStep([phoneField(), truthPromise()]),
    ],
    materials: [
      material(
        'supportingProof',
        zhEn('能证明变化的材料', 'Papers that show the change'),
        6,
        { note: zhEn('如其他养老金的领取证明、户口迁移证明', 'Such as proof of the other pension, or proof of moving registration') },
      ),
    ],
    keywords: ['养老金', '申报'],
    guide: {
      conditions: [
        zhEn('正在领养老金等待遇，有下面任意一种变化：', 'You draw a pension or another benefit, and one of these changed:'),
        zhEn('· 开始领别的养老金', '· Another pension began'),
        zhEn('· 户口或住的地方搬出了本县', '· Your household registration or home moved out of the county'),
        zhEn('· 待遇被暂停了，想恢复', '· The benefit was stopped and you want it back'),
      ],
      steps: [
        zhEn('选择申报事项，填写变化的日期和情况说明', 'Choose what changed; fill in the date and a short explanation'),
        zhEn('拍能证明变化的材料', 'Show the papers that prove the change to the document camera'),
        zhEn('核对提交，拿好回执；乡镇人社所审核后报县社保中心', 'Check, submit and keep the receipt; the township office reviews it and sends it to the county'),
      ],
      timeLimit: zhEn('10 个工作日内审核，结果短信通知', 'Reviewed within 10 working days; the result is texted to you'),
      basis: [LAWS.socialInsurance, LAWS.residentPension, LAWS.certification],
      handledBy: HANDLERS.township,
    },
    faq: [
      {
        question: zhEn('第一次申请领养老金，是在这里办吗？', 'Do I apply for my pension for the first time here?'),
        answer: zhEn(
          '不是。这里是已经在领待遇的人，情况变了来申报。第一次申请领养老金，请办"城乡居民养老保险待遇申领"。',
          'No. This is for people already drawing a benefit whose situation changed. To apply for your pension the first time, use "Resident pension claim".',
        ),
      },
      {
        question: zhEn('不申报会怎样？', 'What if I do not declare?'),
        answer: zhEn('重复领取或不符合条件期间领的待遇要退回，所以情况变了要及时申报。', 'Benefits drawn twice or while not entitled have to be repaid, so declare changes promptly.'),
      },
      {
        question: zhEn('待遇为什么会被暂停？', 'Why would a benefit be stopped?'),
        answer: zhEn('常见原因是没按时做资格认证，或联系不上本人。认证或申报后会恢复，并补发暂停期间的钱。', 'Usually a missed yearly certification or being unreachable. After you certify or declare, it resumes and the paused months are paid.'),
      },
    ],
  }),
];
