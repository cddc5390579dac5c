import { AT_POINT_MODES, IDENTIFY_BY_ID_CARD_WITH_FACE, phoneField, t, type ItemRecord } from '../fields';

/** 用社保卡: the 3 social security card items (CATALOG.md). */

export const CARD_ITEMS: ItemRecord[] = [
  {
    code: 'CARD-01',
    category: 'card',
    name: t('社会保障卡申领', 'Social security card application'),
    summary: t('第一次办社保卡，或者卡坏了、丢了补办', 'Your first social security card, or a replacement for a broken or lost one'),
    type: 'apply',
    siteLevel: 'village',
    // A new card is a bank card in the resident's name: the holder's ID card and face, never a typed number.
    identity: IDENTIFY_BY_ID_CARD_WITH_FACE,
    riskClass: 'card',
    serviceModes: [...AT_POINT_MODES],
    requiresDevices: ['receiptPrinter', 'documentCamera', 'faceCamera'],
    needsCountyOnline: false,
    form: [
      {
        key: 'request',
        title: t('办卡情况', 'Your card'),
        fields: [
          {
            kind: 'choice',
            name: 'requestKind',
            label: t('办理类型', 'What you need'),
            required: true,
            options: [
              { value: 'first', label: t('第一次申领', 'First card') },
              { value: 'replaceLost', label: t('丢失补办', 'Replace a lost card') },
              { value: 'replaceDamaged', label: t('损坏换卡', 'Replace a damaged card') },
            ],
          },
          {
            kind: 'choice',
            name: 'bank',
            label: t('卡上的银行', 'Bank on the card'),
            hint: t('社保卡同时是一张银行卡', 'The social security card is also a bank card'),
            required: true,
            options: [
              { value: 'rcc', label: t('农村信用社（农商银行）', 'Rural credit cooperative (rural commercial bank)') },
              { value: 'psbc', label: t('中国邮政储蓄银行', 'Postal Savings Bank of China') },
              { value: 'abc', label: t('中国农业银行', 'Agricultural Bank of China') },
              { value: 'ccb', label: t('中国建设银行', 'China Construction Bank') },
            ],
          },
          {
            kind: 'choice',
            name: 'pickUp',
            label: t('怎么拿卡', 'How to get the card'),
            required: true,
            options: [
              { value: 'villagePoint', label: t('送到本村服务点领取', 'Collect at this village point') },
              { value: 'bankBranch', label: t('到所选银行网点领取', 'Collect at a branch of the chosen bank') },
              { value: 'registeredAddress', label: t('寄到身份证上的地址', 'Posted to the address on my ID card') },
            ],
          },
        ],
      },
      {
        key: 'contact',
        title: t('联系方式', 'Contact'),
        fields: [
          phoneField(),
        ],
      },
    ],
    materials: [
      {
        code: 'photo',
        name: t('本人近期免冠彩色照片', 'A recent colour photo of you, bareheaded'),
        note: t('白底，露出耳朵和眉毛；也可以请工作人员现场拍', 'White background, ears and eyebrows visible; the clerk can also take one here'),
        required: true,
        maxPages: 1,
      },
      {
        code: 'damagedCard',
        name: t('损坏的旧社保卡', 'The damaged old card'),
        required: true,
        maxPages: 2,
        visibleWhen: { field: 'requestKind', oneOf: ['replaceDamaged'] },
      },
    ],
  },
  {
    code: 'CARD-02',
    category: 'card',
    name: t('社会保障卡临时挂失与解挂', 'Report a lost card, or cancel the report'),
    summary: t('卡丢了马上挂失，防止被别人用；找到了再解除挂失（解挂）', 'Lost your card? Block it at once; found it? Unblock it'),
    type: 'card',
    siteLevel: 'village',
    // The name and number are printed on the card, so whoever found it knows them: the ID card and the face decide.
    identity: IDENTIFY_BY_ID_CARD_WITH_FACE,
    riskClass: 'card',
    serviceModes: [...AT_POINT_MODES],
    requiresDevices: ['receiptPrinter', 'faceCamera'],
    // Recorded offline too (the screen then says it is not yet blocked and gives the loss hotline); sent at once online.
    needsCountyOnline: false,
    immediate: true,
    cardOperations: ['reportLoss', 'cancelLossReport'],
    form: [
      {
        key: 'operation',
        title: t('挂失，还是解除挂失', 'Block or unblock'),
        fields: [
          {
            kind: 'choice',
            name: 'operation',
            label: t('您要办理', 'You want to'),
            required: true,
            options: [
              { value: 'reportLoss', label: t('临时挂失（卡丢了）', 'Block the card (it is lost)') },
              { value: 'cancelLossReport', label: t('解除挂失（卡找到了）', 'Unblock the card (I found it)') },
            ],
          },
          phoneField(),
        ],
      },
    ],
    materials: [],
  },
  {
    code: 'CARD-03',
    category: 'card',
    name: t('社会保障卡启用与密码修改、重置', 'Activate the card, change or reset the PIN'),
    summary: t('新卡启用、改密码，忘了密码也可以重置', 'Activate a new card, change the PIN, or reset a forgotten one'),
    type: 'card',
    siteLevel: 'village',
    // A found card must not be reset and used: the holder's ID card on the reader (matching the card) and face.
    identity: IDENTIFY_BY_ID_CARD_WITH_FACE,
    riskClass: 'card',
    serviceModes: [...AT_POINT_MODES],
    requiresDevices: ['socialSecurityCardReader', 'receiptPrinter', 'faceCamera'],
    needsCountyOnline: true,
    cardOperations: ['activate', 'changePin', 'resetPin'],
    form: [
      {
        key: 'operation',
        title: t('要办什么', 'What to do'),
        fields: [
          {
            kind: 'choice',
            name: 'operation',
            label: t('您要办理', 'You want to'),
            required: true,
            options: [
              { value: 'activate', label: t('启用新卡', 'Activate a new card') },
              { value: 'changePin', label: t('修改密码（记得原密码）', 'Change the PIN (I know the old one)') },
              { value: 'resetPin', label: t('重置密码（忘了原密码）', 'Reset the PIN (I forgot it)') },
            ],
          },
        ],
      },
    ],
    materials: [],
  },
];
