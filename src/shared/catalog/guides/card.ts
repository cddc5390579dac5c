import { HANDLERS, LAWS, type GuideDraft } from './draft';

/** Guides and FAQs of the 3 用社保卡 items. */

export const CARD_GUIDES: Record<string, GuideDraft> = {
  'CARD-01': {
    conditions: [
      ['参加了社会保险的人，第一次办卡、卡丢了补办、卡坏了换卡都可以', 'Anyone insured: a first card, a replacement for a lost one, or an exchange for a damaged one'],
      ['16 岁以下的孩子由父母带着户口簿到窗口办理', 'Children under 16 apply at the window with a parent and the household booklet'],
    ],
    steps: [
      ['在读卡器上放身份证', 'Put your ID card on the reader'],
      ['选择办卡类型、卡上的银行和拿卡方式', 'Choose the kind of request, the bank on the card, and how to get it'],
      ['在拍照机（高拍仪）下拍一张照片，或请工作人员现场拍', 'Take a photo on the document camera, or the clerk takes one'],
      ['看着摄像头刷脸，确认是您本人', 'Look at the camera for a face check, so we know it is you'],
      ['提交后拿好回执，卡做好后短信通知您；卡只送到本服务点、银行网点，或寄到身份证上的地址', 'Keep the receipt; a text tells you when the card is ready. It goes only to this point, a bank branch, or the address on your ID card'],
      ['拿到新卡后，在本机"社会保障卡启用与密码修改"里启用', 'Activate the new card with "Activate the card, change or reset the PIN" on this machine'],
    ],
    timeLimit: ['一般 15 个工作日内制好卡', 'Usually ready within 15 working days'],
    basis: [LAWS.socialInsurance, LAWS.socialSecurityCard, LAWS.cardFinancial],
    handledBy: HANDLERS.card,
    faq: [
      [
        ['补卡要钱吗？', 'Does a replacement cost anything?'],
        ['在本服务点办理不收费。', 'Not at this service point.'],
      ],
      [
        ['为什么不能寄到我写的地址？', 'Why can the card not be posted to an address I type?'],
        [
          '社保卡也是银行卡。为了不让卡落到别人手里，只送到本服务点、银行网点，或寄到您身份证上的地址。',
          'The card is also a bank card. So that it cannot reach someone else, it goes only to this point, a bank branch, or the address on your ID card.',
        ],
      ],
      [
        ['旧卡里的钱会不会丢？', 'Will I lose the money on my old card?'],
        ['不会。新卡和旧卡用同一个社保账户，银行账户里的钱会转到新卡上。', 'No. The new card uses the same social insurance record, and the bank moves the balance to the new card.'],
      ],
      [
        ['照片有什么要求？', 'What photo is needed?'],
        ['近期白底彩色正面免冠照，不戴帽子和墨镜，露出眉毛和耳朵。', 'A recent colour photo facing the camera on white, no hat or dark glasses, eyebrows and ears visible.'],
      ],
    ],
  },
  'CARD-02': {
    conditions: [
      ['社保卡丢了的本人，马上临时挂失', 'If your card is lost, block it straight away'],
      ['挂失后又找到卡的，可以解除挂失', 'If you find it again, unblock it'],
    ],
    steps: [
      ['在读卡器上放身份证（卡丢了，所以用身份证）', 'Put your ID card on the reader (the social security card is lost)'],
      ['选择挂失，还是解除挂失（解挂），填写手机号码', 'Choose block or unblock and enter your phone number'],
      ['看着摄像头刷脸，确认是卡的主人本人', 'Look at the camera for a face check, so we know you are the card holder'],
      ['提交后马上生效，打印回执', 'It takes effect at once; a receipt is printed'],
    ],
    timeLimit: [
      '当场生效，需要联网；临时挂失 {{cardBlockDays}}后自动解除，找不回卡的，请在这之前办补卡',
      'Immediate, needs the network; a temporary block lifts by itself after {{cardBlockDays}}, so if the card stays lost, apply for a replacement before then',
    ],
    basis: [LAWS.socialInsurance, LAWS.socialSecurityCard, LAWS.cardFinancial],
    handledBy: HANDLERS.card,
    faq: [
      [
        ['挂失以后还能领养老金吗？', 'Can I still receive my pension after blocking the card?'],
        [
          '能。养老金照常打到卡的银行账户里。这里挂失的是社保功能；要让别人没法用这张卡取钱，请同时打卡上银行的电话挂失银行功能。',
          'Yes. The pension is still paid into the card’s bank account. This blocks the social security side; to stop anyone withdrawing cash with the card, also call the bank on the card to block the bank side.',
        ],
      ],
      [
        ['银行卡的钱也一起挂失了吗？', 'Is the bank side blocked too?'],
        [
          '没有。这里只挂失社保功能，卡里的钱还能被取走。请马上打卡上银行的电话挂失银行功能；找回卡后，银行功能到银行解除。',
          'No. This blocks the social security side only, and the money can still be withdrawn. Call the bank on the card at once to block the bank side; once you find the card, the bank unblocks that side.',
        ],
      ],
    ],
  },
  'CARD-03': {
    conditions: [
      ['拿到新卡还没启用的', 'You have a new card not yet activated'],
      ['想改密码的，或者忘了密码、输错密码被锁的', 'You want to change the PIN, or forgot it, or it is locked after wrong tries'],
    ],
    steps: [
      ['在读卡器上放本人身份证（只插社保卡不能办）', 'Put your own ID card on the reader (the social security card alone is not enough)'],
      ['选择启用、修改密码还是重置密码', 'Choose activate, change PIN or reset PIN'],
      ['看着摄像头刷脸，确认是您本人', 'Look at the camera for a face check, so we know it is you'],
      ['把社保卡插进社保卡读卡器，卡要和身份证是同一个人的', 'Insert your social security card into its reader; it must belong to the same person as the ID card'],
      ['在屏幕上的密码键盘输入密码，输入时请用手挡住', 'Type the PIN on the on-screen pad; shield it with your hand'],
      ['办完后取回社保卡和回执', 'Take back your card and the receipt'],
    ],
    timeLimit: ['当场办结，需要联网', 'Done on the spot; needs the network'],
    basis: [LAWS.socialInsurance, LAWS.socialSecurityCard, LAWS.cardFinancial],
    handledBy: HANDLERS.card,
    faq: [
      [
        ['新卡的初始密码是多少？', 'What is the PIN of a new card?'],
        ['新卡初始密码是 123456，启用时必须改成您自己的 6 位数字密码。', 'A new card starts with 123456; when you activate it you must change it to your own 6 digits.'],
      ],
      [
        ['密码输错几次会锁卡？', 'How many wrong tries lock the card?'],
        [
          '连续输错 {{pinTries}}会锁住，屏幕会提示还剩几次。锁了可以在这里选"重置密码"，要带本人身份证并刷脸。',
          'Entering a wrong PIN {{pinTries}} in a row locks it; the screen shows how many tries are left. If it locks, choose "Reset the PIN" here, with your ID card and a face check.',
        ],
      ],
      [
        ['社保卡密码和银行卡密码一样吗？', 'Is this PIN the same as the bank PIN?'],
        ['不一样。这里改的是社保功能的密码，银行取钱的密码要到银行改。', 'No. This is the social security PIN; the bank PIN is changed at the bank.'],
      ],
    ],
  },
};
