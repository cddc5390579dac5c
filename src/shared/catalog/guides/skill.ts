import { HANDLERS, LAWS, type GuideDraft } from './draft';

/** Guides and FAQs of the 4 学技术 items. */

export const SKILL_GUIDES: Record<string, GuideDraft> = {
  'SKL-01': {
    conditions: [
      ['年满 16 周岁、想学技术的城乡劳动者，农民工、脱贫家庭劳动力、就业困难人员优先', 'Anyone aged 16 or over who wants to learn a trade; migrant workers, people from formerly poor families and people with employment-difficulty status come first'],
    ],
    steps: [
      ['刷身份证或社保卡', 'Use your ID card or social security card'],
      ['选择想学的工种和方便上课的时间', 'Choose the trade and when you can attend'],
      ['填写文化程度和电话，提交后拿好回执', 'Fill in your education and phone number; submit and keep the receipt'],
      ['开班前培训机构会打电话通知您上课时间和地点', 'Before the course starts, the school phones you with the time and place'],
    ],
    timeLimit: ['人数够了就开班，一般 1 个月内通知', 'A course starts when enough people sign up, usually within a month'],
    basis: [LAWS.employmentPromotion, LAWS.shanxiEmployment, LAWS.employmentFunds],
    handledBy: HANDLERS.training,
    faq: [
      [
        ['培训要交钱吗？', 'Do I pay for the training?'],
        ['政府补贴的培训对您免费，培训机构不能向您收费。', 'Government-funded courses are free to you; the school may not charge you.'],
      ],
      [
        ['学完能拿到证书吗？', 'Do I get a certificate?'],
        [
          '考试合格的，发职业技能等级证书或专项职业能力证书，全国都能查到。',
          'If you pass, you receive a skill level or special skill certificate that can be checked nationwide.',
        ],
      ],
    ],
  },
  'SKL-02': {
    conditions: [
      ['在政府认定的培训学校学完了', 'You finished a course at a government-approved school'],
      ['拿到了证书', 'You received the certificate'],
      ['同一个工种每人只能享受一次补贴', 'One subsidy per person per trade'],
    ],
    steps: [
      ['刷身份证或社保卡', 'Use your ID card or social security card'],
      ['填写培训机构、工种和开班、结业日期', 'Fill in the school, trade, and course start and end dates'],
      ['填写证书编号', 'Fill in the certificate number'],
      ['钱发到您本人的社保卡上；要发到别的银行卡，选"我本人的其他银行卡"，再放身份证、刷脸', 'The money goes to your own social security card; for another bank card, choose "Another bank card in my own name", then your ID card and a face check'],
      ['拍证书（自己交了培训费的再拍发票），提交后拿好回执', 'Show the certificate (and the invoice if you paid) to the document camera; submit and keep the receipt'],
    ],
    timeLimit: ['20 个工作日内审核，审核通过后 1 个月内打款', 'Reviewed within 20 working days; paid within a month of approval'],
    basis: [LAWS.employmentFunds, LAWS.skillsTraining],
    handledBy: HANDLERS.training,
    faq: [
      [
        ['补贴是打给我还是打给学校？', 'Is the subsidy paid to me or to the school?'],
        [
          '没交培训费的，补贴直接打给学校；自己先交了钱的，补贴打到您本人的卡上。',
          'If you paid nothing, it goes to the school; if you paid first, it comes to your own card.',
        ],
      ],
      [
        ['证书编号在哪里看？', 'Where is the certificate number?'],
        ['在证书内页"证书编号"一栏，字母和数字都要照着输入。', 'On the inside page next to "certificate number"; type the letters and digits exactly.'],
      ],
    ],
  },
  'SKL-03': {
    conditions: [['查询本人取得的职业资格证书、职业技能等级证书和专项职业能力证书', 'Your own vocational qualification, skill level and special skill certificates']],
    steps: [
      ['刷身份证或社保卡', 'Use your ID card or social security card'],
      ['屏幕上显示您的证书名称、等级、编号和发证日期', 'The screen shows each certificate’s name, level, number and date'],
      ['需要的话可以打印', 'Print it if you need to'],
    ],
    timeLimit: ['当场查询，需要联网', 'Instant; needs the network'],
    basis: [['《关于改革完善技能人才评价制度的意见》（人社部发〔2019〕90 号）', 'Opinions on Reforming the Evaluation of Skilled Workers (Ren She Bu Fa [2019] No. 90)']],
    handledBy: HANDLERS.training,
    faq: [
      [
        ['刚考完的证书怎么查不到？', 'Why can I not find a certificate I just earned?'],
        ['证书发下来后一般 1 个月内录入系统，请过段时间再查。', 'Certificates are entered within about a month of issue; try again later.'],
      ],
      [
        ['证书丢了怎么办？', 'I lost my certificate. What now?'],
        ['电子证书和纸质证书效力一样，可以在这里打印查询结果给单位看。', 'The electronic record counts the same; print the lookup result for your employer.'],
      ],
    ],
  },
  'SKL-04': {
    conditions: [['所有人都可以查，不用刷卡', 'Anyone can look; no card needed']],
    steps: [
      ['选择想学的工种（也可以不选，看全部）', 'Choose a trade, or leave it blank to see all'],
      ['看开班时间、地点、培训机构和联系电话', 'See start dates, places, schools and phone numbers'],
      ['想报名的，回到"职业技能培训报名"办理', 'To sign up, use "Skills training sign-up"'],
    ],
    timeLimit: ['当场查询，需要联网', 'Instant; needs the network'],
    basis: [LAWS.employmentFunds],
    handledBy: HANDLERS.training,
    faq: [
      [
        ['这些培训机构可靠吗？', 'Are these schools reliable?'],
        ['列表里的都是人社部门认定的定点培训机构。', 'All listed schools are approved by the human resources and social security department.'],
      ],
      [
        ['能在村里上课吗？', 'Can I take classes in the village?'],
        ['报名的人多了，可以把课开到乡镇或村里，报名时选"农闲时集中学"。', 'When enough people sign up, courses come to the township or village; choose "slack season" when signing up.'],
      ],
    ],
  },
};
