import { CONTRIBUTION_FEE, HANDLERS, LAWS, type GuideDraft } from './draft';

/** Guides and FAQs of the 4 items only the township's demonstration point offers. */

export const DEMO_GUIDES: Record<string, GuideDraft> = {
  'DEMO-01': {
    conditions: [['参加了社会保险的人，打印本人所有险种的参保证明', 'Anyone insured, a certificate covering all their own insurance']],
    steps: [
      ['刷身份证或社保卡', 'Use your ID card or social security card'],
      ['选择证明上列出多长时间的缴费记录', 'Choose how long a contribution history to include'],
      ['A4 打印机打出证明，请取走', 'Take the A4 certificate from the printer'],
    ],
    timeLimit: ['当场打印，需要联网', 'Printed on the spot; needs the network'],
    basis: [LAWS.socialInsurance, LAWS.rightsRecords],
    handledBy: HANDLERS.township,
    faq: [
      [
        ['村里的服务点为什么打不了这个？', 'Why can village points not print this?'],
        ['全险种证明是 A4 纸的，要用乡里示范点的 A4 打印机。', 'It is an A4 document and needs the A4 printer at the township demonstration point.'],
      ],
      [
        ['证明上有医疗保险吗？', 'Does it include medical insurance?'],
        [
          '有。养老、医疗、失业、工伤各险种的参保状态和交费记录都会列出；没参加的险种写"未参保"。',
          'Yes: pension, medical, unemployment and work-injury insurance are all listed, with "not insured" for any you are not in.',
        ],
      ],
    ],
  },
  'DEMO-02': {
    conditions: [
      ['领养老金的人，刷脸认证多次不通过、相貌变化大，或以前没建过模', 'Pensioners whose face certification keeps failing, whose appearance has changed, or who never had a face model'],
    ],
    steps: [
      ['刷身份证或社保卡', 'Use your ID card or social security card'],
      ['选择重新建模的原因', 'Choose why you are re-taking the model'],
      ['坐在建模机前，摘下帽子和眼镜，按提示眨眼、转头', 'Sit at the modelling machine, take off hat and glasses, blink and turn as asked'],
      ['刷脸总是不成功的，选"请工作人员当面核对"，工作人员核对身份证后提交，乡镇人社所另外安排采集', 'If face checks keep failing, choose "the clerk checks me": the clerk checks your ID card and submits, and the township office arranges the capture'],
      ['建模成功后，以后在村里的机器上刷脸就能通过', 'Once done, the face check at your village machine will recognise you'],
    ],
    timeLimit: ['当场完成，需要联网；新模型下一个工作日生效', 'Done on the spot, needs the network; the new model works from the next working day'],
    basis: [LAWS.socialInsurance, LAWS.certification],
    handledBy: HANDLERS.township,
    faq: [
      [
        ['建模和认证有什么不同？', 'How is modelling different from certification?'],
        ['建模是把您现在的样子存下来作为对照；认证是每年刷脸和这个样子比一比。', 'Modelling records how you look now as the reference; certification compares your face with it each year.'],
      ],
      [
        ['老人来不了乡里怎么办？', 'What if an elder cannot come to the township?'],
        ['请村里的工作人员联系乡镇人社所，安排带设备上门建模。', 'Ask the village clerk to arrange for the township office to bring the equipment to your home.'],
      ],
    ],
  },
  'DEMO-03': {
    conditions: [['参加了城乡居民养老保险、要交今年保费的人', 'Resident pension members paying this year’s contribution']],
    steps: [
      ['刷身份证或社保卡', 'Use your ID card or social security card'],
      ['选择缴费年度、档次和交钱方式', 'Choose the year, the grade and how to pay'],
      ['提交后拿好回执；选择工作人员代收的，当场交钱并拿收款凭证', 'Keep the receipt; if the clerk collects, pay now and take the payment receipt'],
      ['扣款或收款后 3 到 5 个工作日，可以在"个人缴费记录查询"里查到', 'The payment shows in "Contribution record lookup" 3 to 5 working days later'],
    ],
    fee: CONTRIBUTION_FEE,
    timeLimit: ['每年集中征缴期内办理，扣款后 3 到 5 个工作日入账', 'During the yearly collection period; recorded 3 to 5 working days after payment'],
    basis: [LAWS.socialInsurance, LAWS.residentPension, LAWS.premiumCollection],
    handledBy: HANDLERS.township,
    faq: [
      [
        ['错过了今年的征缴期还能交吗？', 'Can I still pay after this year’s collection period?'],
        ['当年的保费要在年底前交，错过了一般不能补交，请尽早办理。', 'This year’s contribution must be paid by the end of the year and usually cannot be paid later, so come early.'],
      ],
      [
        ['工作人员收了钱，怎么知道交上了？', 'If I pay the clerk, how do I know it arrived?'],
        ['工作人员当场给您收款凭证，几天后也可以自己查缴费记录。收了钱不给凭证的，请拨打 12333 举报。', 'The clerk gives you a payment receipt at once, and you can check your record a few days later. If no receipt is given, report it on 12333.'],
      ],
    ],
  },
  'DEMO-04': {
    conditions: [
      ['正在领养老金等待遇，情况发生变化的人：开始领其他养老金、户籍或居住地迁出本县、待遇被暂停想恢复', 'People drawing a benefit whose situation changed: another pension began, they moved out of the county, or the benefit was stopped and they want it back'],
    ],
    steps: [
      ['刷身份证或社保卡', 'Use your ID card or social security card'],
      ['选择申报事项，填写变化的日期和情况说明', 'Choose what changed; fill in the date and a short explanation'],
      ['拍能证明变化的材料', 'Show the papers that prove the change to the document camera'],
      ['核对提交，拿好回执；乡镇人社所审核后报县社保中心', 'Check, submit and keep the receipt; the township office reviews it and sends it to the county'],
    ],
    timeLimit: ['10 个工作日内审核，结果短信通知', 'Reviewed within 10 working days; the result is texted to you'],
    basis: [LAWS.socialInsurance, LAWS.residentPension, LAWS.certification],
    handledBy: HANDLERS.township,
    faq: [
      [
        ['第一次申请领养老金，是在这里办吗？', 'Do I apply for my pension for the first time here?'],
        [
          '不是。这里是已经在领待遇的人，情况变了来申报。第一次申请领养老金，请办"城乡居民养老保险待遇申领"。',
          'No. This is for people already drawing a benefit whose situation changed. To apply for your pension the first time, use "Resident pension claim".',
        ],
      ],
      [
        ['不申报会怎样？', 'What if I do not declare?'],
        ['重复领取或不符合条件期间领的待遇要退回，所以情况变了要及时申报。', 'Benefits drawn twice or while not entitled have to be repaid, so declare changes promptly.'],
      ],
      [
        ['待遇为什么会被暂停？', 'Why would a benefit be stopped?'],
        ['常见原因是没按时做资格认证，或联系不上本人。认证或申报后会恢复，并补发暂停期间的钱。', 'Usually a missed yearly certification or being unreachable. After you certify or declare, it resumes and the paused months are paid.'],
      ],
    ],
  },
};
