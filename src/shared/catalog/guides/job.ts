import { HANDLERS, LAWS, type GuideDraft } from './draft';

/** Guides and FAQs of the 15 找工作 items, in plain words for a village reader. */

export const JOB_GUIDES: Record<string, GuideDraft> = {
  'JOB-01': {
    conditions: [
      ['年满 16 周岁、有劳动能力、想找工作的人都可以登记', 'Anyone aged 16 or over who is able to work and wants a job'],
      ['在校学生毕业前不办理', 'Students still at school register after they graduate'],
    ],
    steps: [
      ['在读卡器上放身份证或插社保卡', 'Put your ID card on the reader or insert your social security card'],
      ['填写文化程度、联系电话和想做的工作', 'Fill in your education, phone number and the work you want'],
      ['核对后提交，拿好回执', 'Check, submit, and keep the receipt'],
      ['有合适的岗位，就业服务中心会打电话或发短信告诉您', 'When a suitable job comes up, the employment centre calls or texts you'],
    ],
    timeLimit: ['当场登记，登记有效期 6 个月，到期可以再登记', 'Registered on the spot; valid for 6 months and can be renewed'],
    basis: [LAWS.employmentPromotion, LAWS.shanxiEmployment, LAWS.employmentServices],
    handledBy: HANDLERS.employment,
    faq: [
      [
        ['登记以后一定能找到工作吗？', 'Does registering guarantee a job?'],
        [
          '不能保证，但登记后会优先给您推荐岗位、通知招聘会和免费培训。',
          'No, but you will be first to hear of suitable jobs, job fairs and free training.',
        ],
      ],
      [
        ['我已经五十多岁了，还能登记吗？', 'I am in my fifties. Can I still register?'],
        [
          '能。只要还没有领养老金、有劳动能力就可以登记；年纪大的还可以申请就业困难人员认定，享受更多帮扶。',
          'Yes, as long as you do not yet draw a pension and can work. Older people can also apply for employment-difficulty status for extra help.',
        ],
      ],
    ],
  },
  'JOB-02': {
    conditions: [['所有人都可以查，不用刷卡', 'Anyone can look; no card needed']],
    steps: [
      ['选择工作地点和行业', 'Choose the place of work and the industry'],
      ['看岗位名称、工资、招聘单位和联系电话', 'Read the job, wage, employer and phone number'],
      ['看中了可以打印岗位信息带走，或请工作人员帮您联系', 'Print the ones you like, or ask the clerk to contact the employer for you'],
    ],
    timeLimit: ['当场查询；网络不通时显示最近一次同步的岗位', 'Instant; without the network you see the list from the last sync'],
    basis: [LAWS.employmentPromotion, LAWS.shanxiEmployment, LAWS.employmentServices],
    handledBy: HANDLERS.employment,
    faq: [
      [
        ['岗位信息是真的吗？', 'Are these jobs genuine?'],
        [
          '岗位都由县就业服务中心审核后发布。如果单位要您先交钱，一律不要交，并拨打 12333 反映。',
          'Every job is checked by the county employment centre before it is posted. If an employer asks you to pay first, do not pay and call 12333.',
        ],
      ],
      [
        ['没有网的时候能查吗？', 'Can I search without the network?'],
        [
          '能，机器会显示最近一次联网时保存的岗位，屏幕上写明是哪天的信息，报名前请打电话确认岗位还在招。',
          'Yes. The machine shows the list saved at the last connection and says which day it is from; call to check the job is still open before you go.',
        ],
      ],
    ],
  },
  'JOB-03': {
    conditions: [['所有人都可以查，不用刷卡', 'Anyone can look; no card needed']],
    steps: [
      ['打开后看近期招聘会的时间、地点和参会单位', 'See the dates, places and employers of upcoming fairs'],
      ['可以打印招聘会信息带走', 'Print the details to take with you'],
      ['去招聘会时带上身份证，有简历、证书的也带上', 'Take your ID card to the fair, and your CV and certificates if you have them'],
    ],
    timeLimit: ['当场查询，需要联网', 'Instant; needs the network'],
    basis: [LAWS.employmentPromotion, LAWS.shanxiEmployment, LAWS.employmentServices],
    handledBy: HANDLERS.employment,
    faq: [
      [
        ['参加招聘会要收费吗？', 'Does a job fair cost anything?'],
        ['政府办的招聘会对求职的人一律免费。', 'Government job fairs are free for job seekers.'],
      ],
      [
        ['去不了县里，有没有在乡里办的？', 'I cannot get to the county town. Are there fairs in the township?'],
        [
          '每年春节前后和农闲时，乡镇会办"送岗位下乡"招聘会，列表里写明地点，注意查看。',
          'Around Spring Festival and in the slack season the township holds job fairs locally; their place is shown in the list.',
        ],
      ],
    ],
  },
  'JOB-04': {
    conditions: [['想找工作、换工作、学技术或创业，需要有人帮着出主意的人', 'Anyone who wants advice on finding or changing work, learning a skill or starting a business']],
    steps: [
      ['刷身份证或社保卡', 'Use your ID card or social security card'],
      ['选择哪天、上午还是下午，以及想咨询的内容', 'Choose the day, morning or afternoon, and what you want advice on'],
      ['提交后拿好回执，就业指导员会打电话和您确认时间', 'Keep the receipt; the adviser will phone to confirm the time'],
      ['按约定时间到乡镇人社所或县就业服务中心面谈', 'Meet the adviser at the township office or county centre at that time'],
    ],
    timeLimit: ['2 个工作日内电话确认预约', 'The appointment is confirmed by phone within 2 working days'],
    basis: [LAWS.employmentPromotion, LAWS.shanxiEmployment, LAWS.employmentServices],
    handledBy: HANDLERS.employment,
    faq: [
      [
        ['约好了去不了怎么办？', 'What if I cannot come at the booked time?'],
        ['打电话给就业指导员或拨打 12333 改时间就行，不影响以后预约。', 'Call the adviser or 12333 to change it; it does not count against you.'],
      ],
      [
        ['指导员能上门吗？', 'Can the adviser come to my home?'],
        [
          '行动不便的老人、残疾人可以请村里的工作人员帮忙，选择上门服务。',
          'Older or disabled people can ask the village clerk to book a home visit.',
        ],
      ],
    ],
  },
  'JOB-05': {
    conditions: [
      ['年满 16 周岁，还没到退休年龄', 'Aged 16 or over and not yet of retirement age'],
      ['能干活，想工作', 'Able to work and wanting work'],
      ['现在没有工作', 'Without a job now'],
      ['在您常住的地方登记，带本人有效身份证就行', 'Register where you live now; your own valid ID card is all you need'],
      ['在校学生、已经领养老金的人不能登记', 'Not for students or people who already draw a pension'],
    ],
    steps: [
      ['刷身份证或社保卡', 'Use your ID card or social security card'],
      ['选择失业原因，填写原单位和失业日期', 'Choose why you are out of work; fill in your last employer and the date'],
      ['有解除劳动合同证明的，放到拍照机下拍下来；没有也可以登记', 'If you have a letter ending your contract, photograph it under the document camera; you can register without it'],
      ['核对提交，拿好回执；审核通过后发短信告诉您', 'Check, submit and keep the receipt; you will get a text when it is approved'],
    ],
    timeLimit: ['5 个工作日内审核完成', 'Reviewed within 5 working days'],
    basis: [LAWS.employmentPromotion, LAWS.shanxiEmployment, LAWS.employmentServices],
    handledBy: HANDLERS.employment,
    faq: [
      [
        ['失业登记和领失业金是一回事吗？', 'Is unemployment registration the same as claiming unemployment benefit?'],
        [
          '不是。失业登记是享受就业服务的前提；单位交过失业保险的，还要另外办"失业保险金申领"。',
          'No. Registration gives you employment services; if your employer paid unemployment insurance, claim the benefit separately.',
        ],
      ],
      [
        ['在家种地算失业吗？', 'Does farming my own land count as being out of work?'],
        [
          '有承包地在种的一般不算；土地被征收、没有地种的可以登记。',
          'Usually not while you farm contracted land; if your land was requisitioned you can register.',
        ],
      ],
      [
        ['找到工作以后要做什么？', 'What do I do once I find work?'],
        ['请办理"就业登记"，失业登记会自动注销。', 'Register your employment; the unemployment registration then closes.'],
      ],
    ],
  },
  'JOB-06': {
    conditions: [['在单位上班、自己开店或者灵活就业的劳动年龄人员', 'People of working age who are employed, run a business or work flexibly']],
    steps: [
      ['刷身份证或社保卡', 'Use your ID card or social security card'],
      ['选择就业方式，填写单位名称和开始工作的日期', 'Choose the kind of work; fill in the employer and start date'],
      ['拍劳动合同或营业执照', 'Show the labour contract or the business licence to the document camera'],
      ['核对提交，拿好回执', 'Check, submit and keep the receipt'],
    ],
    timeLimit: ['5 个工作日内办结', 'Done within 5 working days'],
    basis: [LAWS.employmentPromotion, LAWS.shanxiEmployment, LAWS.employmentServices],
    handledBy: HANDLERS.employment,
    faq: [
      [
        ['单位已经给我登记了，我还要办吗？', 'My employer already registered me. Do I need to do this?'],
        ['单位办过的就不用再办，可以查询"个人参保信息"确认。', 'No. Check it with the enrolment status lookup if unsure.'],
      ],
      [
        ['打零工没有合同怎么办？', 'I do odd jobs without a contract. What then?'],
        ['选"灵活就业"，不用拍合同，单位名称写"灵活就业"即可。', 'Choose flexible work; no contract is needed, and write "flexible work" as the employer.'],
      ],
    ],
  },
  'JOB-07': {
    conditions: [
      ['办过失业登记或就业登记的劳动年龄人员', 'People of working age who have registered as unemployed or employed'],
      ['证丢了或坏了可以补办、换领', 'A lost or damaged certificate can be replaced'],
    ],
    steps: [
      ['刷身份证或社保卡', 'Use your ID card or social security card'],
      ['选择第一次申领、补领还是换领，选择领证地点', 'Choose first issue, replacement for loss or damage, and where to collect'],
      ['拍一寸白底照片（换领的还要拍旧证）', 'Show a one-inch white-background photo to the document camera (and the old certificate if damaged)'],
      ['提交后拿好回执，证办好后短信通知您去领', 'Keep the receipt; a text tells you when to collect'],
    ],
    timeLimit: ['10 个工作日内制好证', 'Ready within 10 working days'],
    basis: [
      ['《关于进一步完善就业失业登记管理办法的通知》（人社部发〔2014〕97 号）', 'Notice on Improving Employment and Unemployment Registration (Ren She Bu Fa [2014] No. 97)'],
      LAWS.employmentServices,
    ],
    handledBy: HANDLERS.employment,
    faq: [
      [
        ['《就业创业证》有什么用？', 'What is the certificate for?'],
        [
          '它记录您的就业、失业和享受政策的情况，申请创业贷款、各种补贴时都要用。',
          'It records your employment, unemployment and support received; you need it for start-up loans and subsidies.',
        ],
      ],
      [
        ['以前的《就业失业登记证》还能用吗？', 'Is my old employment and unemployment registration certificate still valid?'],
        ['还能用，和《就业创业证》效力一样，不用专门换。', 'Yes, it counts the same; there is no need to change it.'],
      ],
    ],
  },
  'JOB-08': {
    conditions: [
      ['先要同时符合这几条：', 'First, all of these:'],
      ['· 山西省户籍', '· Household registration in Shanxi'],
      ['· 在劳动年龄内，能工作，也想工作', '· Of working age, able and wanting to work'],
      ['· 已经办了失业登记', '· Registered as unemployed'],
      ['再符合下面任意一条：', 'Then any one of these:'],
      ['· 女满 40 岁、男满 50 岁，并且是从国有或集体企业失去工作的，或者交失业保险满 6 个月', '· Woman 40 or older or man 50 or older, and you lost a job at a state or collective firm, or paid unemployment insurance for at least 6 months'],
      ['· 城镇低保家庭的人，失业登记满 1 年', '· In an urban minimum-allowance family, registered unemployed for at least a year'],
      ['· 残疾人，失业登记满 1 年', '· A person with a disability, registered unemployed for at least a year'],
      ['· 城镇家庭里没有一个人有工作的（零就业家庭），每户认定 1 人', '· In an urban family where nobody works; 1 person per family'],
      ['· 承包地全部被征收的农民，失业登记满 1 年', '· A farmer whose contracted land was all requisitioned, registered unemployed for at least a year'],
      ['· 退役军人、离校未就业的高校毕业生中符合省里规定条件的（请问工作人员）', "· Ex-service people and graduates without a job who meet the province's conditions (ask the clerk)"],
      ['只是年满 40 岁、在家务农的，不算就业困难人员', 'Being 40 or older and farming at home does not by itself count'],
    ],
    steps: [
      ['刷身份证或社保卡', 'Use your ID card or social security card'],
      ['选择您属于哪一类，填写家庭人口', 'Choose which applies to you and your household size'],
      ['拍残疾人证、低保证或征地证明（按您选的类别）', 'Show the disability, allowance or land requisition papers that fit your choice to the document camera'],
      ['提交后村里和乡镇会核实，结果在村务公开栏贴出来 5 天，让大家监督（公示）', 'The village and township check it; the result is posted on the village notice board for 5 days'],
    ],
    timeLimit: ['15 个工作日内认定完成（含公示）', 'Decided within 15 working days, including the notice period'],
    basis: [LAWS.employmentPromotion, LAWS.shanxiEmployment, LAWS.shanxiDifficulty, LAWS.employmentServices],
    handledBy: HANDLERS.employment,
    faq: [
      [
        ['认定以后有什么好处？', 'What does the status bring?'],
        [
          '可以优先推荐岗位、安排公益性岗位，灵活就业交社保的还能领社保补贴。',
          'Priority job referrals, public-service jobs, and a subsidy on social insurance if you work flexibly.',
        ],
      ],
      [
        ['为什么要在公开栏贴出来（公示）？', 'Why is my name posted?'],
        [
          '公示是为了公平，只公示姓名和类别，不公示身份证号码和家庭情况。',
          'For fairness. Only your name and category are posted, never your ID number or family details.',
        ],
      ],
    ],
  },
  'JOB-09': {
    conditions: [
      ['已认定为就业困难人员，或者是离校 2 年内还没就业的高校毕业生', 'You hold employment-difficulty status, or you are a graduate within 2 years of leaving school without a job'],
      ['现在灵活就业（打零工、自己干）', 'You work flexibly now (odd jobs, on your own)'],
      ['自己交了职工养老保险或职工医疗保险（交城乡居民养老、居民医保的不算）', 'You paid the employee pension or employee medical insurance yourself (the resident pension and resident medical insurance do not count)'],
      ['补贴最长 3 年，离退休年龄不到 5 年的可以延长到退休', 'Up to 3 years; extended to retirement if you are within 5 years of it'],
    ],
    steps: [
      ['刷身份证或社保卡', 'Use your ID card or social security card'],
      ['填写补贴年度、已交费月数和金额', 'Fill in the year, months paid and the amount'],
['钱发到您本人的社保卡上；要发到别的银行卡，选"我本人的其他银行卡"，再放身份证、刷脸', 'The money goes to your own social security card; for another bank card, choose "Another bank card in my own name", then your ID card and a face check'],
      ['拍缴费凭证，提交后拿好回执', 'Show the payment receipts to the camera; submit and keep the receipt'],
    ],
    timeLimit: ['每季度集中审核，审核通过后 1 个月内打款', 'Reviewed each quarter; paid within a month of approval'],
    basis: [LAWS.employmentPromotion, LAWS.shanxiEmployment, LAWS.employmentFunds],
    handledBy: HANDLERS.employment,
    faq: [
      [
        ['补贴能补多少？', 'How much is the subsidy?'],
        [
          '最多补您实际交的社保费的三分之二，这是上限，不是一般都补这么多；具体金额按省里当年的标准审核，审核后短信告诉您。',
          'At most two thirds of what you actually paid: that is a cap, not the usual amount. The amount follows the province’s standard for the year and is texted to you after review.',
        ],
      ],
      [
        ['钱可以打到别人的卡上吗？', "Can the money go to someone else's card?"],
        ['不可以。默认打到您的社保卡上；换成别的卡，也只能是您本人名下的，还要放身份证、刷脸。', 'No. By default it goes to your social security card; another card must also be in your own name, with your ID card and a face check.'],
      ],
    ],
  },
  'JOB-10': {
    conditions: [
      ['失业前单位和本人交失业保险满 1 年', 'You and your employer paid unemployment insurance for at least a year'],
      ['不是本人意愿中断就业（合同到期、被辞退等）', 'You lost the job through no choice of your own (contract ended, dismissed)'],
      ['已办失业登记', 'You have registered as unemployed'],
      ['想找工作', 'You want work'],
    ],
    steps: [
      ['刷身份证或社保卡', 'Use your ID card or social security card'],
      ['填写原单位、离职日期和交费年限', 'Fill in your last employer, the date you left and years paid'],
['钱发到您本人的社保卡上；要发到别的银行卡，选"我本人的其他银行卡"，再放身份证、刷脸', 'The money goes to your own social security card; for another bank card, choose "Another bank card in my own name", then your ID card and a face check'],
      ['拍解除劳动合同证明，提交后拿好回执', 'Show the termination proof to the camera; submit and keep the receipt'],
    ],
    timeLimit: ['10 个工作日内审核，次月起按月发放', 'Reviewed within 10 working days; paid monthly from the next month'],
    basis: [LAWS.socialInsurance, LAWS.unemploymentInsurance, ['《失业保险金申领发放办法》（原劳动和社会保障部令第 8 号）', 'Measures for Claiming and Paying Unemployment Insurance Benefits (Ministry of Labour and Social Security Order No. 8)']],
    handledBy: HANDLERS.employment,
    faq: [
      [
        ['能领几个月？', 'For how many months?'],
        [
          '交满 1 年不满 5 年的最长领 12 个月；满 5 年不满 10 年的最长 18 个月；满 10 年以上的最长 24 个月。',
          '1 to 5 years paid: up to 12 months; 5 to 10 years: up to 18 months; 10 years or more: up to 24 months.',
        ],
      ],
      [
        ['自己辞职的能领吗？', 'Can I claim if I resigned?'],
        ['一般不能。因单位拖欠工资等原因被迫辞职的，请带上证明到窗口咨询。', 'Usually not. If you were forced to resign, for example by unpaid wages, bring proof to the window.'],
      ],
      [
        ['领失业金期间找到工作了怎么办？', 'What if I find work while drawing the benefit?'],
        ['要及时办就业登记，失业金从下个月起停发，剩下的月数以后再失业还可以接着领。', 'Register your employment; payments stop next month, and unused months stay for a later spell.'],
      ],
    ],
  },
  'JOB-11': {
    conditions: [['申领过失业保险金的人查自己的待遇', 'People who claimed unemployment benefit, about their own payments']],
    steps: [
      ['刷身份证或社保卡', 'Use your ID card or social security card'],
      ['屏幕上显示已领月数、每月金额、剩余月数', 'The screen shows months paid, the monthly amount and months left'],
      ['需要的话可以打印', 'Print it if you need to'],
    ],
    timeLimit: ['当场查询，需要联网', 'Instant; needs the network'],
    basis: [LAWS.unemploymentInsurance, LAWS.rightsRecords],
    handledBy: HANDLERS.employment,
    faq: [
      [
        ['查不到记录是怎么回事？', 'Why are there no records?'],
        ['可能还在审核中，或申请没有通过。请拨打 12333 或到乡镇人社所问一下。', 'It may still be under review or was not approved. Call 12333 or ask at the township office.'],
      ],
      [
        ['这个月的钱怎么还没到？', "Why has this month's payment not arrived?"],
        ['失业金一般每月中旬发放，遇节假日顺延，请过几天再查。', 'Payments usually go out mid-month, later after holidays; check again in a few days.'],
      ],
    ],
  },
  'JOB-12': {
    conditions: [
      ['在本县创业的城乡劳动者，返乡创业农民工、高校毕业生、就业困难人员、退役军人等优先', 'People starting a business in the county; returning migrant workers, graduates, people with employment-difficulty status and veterans come first'],
      ['本人和配偶没有其他未还清的贷款（助学贷款、扶贫贷款、住房贷款等除外）', 'You and your spouse have no other unpaid loans (student, poverty-relief and housing loans excepted)'],
    ],
    steps: [
      ['刷身份证或社保卡', 'Use your ID card or social security card'],
      ['填写生意的名称、类别、统一社会信用代码', 'Fill in the business name, kind and credit code'],
      ['填写想贷的金额和期限', 'Fill in the amount and term you want'],
      ['拍营业执照（有创业计划的一起拍），提交后拿好回执', 'Show the business licence (and a business plan if you have one) to the document camera; submit and keep the receipt'],
      ['就业服务中心审核后，会同担保机构和银行上门核实', 'After review the centre visits you with the guarantor and the bank'],
    ],
    timeLimit: ['资料齐全的 20 个工作日内给出结果', 'A decision within 20 working days once papers are complete'],
    basis: [
      LAWS.employmentPromotion,
      LAWS.shanxiEmployment,
      [
        '《财政部 人力资源社会保障部 中国人民银行关于进一步加大创业担保贷款贴息力度全力支持重点群体创业就业的通知》（财金〔2020〕21 号）',
        'Notice of the Ministry of Finance, MOHRSS and the People’s Bank of China on Larger Interest Subsidies for Guaranteed Start-up Loans (Cai Jin [2020] No. 21)',
      ],
    ],
    handledBy: HANDLERS.employment,
    faq: [
      [
        ['最多能贷多少？利息谁出？', 'How much can I borrow, and who pays interest?'],
        [
          '个人最多 {{startupLoanCap}}，期限最长 3 年；按规定政府贴一部分利息，剩下的由本人付。',
          'Up to {{startupLoanCap}} for up to 3 years; the government pays part of the interest as the rules set, you pay the rest.',
        ],
      ],
      [
        ['需要找人担保吗？', 'Do I need a guarantor?'],
        ['由政府设立的担保基金担保，一般不用再找人；贷款额度大的，银行可能要求您再找人或拿财产作保（反担保）。', 'The government guarantee fund stands behind it; for large amounts the bank may ask for a counter-guarantee.'],
      ],
    ],
  },
  'JOB-13': {
    conditions: [
      ['第一次创业，营业执照登记满 1 年并且正常经营', 'First business, registered for at least a year and still trading'],
      ['本人是创业主体的法定代表人或负责人', 'You are the legal representative or owner of the business'],
    ],
    steps: [
      ['刷身份证或社保卡', 'Use your ID card or social security card'],
      ['填写营业执照上的名称、信用代码、登记日期和雇工人数', 'Fill in the name, credit code and registration date on the licence, and how many people you employ'],
['钱发到您本人的社保卡上；要发到别的银行卡，选"我本人的其他银行卡"，再放身份证、刷脸', 'The money goes to your own social security card; for another bank card, choose "Another bank card in my own name", then your ID card and a face check'],
      ['拍营业执照，提交后拿好回执', 'Show the licence to the camera; submit and keep the receipt'],
    ],
    timeLimit: ['20 个工作日内审核，审核通过后 1 个月内打款', 'Reviewed within 20 working days; paid within a month of approval'],
    basis: [LAWS.employmentPromotion, LAWS.shanxiEmployment, LAWS.employmentFunds],
    handledBy: HANDLERS.employment,
    faq: [
      [
        ['一次性创业补贴是多少？', 'How much is the one-off subsidy?'],
        ['按山西省当年公布的标准发放，一个创业主体只能领一次。', 'At the rate Shanxi publishes for the year; one payment per business.'],
      ],
      [
        ['开网店能领吗？', 'Does an online shop count?'],
        ['在网店平台实名注册并办了营业执照、正常经营满 1 年的，可以申领。', 'Yes, if it is registered under your real name, has a business licence and has traded for a year.'],
      ],
    ],
  },
  'JOB-14': {
    conditions: [
      ['户籍在本县、毕业 2 年内还没有就业的大专以上毕业生', 'Graduates of college or university, registered in this county, without a job within 2 years of graduating'],
    ],
    steps: [
      ['刷身份证或社保卡', 'Use your ID card or social security card'],
      ['填写学校、专业、学历和毕业日期', 'Fill in your school, subject, qualification and graduation date'],
      ['填写想做的工作和联系方式', 'Fill in the work you want and how to reach you'],
      ['拍毕业证，提交后拿好回执；就业服务中心会有专人联系您', 'Show your graduation certificate to the document camera; submit and keep the receipt; an adviser will contact you'],
    ],
    timeLimit: ['5 个工作日内有专人联系', 'An adviser contacts you within 5 working days'],
    basis: [LAWS.employmentPromotion, LAWS.shanxiEmployment, ['人力资源社会保障部关于做好高校毕业生等青年就业创业工作的年度通知', 'MOHRSS annual notice on employment and start-ups of graduates and other young people']],
    handledBy: HANDLERS.employment,
    faq: [
      [
        ['登记以后有什么服务？', 'What happens after I register?'],
        [
          '会给您推荐岗位、见习机会和免费培训，至少提供 1 次职业指导。',
          'You get job and internship referrals, free training, and at least one career guidance session.',
        ],
      ],
      [
        ['毕业证还没拿到能登记吗？', 'Can I register before I have my certificate?'],
        ['可以先登记，拍学校开的毕业证明，拿到毕业证后再补拍。', 'Yes: show the school’s proof of graduation now and the certificate later.'],
      ],
    ],
  },
  'JOB-15': {
    conditions: [['所有人都可以看，不用刷卡', 'Anyone can read it; no card needed']],
    steps: [
      ['看就业创业有哪些政策：求职登记、技能培训、创业贷款、各种补贴', 'Read which policies exist: registration, training, start-up loans, subsidies'],
      ['每项政策写明谁能办、在哪办、在本机上哪个业务办', 'Each one says who qualifies, where, and which service on this machine handles it'],
      ['可以打印一次性告知单带回家', 'Print the one-time notification to take home'],
    ],
    timeLimit: ['随时查看', 'Any time'],
    basis: [LAWS.employmentPromotion, LAWS.shanxiEmployment, LAWS.employmentFunds],
    handledBy: HANDLERS.employment,
    faq: [
      [
        ['政策看不懂怎么办？', 'What if I do not understand a policy?'],
        ['按屏幕上的"呼叫工作人员"，或拨打 12333，工作人员会一条一条给您讲。', 'Press "call a clerk" on the screen or call 12333; someone will go through it with you.'],
      ],
      [
        ['外出打工回来创业有什么支持？', 'What help is there for migrant workers coming home to start a business?'],
        ['可以申请创业担保贷款、一次性创业补贴和免费创业培训，在"找工作"里办理。', 'Guaranteed start-up loans, a one-off start-up subsidy and free start-up training, all under "Find work".'],
      ],
    ],
  },
};
