import { BANKS, choiceField, contactStep, formStep, material, phoneField, requestKindField, zhEn, type FieldInput } from '../fields';
import { cardHeader } from '../record-headers';
import { defineItem } from '../define-item';
import { HANDLERS, LAWS } from '../guide-texts';
import type { CardOperation, CatalogItemInput, LocalisedText } from '../schema';
import type { ItemRecord } from '../define-item';

/** 用社保卡: the 3 social security card items (CATALOG.md). */

/** The step where the holder's face is checked, before anything happens to the card. */
const FACE_CHECK: LocalisedText = zhEn('看着摄像头刷脸，确认是您本人', 'Look at the camera for a face check, so we know it is you');

/** One operation on the card: its code, then its words in Chinese and in English. */
type OperationChoice = readonly [operation: CardOperation, zh: string, en: string];

/**
 * The operations a card item offers, each written once: the record's `cardOperations` and the screen where the
 * resident picks one (您要办理), with any fields that follow on that screen.
 */
function cardOperations(title: LocalisedText, operations: readonly OperationChoice[], more: FieldInput[] = []): Pick<ItemRecord, 'cardOperations' | 'form'> {
  return {
    cardOperations: operations.map(([operation]) => operation),
    form: [formStep('operation', title, [choiceField('operation', zhEn('您要办理', 'You want to'), operations), ...more])],
  };
}

/** The banks that issue the county's social security cards (the card is also a bank card). */
const CARD_BANKS = BANKS.filter(([value]) => ['rcc', 'psbc', 'abc', 'ccb'].includes(value));

