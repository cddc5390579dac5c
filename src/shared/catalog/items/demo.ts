import { ALL_MODES, AT_POINT_MODES, gradeField, IDENTIFY_BY_EITHER_CARD, IDENTIFY_WITH_FACE, phoneField, t, truthPromise, type ItemRecord } from '../fields';

/** The 4 items only the township's demonstration point offers (CATALOG.md): it has the A4 printer and the face-modelling machine. */

export const DEMO_ITEMS: ItemRecord[] = [
  {
    code: 'DEMO-01',
    category: 'demo',
    name: t('社会保险全险种参保证明打印', 'All-insurance enrolment certificate'),
    summary: t('一张 A4 证明列出养老、医疗、失业、工伤各险种参保情况', 'One A4 certificate covering pension, medical, unemployment and work-injury insurance'),
    type: 'print',
    siteLevel: 'demonstration',
    identity: IDENTIFY_BY_EITHER_CARD,
    riskClass: 'information',
    serviceModes: [...AT_POINT_MODES],
    requiresDevices: ['documentPrinter'],
    needsCountyOnline: true,
    form: [
      {
        key: 'range',
        title: t('证明内容', 'What to include'),
        fields: [
          {
            kind: 'choice',
            name: 'range',
            label: t('缴费记录范围', 'Contribution records to show'),
            required: true,
            options: [
              { value: 'last12Months', label: t('最近 12 个月', 'The last 12 months') },
              { value: 'last36Months', label: t('最近 36 个月', 'The last 36 months') },
              { value: 'all', label: t('全部', 'Everything') },
            ],
          },
        ],
      },
    ],
    materials: [],
  },
  {
    code: 'DEMO-02',
    category: 'demo',
    name: t('资格认证重新建模', 'Re-take the certification face model'),
    summary: t('刷脸认证总是不通过的，在建模机上重新采集人脸', 'If face certification keeps failing, record your face again on the modelling machine'),
    type: 'certify',
    siteLevel: 'demonstration',
    // People come here because face checks keep failing: a clerk who checks them in person against the ID card may
    // stand in for the face capture, and the township office takes the model with its own equipment.
    identity: { ...IDENTIFY_WITH_FACE, faceWaivedWhen: { field: 'how', oneOf: ['clerkChecked'] } },
    riskClass: 'application',
    // The township office brings the modelling equipment to elders who cannot come (the guide says so).
    serviceModes: [...ALL_MODES],
    requiresDevices: ['faceCamera'],
    needsCountyOnline: true,
    // The face module records a new model (the county keeps it for later certifications), not a certification check.
    facePurpose: 'remodel',
    form: [
      {
        key: 'reason',
        title: t('为什么重新建模', 'Why again'),
        fields: [
          {
            kind: 'choice',
            name: 'reason',
            label: t('原因', 'Reason'),
            required: true,
            options: [
              { value: 'repeatedFailure', label: t('刷脸认证多次不通过', 'Face certification failed several times') },
              { value: 'appearanceChanged', label: t('相貌变化大（病后、手术后等）', 'My appearance changed a lot (illness, surgery)') },
              { value: 'noModel', label: t('以前没有建过模', 'I never had a face model') },
            ],
          },
          {
            kind: 'choice',
            name: 'how',
            label: t('怎么采集', 'How your face is taken'),
            required: true,
            options: [
              { value: 'camera', label: t('我自己在建模机前刷脸', 'I look into the modelling camera myself') },
              {
                value: 'clerkChecked',
                label: t('刷脸总是不成功：请工作人员当面核对身份证，由乡镇人社所另外安排采集', 'Face checks keep failing: the clerk checks me against my ID card, and the township office arranges the capture'),
              },
            ],
          },
          {
            kind: 'confirm',
            name: 'clerkCheckedInPerson',
            label: t('工作人员确认', 'Clerk’s confirmation'),
            statement: t('我（工作人员）已当面核对，来办的人就是身份证上的本人。', 'I, the clerk, checked in person that this is the person on the ID card.'),
            required: true,
            visibleWhen: { field: 'how', oneOf: ['clerkChecked'] },
          },
        ],
      },
    ],
    materials: [],
  },
  {
    code: 'DEMO-03',
    category: 'demo',
    name: t('城乡居民养老保险费征缴', 'Resident pension contribution collection'),
    summary: t('在示范点登记交今年的城乡居民养老保险费', 'Register this year’s resident pension contribution at the demonstration point'),
    type: 'apply',
    siteLevel: 'demonstration',
    identity: IDENTIFY_BY_EITHER_CARD,
    riskClass: 'application',
    serviceModes: [...AT_POINT_MODES],
    requiresDevices: ['receiptPrinter'],
    needsCountyOnline: false,
    form: [
      {
        key: 'contribution',
        title: t('缴费', 'Contribution'),
        fields: [
          {
            kind: 'integer',
            name: 'year',
            label: t('缴费年度', 'Year paid for'),
            required: true,
            min: 2026,
            max: 2027,
          },
          gradeField('grade', t('缴费档次', 'Grade')),
          {
            kind: 'choice',
            name: 'payBy',
            label: t('怎么交', 'How to pay'),
            required: true,
            options: [
              { value: 'socialSecurityCard', label: t('从社保卡银行账户扣款', 'Deducted from the bank account of my social security card') },
              { value: 'bankCard', label: t('从已签约的银行卡扣款', 'Deducted from my registered bank card') },
              { value: 'clerkCollects', label: t('交给工作人员代收，当场开收款凭证', 'Paid to the clerk, receipt on the spot') },
            ],
          },
          phoneField(),
        ],
      },
    ],
    materials: [],
  },
  {
    code: 'DEMO-04',
    category: 'demo',
    name: t('待遇申报', 'Benefit declaration'),
    summary: t('领待遇的人情况有变化（领了别的养老金、搬走、暂停后恢复等），及时申报', 'Tell us about changes that affect your benefits (another pension, moving away, resuming after a stop)'),
    type: 'apply',
    siteLevel: 'demonstration',
    identity: IDENTIFY_BY_EITHER_CARD,
    riskClass: 'application',
    serviceModes: [...AT_POINT_MODES],
    requiresDevices: ['receiptPrinter', 'documentCamera'],
    needsCountyOnline: false,
    form: [
      {
        key: 'declaration',
        title: t('申报内容', 'What changed'),
        fields: [
          {
            kind: 'choice',
            name: 'declarationType',
            label: t('申报事项', 'What you are declaring'),
            required: true,
            options: [
              { value: 'otherPension', label: t('已经开始领取其他养老金', 'I now receive another pension') },
              { value: 'movedAway', label: t('户籍或居住地迁出本县', 'I moved my registration or home out of the county') },
              { value: 'resume', label: t('待遇被暂停，申请恢复', 'My benefit was stopped; I ask to resume it') },
            ],
          },
          {
            kind: 'date',
            name: 'changedOn',
            label: t('变化发生的日期', 'Date of the change'),
            required: true,
            min: '2010-01-01',
            max: 'today',
          },
          {
            kind: 'text',
            name: 'details',
            label: t('情况说明', 'Short explanation'),
            required: true,
            minLength: 4,
            maxLength: 200,
          },
        ],
      },
      { key: 'confirm', title: t('确认', 'Confirm'), fields: [phoneField(), truthPromise()] },
    ],
    materials: [
      {
        code: 'supportingProof',
        name: t('能证明变化的材料', 'Papers that show the change'),
        note: t('如其他养老金的领取证明、户口迁移证明', 'Such as proof of the other pension, or proof of moving registration'),
        required: true,
        maxPages: 6,
      },
    ],
  },
];
