import {
  ALL_MODES,
  AT_POINT_MODES,
  IDENTIFY_BY_EITHER_CARD,
  IDENTIFY_WITH_FACE,
  addressField,
  bankCardMaterial,
  bankFields,
  gradeField,
  payToFields,
  accountHolderField,
  IDENTIFY_BY_ID_CARD_WITH_FACE,
  householdBookletMaterial,
  phoneField,
  t,
  truthPromise,
  type FieldInput,
  type ItemRecord,
  type MaterialInput,
} from '../fields';

/** 办社保: the 18 social insurance items (CATALOG.md). */

const periodField: FieldInput = {
  kind: 'choice',
  name: 'period',
  label: t('查哪段时间', 'Which period'),
  required: true,
  options: [
    { value: 'thisYear', label: t('今年', 'This year') },
    { value: 'last3Years', label: t('近三年', 'The last three years') },
    { value: 'all', label: t('全部', 'Everything') },
  ],
};

const printPurposeField: FieldInput = {
  kind: 'choice',
  name: 'purpose',
  label: t('证明用来做什么', 'What the certificate is for'),
  hint: t('只印在证明上，方便对方看', 'Printed on the certificate so the reader knows'),
  required: false,
  options: [
    { value: 'employment', label: t('单位入职', 'A new employer') },
    { value: 'schooling', label: t('子女上学', "A child's school place") },
    { value: 'housing', label: t('购房、落户', 'Buying a home or registering residence') },
    { value: 'loan', label: t('办理贷款', 'A bank loan') },
    { value: 'other', label: t('其他', 'Something else') },
  ],
};

const relationField: FieldInput = {
  kind: 'choice',
  name: 'relation',
  label: t('您和去世的人是什么关系', 'Your relation to the person who died'),
  required: true,
  options: [
    { value: 'spouse', label: t('配偶', 'Spouse') },
    { value: 'child', label: t('子女', 'Child') },
    { value: 'parent', label: t('父母', 'Parent') },
    { value: 'sibling', label: t('兄弟姐妹', 'Brother or sister') },
    { value: 'otherHeir', label: t('其他继承人', 'Other heir') },
  ],
};

function deceasedFields(visibleWhen?: { field: string; oneOf: string[] }): FieldInput[] {
  const when = visibleWhen === undefined ? {} : { visibleWhen };
  return [
    { kind: 'personName', name: 'deceasedName', label: t('去世人员姓名', 'Name of the person who died'), required: true, ...when },
    { kind: 'idNumber', name: 'deceasedIdNumber', label: t('去世人员身份证号码', 'ID number of the person who died'), required: true, ...when },
    {
      kind: 'date',
      name: 'diedOn',
      label: t('去世日期', 'Date of death'),
      required: true,
      min: '1990-01-01',
      max: 'today',
      ...when,
    },
    { ...relationField, ...when },
  ];
}

function deathCertificate(visibleWhen?: { field: string; oneOf: string[] }): MaterialInput {
  return {
    code: 'deathCertificate',
    name: t('死亡证明或火化证明', 'Death certificate or cremation certificate'),
    note: t('医院、派出所或殡仪馆开具的都可以', 'From the hospital, the police station or the funeral home'),
    required: true,
    maxPages: 2,
    ...(visibleWhen === undefined ? {} : { visibleWhen }),
  };
}

function relationshipProof(visibleWhen?: { field: string; oneOf: string[] }): MaterialInput {
  return {
    code: 'relationshipProof',
    name: t('亲属关系证明', 'Proof of family relation'),
    note: t('户口簿、结婚证，或村委会开的证明', 'Household booklet, marriage certificate, or a letter from the village committee'),
    required: true,
    maxPages: 4,
    ...(visibleWhen === undefined ? {} : { visibleWhen }),
  };
}

function queryItem(code: string, name: ReturnType<typeof t>, summary: ReturnType<typeof t>, form: ItemRecord['form']): ItemRecord {
  return {
    code,
    category: 'insurance',
    name,
    summary,
    type: 'query',
    siteLevel: 'village',
    identity: IDENTIFY_BY_EITHER_CARD,
    riskClass: 'information',
    serviceModes: [...ALL_MODES],
    requiresDevices: [],
    needsCountyOnline: true,
    form,
    materials: [],
  };
}