export const CARD_ITEMS: CatalogItemInput[] = [
  defineItem({
    // A new card is a bank card in the resident's name: the holder's ID card and face, never a typed number.
    ...cardHeader(
      'apply',
      'CARD-01',
      zhEn('社会保障卡申领', 'Social security card application'),
      zhEn('第一次办社保卡，或者卡坏了、丢了补办', 'Your first social security card, or a replacement for a broken or lost one'),
      { needsCountyOnline: false },
    ),
    form: [
      formStep('request', zhEn('办卡情况', 'Your card'), [
        requestKindField([
          ['first', '第一次申领', 'First card'],
          ['replaceLost', '丢失补办', 'Replace a lost card'],
          ['replaceDamaged', '损坏换卡', 'Replace a damaged card'],
        ]),
        choiceField('bank', zhEn('卡上的银行', 'Bank on the card'), CARD_BANKS, { hint: zhEn('社保卡同时是一张银行卡', 'The social security card is also a bank card') }),
        choiceField('pickUp', zhEn('怎么拿卡', 'How to get the card'), [
          ['villagePoint', '送到本村服务点领取', 'Collect at this village point'],
          ['bankBranch', '到所选银行网点领取', 'Collect at a branch of the chosen bank'],
          ['registeredAddress', '寄到身份证上的地址', 'Posted to the address on my ID card'],
        ]),
      ]),
      contactStep([phoneField()]),
    ],
    materials: [
      material(
        'photo',
        zhEn('本人近期免冠彩色照片', 'A recent colour photo of you, bareheaded'),
        1,
        { note: zhEn('白底，露出耳朵和眉毛；也可以请工作人员现场拍', 'White background, ears and eyebrows visible; the clerk can also take one here') },
      ),
      material('damagedCard', zhEn('损坏的旧社保卡', 'The damaged old card'), 2, { visibleWhen: { field: 'requestKind', oneOf: ['replaceDamaged'] } }),
    ],
    keywords: ['社保卡', '办卡', '补卡'],
    guide: {
      conditions: [
        zhEn('参加了社会保险', 'You are insured'),
        zhEn('第一次办卡、卡丢了补办、卡坏了换卡，都在这里办', 'A first card, a replacement for a lost one and an exchange for a damaged one are all done here'),
        zhEn('16 岁以下的孩子由父母带着户口簿到窗口办理', 'Children under 16 apply at the window with a parent and the household booklet'),
      ],
      identify: zhEn('在读卡器上放身份证', 'Put your ID card on the reader'),
      steps: [
        zhEn('选择办卡类型、卡上的银行和拿卡方式', 'Choose the kind of request, the bank on the card, and how to get it'),
        zhEn('在拍照机（高拍仪）下拍一张照片，或请工作人员现场拍', 'Take a photo on the document camera, or the clerk takes one'),
        FACE_CHECK,
        zhEn('提交后拿好回执，卡做好后短信通知您；卡只送到本服务点、银行网点，或寄到身份证上的地址', 'Keep the receipt; a text tells you when the card is ready. It goes only to this point, a bank branch, or the address on your ID card'),
        zhEn('拿到新卡后，在本机"社会保障卡启用与密码修改"里启用', 'Activate the new card with "Activate the card, change or reset the PIN" on this machine'),
      ],
      timeLimit: zhEn('一般 15 个工作日内制好卡', 'Usually ready within 15 working days'),
      basis: [LAWS.socialInsurance, LAWS.socialSecurityCard, LAWS.cardFinancial],
      handledBy: HANDLERS.card,
    },
    faq: [
      {
        question: zhEn('补卡要钱吗？', 'Does a replacement cost anything?'),
        answer: zhEn('在本服务点办理不收费。', 'Not at this service point.'),
      },
      {
        question: zhEn('为什么不能寄到我写的地址？', 'Why can the card not be posted to an address I type?'),
        answer: zhEn(
          '社保卡也是银行卡。为了不让卡落到别人手里，只送到本服务点、银行网点，或寄到您身份证上的地址。',
          'The card is also a bank card. So that it cannot reach someone else, it goes only to this point, a bank branch, or the address on your ID card.',
        ),
      },
      {
        question: zhEn('旧卡里的钱会不会丢？', 'Will I lose the money on my old card?'),
        answer: zhEn('不会。新卡和旧卡用同一个社保账户，银行账户里的钱会转到新卡上。', 'No. The new card uses the same social insurance record, and the bank moves the balance to the new card.'),
      },
      {
        question: zhEn('照片有什么要求？', 'What photo is needed?'),
        answer: zhEn('近期白底彩色正面免冠照，不戴帽子和墨镜，露出眉毛和耳朵。', 'A recent colour photo facing the camera on white, no hat or dark glasses, eyebrows and ears visible.'),
      },
    ],
  }),
  defineItem({
    // The name and number are printed on the card, so whoever found it knows them: the ID card and the face decide.
    // Recorded offline too (the screen then says it is not yet blocked and gives the loss hotline); sent at once online.
    ...cardHeader(
      'card',
      'CARD-02',
      zhEn('社会保障卡临时挂失与解挂', 'Report a lost card, or cancel the report'),
      zhEn('卡丢了马上挂失，防止被别人用；找到了再解除挂失（解挂）', 'Lost your card? Block it at once; found it? Unblock it'),
      { needsCountyOnline: false },
    ),
    immediate: true,
    ...cardOperations(
      zhEn('挂失，还是解除挂失', 'Block or unblock'),
      [
        ['reportLoss', '临时挂失（卡丢了）', 'Block the card (it is lost)'],
        ['cancelLossReport', '解除挂失（卡找到了）', 'Unblock the card (I found it)'],
      ],
      [phoneField()],
    ),
    materials: [],
    keywords: ['社保卡', '挂失', '丢卡'],
    guide: {
      conditions: [
        zhEn('社保卡丢了的本人，马上临时挂失', 'If your card is lost, block it straight away'),
        zhEn('挂失后又找到卡的，可以解除挂失', 'If you find it again, unblock it'),
      ],
      identify: zhEn('在读卡器上放身份证（卡丢了，所以用身份证）', 'Put your ID card on the reader (the social security card is lost)'),
      steps: [
        zhEn('选择挂失，还是解除挂失（解挂），填写手机号码', 'Choose block or unblock and enter your phone number'),
        zhEn('看着摄像头刷脸，确认是卡的主人本人', 'Look at the camera for a face check, so we know you are the card holder'),
        zhEn('提交后马上生效，打印回执', 'It takes effect at once; a receipt is printed'),
      ],
      timeLimit: zhEn(
        '当场生效，需要联网；临时挂失 {{cardBlockDays}}后自动解除，找不回卡的，请在这之前办补卡',
        'Immediate, needs the network; a temporary block lifts by itself after {{cardBlockDays}}, so if the card stays lost, apply for a replacement before then',
      ),
      basis: [LAWS.socialInsurance, LAWS.socialSecurityCard, LAWS.cardFinancial],
      handledBy: HANDLERS.card,
    },
    faq: [
      {
        question: zhEn('挂失以后还能领养老金吗？', 'Can I still receive my pension after blocking the card?'),
        answer: zhEn(
          '能。养老金照常打到卡的银行账户里。这里挂失的是社保功能；要让别人没法用这张卡取钱，请同时打卡上银行的电话挂失银行功能。',
          'Yes. The pension is still paid into the card’s bank account. This blocks the social security side; to stop anyone withdrawing cash with the card, also call the bank on the card to block the bank side.',
        ),
      },
      {
        question: zhEn('银行卡的钱也一起挂失了吗？', 'Is the bank side blocked too?'),
        answer: zhEn(
          '没有。这里只挂失社保功能，卡里的钱还能被取走。请马上打卡上银行的电话挂失银行功能；找回卡后，银行功能到银行解除。',
          'No. This blocks the social security side only, and the money can still be withdrawn. Call the bank on the card at once to block the bank side; once you find the card, the bank unblocks that side.',
        ),
      },
    ],
  }),
  defineItem({
    // A found card must not be reset and used: the holder's ID card on the reader (matching the card) and face.
    ...cardHeader(
      'card',
      'CARD-03',
      zhEn('社会保障卡启用与密码修改、重置', 'Activate the card, change or reset the PIN'),
      zhEn('新卡启用、改密码，忘了密码也可以重置', 'Activate a new card, change the PIN, or reset a forgotten one'),
      { needsCountyOnline: true },
    ),
    ...cardOperations(zhEn('要办什么', 'What to do'), [
      ['activate', '启用新卡', 'Activate a new card'],
      ['changePin', '修改密码（记得原密码）', 'Change the PIN (I know the old one)'],
      ['resetPin', '重置密码（忘了原密码）', 'Reset the PIN (I forgot it)'],
    ]),
    materials: [],
    keywords: ['社保卡', '密码', '激活'],
    guide: {
      conditions: [
        zhEn('拿到新卡还没启用的', 'You have a new card not yet activated'),
        zhEn('想改密码的', 'You want to change the PIN'),
        zhEn('忘了密码，或者输错密码被锁的', 'You forgot the PIN, or it is locked after wrong tries'),
      ],
      identify: zhEn('在读卡器上放本人身份证（只插社保卡不能办）', 'Put your own ID card on the reader (the social security card alone is not enough)'),
      steps: [
        zhEn('选择启用、修改密码还是重置密码', 'Choose activate, change PIN or reset PIN'),
        FACE_CHECK,
        zhEn('把社保卡插进社保卡读卡器，卡要和身份证是同一个人的', 'Insert your social security card into its reader; it must belong to the same person as the ID card'),
        zhEn('在屏幕上的密码键盘输入密码，输入时请用手挡住', 'Type the PIN on the on-screen pad; shield it with your hand'),
        zhEn('办完后取回社保卡和回执', 'Take back your card and the receipt'),
      ],
      timeLimit: zhEn('当场办结，需要联网', 'Done on the spot; needs the network'),
      basis: [LAWS.socialInsurance, LAWS.socialSecurityCard, LAWS.cardFinancial],
      handledBy: HANDLERS.card,
    },
    faq: [
      {
        question: zhEn('新卡的初始密码是多少？', 'What is the PIN of a new card?'),
        answer: zhEn('新卡初始密码是 123456，启用时必须改成您自己的 6 位数字密码。', 'A new card starts with 123456; when you activate it you must change it to your own 6 digits.'),
      },
      {
        question: zhEn('密码输错几次会锁卡？', 'How many wrong tries lock the card?'),
        answer: zhEn(
          '连续输错 {{pinTries}}会锁住，屏幕会提示还剩几次。锁了可以在这里选"重置密码"，要带本人身份证并刷脸。',
          'Entering a wrong PIN {{pinTries}} in a row locks it; the screen shows how many tries are left. If it locks, choose "Reset the PIN" here, with your ID card and a face check.',
        ),
      },
      {
        question: zhEn('社保卡密码和银行卡密码一样吗？', 'Is this PIN the same as the bank PIN?'),
        answer: zhEn('不一样。这里改的是社保功能的密码，银行取钱的密码要到银行改。', 'No. This is the social security PIN; the bank PIN is changed at the bank.'),
      },
    ],
  }),
];