function printItem(code: string, name: ReturnType<typeof t>, summary: ReturnType<typeof t>, form: ItemRecord['form'], serviceModes: ItemRecord['serviceModes'] = [...AT_POINT_MODES]): ItemRecord {
  return {
    code,
    category: 'insurance',
    name,
    summary,
    type: 'print',
    siteLevel: 'village',
    identity: IDENTIFY_BY_EITHER_CARD,
    riskClass: 'information',
    serviceModes,
    requiresDevices: ['documentPrinter'],
    needsCountyOnline: true,
    form,
    materials: [],
  };
}

export const INSURANCE_ITEMS: ItemRecord[] = [
  {
    code: 'INS-01',
    category: 'insurance',
    name: t('城乡居民养老保险参保登记', 'Resident pension enrolment'),
    summary: t('年满 16 周岁、没有参加职工养老保险的，可以参加', 'For anyone aged 16 or over who is not in the employee pension scheme'),
    type: 'apply',
    siteLevel: 'village',
    identity: IDENTIFY_BY_EITHER_CARD,
    riskClass: 'application',
    serviceModes: [...ALL_MODES],
    requiresDevices: ['receiptPrinter', 'documentCamera'],
    needsCountyOnline: false,
    form: [
      {
        key: 'where',
        title: t('户籍和联系方式', 'Registration and contact'),
        // The kiosk knows its own village: no 12-digit village code is asked of a resident.
        fields: [addressField(), phoneField()],
      },
      {
        key: 'grade',
        title: t('缴费档次', 'How much to pay'),
        fields: [
          gradeField('grade'),
          {
            kind: 'choice',
            name: 'payBy',
            label: t('怎么交钱', 'How you will pay'),
            required: true,
            options: [
              { value: 'bankDeduction', label: t('银行卡每年自动扣款', 'Yearly automatic bank deduction') },
              { value: 'selfPay', label: t('自己在手机或税务窗口交', 'Myself, by phone app or at the tax office') },
            ],
          },
          truthPromise(),
        ],
      },
    ],
    materials: [householdBookletMaterial(true)],
  },
  {
    code: 'INS-02',
    category: 'insurance',
    name: t('城乡居民养老保险缴费档次变更', 'Change of contribution grade'),
    summary: t('想多交或少交的，每年可以改一次档次', 'Pay more or less: you may change your grade once a year'),
    type: 'apply',
    siteLevel: 'village',
    identity: IDENTIFY_BY_EITHER_CARD,
    riskClass: 'application',
    serviceModes: [...ALL_MODES],
    requiresDevices: ['receiptPrinter'],
    needsCountyOnline: false,
    form: [
      {
        key: 'grade',
        title: t('新的缴费档次', 'Your new grade'),
        fields: [
          gradeField('newGrade', t('改成每年交', 'New yearly grade')),
          {
            kind: 'integer',
            name: 'fromYear',
            label: t('从哪一年开始', 'Starting from year'),
            required: true,
            min: 2026,
            max: 2030,
          },
          phoneField(),
        ],
      },
    ],
    materials: [],
  },
  {
    code: 'INS-03',
    category: 'insurance',
    name: t('城乡居民养老保险待遇申领', 'Resident pension claim'),
    summary: t('年满 60 周岁、交够 15 年的，申请按月领养老金', 'At 60, with 15 years paid, apply for your monthly pension'),
    type: 'apply',
    siteLevel: 'village',
    identity: IDENTIFY_WITH_FACE,
    riskClass: 'money',
    serviceModes: [...AT_POINT_MODES],
    requiresDevices: ['receiptPrinter', 'documentCamera', 'faceCamera'],
    needsCountyOnline: false,
    form: [
      {
        key: 'payment',
        title: t('养老金打到哪里', 'Where to pay the pension'),
        fields: [...payToFields(t('养老金每月打到这张卡上', 'Your pension goes to this card every month')), phoneField()],
      },
      {
        key: 'confirm',
        title: t('确认', 'Confirm'),
        fields: [
          addressField(),
          {
            kind: 'choice',
            name: 'otherPension',
            label: t('是否已经在领其他养老金', 'Do you already receive another pension'),
            required: true,
            options: [
              { value: 'no', label: t('没有', 'No') },
              { value: 'yes', label: t('有（职工养老金、退休金等）', 'Yes (employee pension, retirement pay and the like)') },
            ],
          },
          truthPromise(),
        ],
      },
    ],
    materials: [householdBookletMaterial(true), bankCardMaterial(true)],
  },
  {
    code: 'INS-04',
    category: 'insurance',
    name: t('养老保险待遇领取资格认证', 'Pension eligibility certification'),
    summary: t('每年确认一次，养老金才能继续按时发', 'Confirm once a year, so your pension keeps arriving on time'),
    type: 'certify',
    siteLevel: 'village',
    identity: IDENTIFY_WITH_FACE,
    riskClass: 'application',
    // Housebound elders are certified at home by the clerk (the guide says so).
    serviceModes: [...ALL_MODES],
    requiresDevices: ['faceCamera'],
    needsCountyOnline: true,
    form: [],
    materials: [],
  },
  queryItem(
    'INS-05',
    t('个人参保信息查询', 'Enrolment status lookup'),
    t('查您参加了哪些社会保险、现在是什么状态', 'See which insurance schemes you are in and their status'),
    [],
  ),
  queryItem(
    'INS-06',
    t('个人缴费记录查询', 'Contribution record lookup'),
    t('查每年交了多少钱、交到了哪个月', 'See how much you paid each year and up to which month'),
    [{ key: 'period', title: t('查询期间', 'Period'), fields: [periodField] }],
  ),
  queryItem(
    'INS-07',
    t('养老金发放记录查询', 'Pension payment lookup'),
    t('查每个月的养老金发了多少、打到哪张卡', 'See each monthly pension payment and the card it went to'),
    [{ key: 'period', title: t('查询期间', 'Period'), fields: [periodField] }],
  ),
  printItem(
    'INS-08',
    t('个人权益记录打印', 'Social insurance record statement'),
    t('打印一张您的社保权益记录单（对账单）', 'Print your social insurance statement'),
    [
      {
        key: 'year',
        title: t('打印哪一年', 'Which year'),
        fields: [
          {
            kind: 'integer',
            name: 'year',
            label: t('年度', 'Year'),
            required: true,
            min: 2011,
            max: 2026,
          },
        ],
      },
    ],
  ),
  printItem(
    'INS-09',
    t('城乡居民养老保险参保证明打印', 'Resident pension enrolment certificate'),
    t('打印带验证码的参保证明，可在县人社网站核验', 'Print an enrolment certificate with a verification code anyone can check with the county'),
    [{ key: 'purpose', title: t('用途', 'Purpose'), fields: [printPurposeField] }],
    // Its guide promises the clerk brings the certificate to housebound elders.
    [...ALL_MODES],
  ),
  {
    code: 'INS-10',
    category: 'insurance',
    name: t('个人基本信息变更', 'Personal details change'),
    summary: t('手机号、地址、姓名变了，在这里改', 'Update your phone number, address or name'),
    type: 'apply',
    siteLevel: 'village',
    // The phone is how the county reaches the resident: changing it is an account takeover unless the holder does it.
    identity: IDENTIFY_BY_ID_CARD_WITH_FACE,
    riskClass: 'identityChange',
    serviceModes: [...AT_POINT_MODES],
    requiresDevices: ['receiptPrinter', 'documentCamera', 'faceCamera'],
    needsCountyOnline: false,
    form: [
      {
        key: 'change',
        title: t('要改什么', 'What to change'),
        fields: [
          {
            kind: 'choice',
            name: 'changeWhat',
            label: t('变更内容', 'What changed'),
            required: true,
            options: [
              { value: 'phone', label: t('手机号码', 'Phone number') },
              { value: 'address', label: t('居住地址', 'Address') },
              { value: 'name', label: t('姓名', 'Name') },
            ],
          },
          { ...phoneField('newPhone'), label: t('新的手机号码', 'New mobile number'), visibleWhen: { field: 'changeWhat', oneOf: ['phone'] } },
          { ...addressField('newAddress', t('新的居住地址', 'New address')), visibleWhen: { field: 'changeWhat', oneOf: ['address'] } },
          {
            kind: 'personName',
            name: 'newName',
            label: t('新的姓名', 'New name'),
            hint: t('要和户口簿上一致', 'Must match the household booklet'),
            required: true,
            visibleWhen: { field: 'changeWhat', oneOf: ['name'] },
          },
          truthPromise(),
        ],
      },
    ],
    materials: [{ ...householdBookletMaterial(true), visibleWhen: { field: 'changeWhat', oneOf: ['name'] } }],
  },
  {
    code: 'INS-11',
    category: 'insurance',
    name: t('养老保险待遇发放账户维护申请', 'Pension payment account update'),
    summary: t('换一张卡领养老金等待遇，要本人刷脸', 'Receive your pension on a different card; needs a face check'),
    type: 'apply',
    siteLevel: 'village',
    identity: IDENTIFY_BY_ID_CARD_WITH_FACE,
    riskClass: 'identityChange',
    serviceModes: [...AT_POINT_MODES],
    requiresDevices: ['receiptPrinter', 'documentCamera', 'faceCamera'],
    needsCountyOnline: false,
    form: [
      {
        key: 'newAccount',
        title: t('新的银行卡', 'The new card'),
        fields: [
          ...bankFields(t('以后待遇打到这张卡上', 'From now on, payments go to this card')),
          accountHolderField(),
          {
            kind: 'choice',
            name: 'reason',
            label: t('为什么要换', 'Why you are changing'),
            required: true,
            options: [
              { value: 'cardLost', label: t('原来的卡丢了', 'The old card was lost') },
              { value: 'cardExpired', label: t('原来的卡过期或销户了', 'The old card expired or was closed') },
              { value: 'useSocialSecurityCard', label: t('改用社保卡领取', 'I want to use my social security card') },
              { value: 'convenience', label: t('换一家方便取钱的银行', 'A bank nearer to me') },
            ],
          },
        ],
      },
      { key: 'confirm', title: t('确认', 'Confirm'), fields: [phoneField(), truthPromise()] },
    ],
    materials: [bankCardMaterial()],
  },
  {
    code: 'INS-12',
    category: 'insurance',
    name: t('养老保险关系转移接续申请', 'Pension transfer'),
    summary: t('在外地交过养老保险的，把记录转回来或转出去', 'Move pension records paid elsewhere to here, or from here to elsewhere'),
    type: 'apply',
    siteLevel: 'village',
    identity: IDENTIFY_BY_EITHER_CARD,
    riskClass: 'application',
    serviceModes: [...ALL_MODES],
    requiresDevices: ['receiptPrinter', 'documentCamera'],
    needsCountyOnline: false,
    form: [
      {
        key: 'transfer',
        title: t('怎么转', 'The transfer'),
        fields: [
          {
            kind: 'choice',
            name: 'direction',
            label: t('转入还是转出', 'Into or out of this county'),
            required: true,
            options: [
              { value: 'in', label: t('从外地转到本县', 'From elsewhere into this county') },
              { value: 'out', label: t('从本县转到外地', 'From this county to elsewhere') },
            ],
          },
          {
            kind: 'choice',
            name: 'scheme',
            label: t('原来交的是哪种养老保险', 'Which pension scheme you paid into'),
            required: true,
            options: [
              { value: 'resident', label: t('城乡居民养老保险', 'Resident pension') },
              { value: 'employee', label: t('企业职工养老保险', 'Employee pension') },
            ],
          },
          {
            kind: 'text',
            name: 'otherPlace',
            label: t('对方所在地（省、市、县）', 'The other place (province, city, county)'),
            required: true,
            minLength: 4,
            maxLength: 40,
          },
          phoneField(),
        ],
      },
    ],
    materials: [
      {
        code: 'contributionCertificate',
        name: t('原参保地开具的参保缴费凭证', 'Contribution certificate from the former place'),
        required: true,
        maxPages: 4,
        visibleWhen: { field: 'direction', oneOf: ['in'] },
      },
    ],
  },
  {
    code: 'INS-13',
    category: 'insurance',
    name: t('城乡居民养老保险注销登记', 'Resident pension deregistration'),
    summary: t(
      '注销就是把城乡居民养老保险关掉：参保人去世或出国定居时办理（参加了职工养老保险的不要注销，要办转移）',
      'Closing the resident pension: when the insured person dies or settles abroad (if you joined the employee pension, do not close it; transfer it)',
    ),
    type: 'apply',
    siteLevel: 'village',
    identity: IDENTIFY_BY_EITHER_CARD,
    riskClass: 'application',
    serviceModes: [...ALL_MODES],
    requiresDevices: ['receiptPrinter', 'documentCamera'],
    needsCountyOnline: false,
    form: [
      {
        key: 'reason',
        title: t('注销原因', 'Why'),
        fields: [
          {
            kind: 'choice',
            name: 'reason',
            label: t('注销原因', 'Reason'),
            required: true,
            options: [
              { value: 'died', label: t('参保人去世（家属办理）', 'The insured person died (a relative applies)') },
              { value: 'settledAbroad', label: t('出国（境）定居', 'Settled abroad') },
            ],
          },
          phoneField(),
        ],
      },
      {
        key: 'deceased',
        title: t('去世人员信息', 'The person who died'),
        fields: deceasedFields({ field: 'reason', oneOf: ['died'] }),
      },
      { key: 'confirm', title: t('确认', 'Confirm'), fields: [truthPromise()] },
    ],
    materials: [
      deathCertificate({ field: 'reason', oneOf: ['died'] }),
      relationshipProof({ field: 'reason', oneOf: ['died'] }),
      {
        code: 'abroadProof',
        name: t('出国（境）定居证明', 'Proof of settling abroad'),
        required: true,
        maxPages: 4,
        visibleWhen: { field: 'reason', oneOf: ['settledAbroad'] },
      },
    ],
  },
  {
    code: 'INS-14',
    category: 'insurance',
    name: t('丧葬补助金、抚恤金申领', 'Funeral grant and survivor benefit'),
    summary: t('领养老金的人去世后，家属申领丧葬补助金和抚恤金', 'When a pensioner dies, the family claims the funeral grant and survivor benefit'),
    type: 'apply',
    siteLevel: 'village',
    identity: IDENTIFY_WITH_FACE,
    riskClass: 'money',
    serviceModes: [...AT_POINT_MODES],
    requiresDevices: ['receiptPrinter', 'documentCamera', 'faceCamera'],
    needsCountyOnline: false,
    form: [
      { key: 'deceased', title: t('去世人员信息', 'The person who died'), fields: deceasedFields() },
      {
        key: 'payment',
        title: t('钱打到哪里', 'Where to pay'),
        fields: [...payToFields(t('申领人本人的卡', 'A card in your own name')), phoneField(), truthPromise()],
      },
    ],
    materials: [deathCertificate(), relationshipProof(), bankCardMaterial(true)],
  },
  {
    code: 'INS-15',
    category: 'insurance',
    name: t('个人账户一次性待遇申领', 'One-off personal account payment'),
    summary: t('参保人去世或出国定居，个人账户里剩下的钱一次性领走', 'When the insured person dies or settles abroad, the balance of the personal account is paid out'),
    type: 'apply',
    siteLevel: 'village',
    identity: IDENTIFY_WITH_FACE,
    riskClass: 'money',
    serviceModes: [...AT_POINT_MODES],
    requiresDevices: ['receiptPrinter', 'documentCamera', 'faceCamera'],
    needsCountyOnline: false,
    form: [
      {
        key: 'reason',
        title: t('申领原因', 'Why'),
        fields: [
          {
            kind: 'choice',
            name: 'reason',
            label: t('申领原因', 'Reason'),
            required: true,
            options: [
              { value: 'insuredDied', label: t('参保人去世（继承人申领）', 'The insured person died (an heir claims)') },
              { value: 'settledAbroad', label: t('本人出国（境）定居', 'I am settling abroad') },
            ],
          },
        ],
      },
      {
        key: 'deceased',
        title: t('去世人员信息', 'The person who died'),
        fields: deceasedFields({ field: 'reason', oneOf: ['insuredDied'] }),
      },
      {
        key: 'payment',
        title: t('钱打到哪里', 'Where to pay'),
        fields: [...payToFields(t('申领人本人的卡', 'A card in your own name')), phoneField(), truthPromise()],
      },
    ],
    materials: [
      deathCertificate({ field: 'reason', oneOf: ['insuredDied'] }),
      relationshipProof({ field: 'reason', oneOf: ['insuredDied'] }),
      {
        code: 'abroadProof',
        name: t('出国（境）定居证明', 'Proof of settling abroad'),
        required: true,
        maxPages: 4,
        visibleWhen: { field: 'reason', oneOf: ['settledAbroad'] },
      },
      bankCardMaterial(true),
    ],
  },
  {
    code: 'INS-16',
    category: 'insurance',
    name: t('灵活就业人员参保登记', 'Enrolment of the flexibly employed'),
    summary: t('打零工、自己干的，以个人身份参加职工养老保险', 'Odd-job workers and the self-employed join the employee pension on their own'),
    type: 'apply',
    siteLevel: 'village',
    identity: IDENTIFY_BY_EITHER_CARD,
    riskClass: 'application',
    serviceModes: [...ALL_MODES],
    requiresDevices: ['receiptPrinter'],
    needsCountyOnline: false,
    form: [
      {
        key: 'work',
        title: t('工作和缴费', 'Work and contributions'),
        fields: [
          {
            kind: 'choice',
            name: 'workKind',
            label: t('从事什么工作', 'What you do'),
            required: true,
            options: [
              { value: 'oddJobs', label: t('打零工', 'Odd jobs') },
              { value: 'selfEmployed', label: t('个体经营', 'Own small business') },
              { value: 'platform', label: t('外卖、网约车等平台工作', 'Platform work (delivery, ride-hailing)') },
              { value: 'freelance', label: t('其他自由职业', 'Other freelance work') },
            ],
          },
          {
            kind: 'choice',
            name: 'baseLevel',
            label: t('按多少工资交（缴费基数）', 'The wage you pay on (contribution base)'),
            hint: t(
              '100% 就是按全省职工平均工资交；选 60% 交得最少，选得越高交得越多、将来领得越多',
              '100% means paying on the average wage in the province; 60% pays least, and the higher you choose, the more you pay and later receive',
            ),
            required: true,
            options: [
              { value: 'p60', label: t('60%', '60%') },
              { value: 'p80', label: t('80%', '80%') },
              { value: 'p100', label: t('100%', '100%') },
              { value: 'p150', label: t('150%', '150%') },
              { value: 'p200', label: t('200%', '200%') },
            ],
          },
          {
            kind: 'date',
            name: 'startOn',
            label: t('从哪天开始交', 'Start paying from'),
            required: true,
            min: { daysFromToday: -31 },
            max: { daysFromToday: 90 },
          },
        ],
      },
      { key: 'contact', title: t('联系方式', 'Contact'), fields: [phoneField(), addressField(), truthPromise()] },
    ],
    materials: [],
  },
  printItem(
    'INS-17',
    t('企业职工养老保险参保证明打印', 'Employee pension enrolment certificate'),
    t('在单位或灵活就业交职工养老保险的，打印参保证明', 'Print a certificate of your employee pension contributions'),
    [{ key: 'purpose', title: t('用途', 'Purpose'), fields: [printPurposeField] }],
  ),
  queryItem(
    'INS-18',
    t('工伤保险待遇查询', 'Work-injury benefit lookup'),
    t('查工伤认定结果和工伤待遇发放情况', 'See your work-injury decision and the benefits paid'),
    [],
  ),
];
