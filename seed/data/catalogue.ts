// Demo membership catalogue (zh/en): benefit definitions, course-access tiers, the tier ladder and courses.
import type {
  BenefitCategory,
  BenefitValue,
  BillingPeriod,
  Localized,
  TierKind,
  ValueShape,
} from '../../src/domain/catalogue/types'

export type SeedBenefit = {
  key: string
  name: Localized
  description: Localized
  unit: Localized
  category: BenefitCategory
  shape: ValueShape
}

export type SeedAccessTier = { key: string; rank: number; name: Localized; description: Localized }

export type SeedTierGrant = {
  /** SeedBenefit.key */
  benefit: string
  value: BenefitValue
  exceptionReason?: string
}

export type SeedTier = {
  slug: string
  rank: number
  kind: TierKind
  name: Localized
  description: Localized
  /** #rrggbb */
  colour: string
  /** Filename of a seeded image (see ./media.ts). */
  badge?: 'badge-silver.png' | 'badge-gold.png' | 'badge-diamond.png' | 'badge-honorary.png'
  /** In yuan (元), e.g. 99 or 99.9. */
  prices: { period: BillingPeriod; listPrice: number; sellingPrice: number }[]
  growth?: { reach: number; keep: number }
  benefits: SeedTierGrant[]
  /** SeedAccessTier.key */
  accessTiers: string[]
}

export type SeedCourse = {
  slug: string
  /** SeedAccessTier.key */
  accessTier: string
  title: Localized
  summary: Localized
}

const noUnit: Localized = { zh: '', en: '' }

const on: BenefitValue = { kind: 'flag', enabled: true }
const quota = (amount: number): BenefitValue => ({ kind: 'quota', unlimited: false, amount })
const unlimitedQuota: BenefitValue = { kind: 'quota', unlimited: true, amount: 0 }
const limit = (amount: number): BenefitValue => ({ kind: 'limit', unlimited: false, amount })
const unlimitedLimit: BenefitValue = { kind: 'limit', unlimited: true, amount: 0 }
const level = (key: string): BenefitValue => ({ kind: 'level', level: key })
const percent = (value: number): BenefitValue => ({ kind: 'percentage', percent: value })
const within = (hours: number): BenefitValue => ({ kind: 'duration', amount: hours })

export const seedBenefits: readonly SeedBenefit[] = [
  // 内容获取权限 (content access)
  {
    key: 'premium-lessons',
    name: { zh: '每月精品课时解锁', en: 'Premium lessons per month' },
    description: {
      zh: '每月可免费解锁的单独售卖精品课时数，当月未用完不累计。',
      en: 'Individually sold premium lessons you can unlock free each month; unused lessons do not roll over.',
    },
    unit: { zh: '节', en: 'lessons' },
    category: 'content-access',
    shape: { kind: 'quota', period: 'month' },
  },
  {
    key: 'weekly-live-lectures',
    name: { zh: '每周直播公开讲座', en: 'Weekly live lectures' },
    description: {
      zh: '每周三晚的会员直播讲座，含回放，覆盖备考、求职与学习方法。',
      en: 'A members-only live lecture every Wednesday evening, with replay, on exams, careers and study skills.',
    },
    unit: noUnit,
    category: 'content-access',
    shape: { kind: 'flag' },
  },

  // 学习服务 (learning services)
  {
    key: 'tutoring-sessions',
    name: { zh: '1对1辅导', en: 'One-to-one tutoring' },
    description: {
      zh: '与认证导师或外教进行45分钟的1对1在线辅导，可用于答疑、口语陪练或职业规划。',
      en: 'A 45-minute one-to-one online session with a certified tutor or native speaker: questions, speaking practice or career planning.',
    },
    unit: { zh: '次', en: 'sessions' },
    category: 'learning-service',
    shape: { kind: 'quota', period: 'month', max: 30 },
  },
  {
    key: 'qa-response-time',
    name: { zh: '答疑响应时间', en: 'Q&A response time' },
    description: {
      zh: '在课程答疑区提问后，助教给出首次回复的最长时间。',
      en: 'The longest you wait for a teaching assistant’s first reply to a question in the course Q&A.',
    },
    unit: { zh: '小时', en: 'hours' },
    category: 'learning-service',
    shape: { kind: 'duration', unit: 'hour', min: 1, max: 72 },
  },
  {
    key: 'homework-priority',
    name: { zh: '作业批改优先级', en: 'Homework grading priority' },
    description: {
      zh: '作业提交后进入的批改队列：标准队列72小时内、优先队列24小时内、加急队列6小时内批改完成。',
      en: 'The grading queue your homework joins: standard within 72 hours, priority within 24 hours, express within 6 hours.',
    },
    unit: noUnit,
    category: 'learning-service',
    shape: {
      kind: 'level',
      options: [
        { key: 'standard', label: { zh: '标准批改（72小时）', en: 'Standard (72 h)' } },
        { key: 'priority', label: { zh: '优先批改（24小时）', en: 'Priority (24 h)' } },
        { key: 'express', label: { zh: '加急批改（6小时）', en: 'Express (6 h)' } },
      ],
    },
  },
  {
    key: 'learning-report',
    name: { zh: '学情报告', en: 'Learning report' },
    description: {
      zh: '学习时长、完成率、薄弱知识点与进步曲线的图表报告，可同步给家长端。',
      en: 'Charts of study time, completion, weak points and progress, which can be shared with a parent account.',
    },
    unit: noUnit,
    category: 'learning-service',
    shape: {
      kind: 'level',
      options: [
        { key: 'monthly', label: { zh: '月度报告', en: 'Monthly report' } },
        { key: 'weekly', label: { zh: '每周报告', en: 'Weekly report' } },
        {
          key: 'weekly-with-advisor',
          label: { zh: '每周报告＋顾问解读', en: 'Weekly report with advisor review' },
        },
      ],
    },
  },
  {
    key: 'study-plan',
    name: { zh: '个性化学习计划', en: 'Personalised study plan' },
    description: {
      zh: '根据入学测评和学习目标生成的周计划，每月按进度自动调整一次。',
      en: 'A weekly plan built from your placement test and goals, adjusted to your progress once a month.',
    },
    unit: noUnit,
    category: 'learning-service',
    shape: { kind: 'flag' },
  },
  {
    key: 'learning-advisor',
    name: { zh: '专属学习顾问', en: 'Dedicated learning advisor' },
    description: {
      zh: '一位固定的学习顾问（班主任），每两周一次电话或微信回访，督学并调整计划。',
      en: 'One named advisor (head teacher) who checks in by phone or WeChat every two weeks and adjusts your plan.',
    },
    unit: noUnit,
    category: 'learning-service',
    shape: { kind: 'flag' },
  },

  // 社群与身份 (community & identity)
  {
    key: 'member-community',
    name: { zh: '会员专属社群', en: 'Members-only community' },
    description: {
      zh: '按学习方向分组的会员社群，有助教值守、每周打卡与学习伙伴匹配。',
      en: 'Member groups by subject with teaching assistants on hand, weekly check-ins and study-buddy matching.',
    },
    unit: noUnit,
    category: 'community-identity',
    shape: { kind: 'flag' },
  },
  {
    key: 'badge-avatar-frame',
    name: { zh: '会员徽章与头像框', en: 'Member badge and avatar frame' },
    description: {
      zh: '在个人主页、评论区和社群中展示的等级徽章、头像框与昵称后缀。',
      en: 'A tier badge, avatar frame and nickname suffix shown on your profile, in comments and in the community.',
    },
    unit: noUnit,
    category: 'community-identity',
    shape: {
      kind: 'level',
      options: [
        { key: 'silver', label: { zh: '白银头像框', en: 'Silver frame' } },
        { key: 'gold', label: { zh: '黄金头像框', en: 'Gold frame' } },
        { key: 'diamond', label: { zh: '钻石动态头像框', en: 'Animated diamond frame' } },
        { key: 'honorary', label: { zh: '荣誉勋章头像框', en: 'Honorary medal frame' } },
      ],
    },
  },
  {
    key: 'offline-events',
    name: { zh: '线下活动名额', en: 'Offline event places' },
    description: {
      zh: '每个会员周期可报名的线下学习沙龙、同好见面会或校友活动名额。',
      en: 'Places at offline study salons, hobby meet-ups or alumni events you can book in each membership period.',
    },
    unit: { zh: '场', en: 'events' },
    category: 'community-identity',
    shape: { kind: 'quota', period: 'billing-period', max: 12 },
  },

  // 技术体验 (technical experience)
  {
    key: 'video-quality',
    name: { zh: '视频清晰度', en: 'Video quality' },
    description: {
      zh: '课程视频与直播可选的最高清晰度。',
      en: 'The highest resolution available for course videos and live classes.',
    },
    unit: noUnit,
    category: 'technical-experience',
    shape: {
      kind: 'level',
      options: [
        { key: '720p', label: { zh: '720P 标清', en: '720p' } },
        { key: '1080p', label: { zh: '1080P 高清', en: '1080p HD' } },
        { key: '4k', label: { zh: '4K 超清', en: '4K Ultra HD' } },
      ],
    },
  },
  {
    key: 'offline-download',
    name: { zh: '离线缓存', en: 'Offline downloads' },
    description: {
      zh: '可同时缓存到手机或平板、无网络时观看的课程数。',
      en: 'Courses you can keep downloaded on a phone or tablet at once to watch without a connection.',
    },
    unit: { zh: '门课', en: 'courses' },
    category: 'technical-experience',
    shape: { kind: 'limit', min: 0, max: 500 },
  },
  {
    key: 'login-devices',
    name: { zh: '同时在线设备', en: 'Devices signed in at once' },
    description: {
      zh: '可同时登录学习的设备数（手机、平板、电脑、小程序合计）。',
      en: 'How many devices (phone, tablet, computer, mini-programme) can be signed in at the same time.',
    },
    unit: { zh: '台', en: 'devices' },
    category: 'technical-experience',
    shape: { kind: 'limit', min: 1, max: 10 },
  },
  {
    key: 'early-access',
    name: { zh: '新功能抢先体验', en: 'Early access to new features' },
    description: {
      zh: '新功能（如AI学伴、实时纠音）在全量上线前两周开放体验，并可参与内测反馈。',
      en: 'New features such as the AI study buddy or live pronunciation feedback open to you two weeks before everyone else, with a say in the beta.',
    },
    unit: noUnit,
    category: 'technical-experience',
    shape: { kind: 'flag' },
  },

  // 经济性 (economic)
  {
    key: 'course-discount',
    name: { zh: '付费课程折扣', en: 'Course discount' },
    description: {
      zh: '购买单独售卖课程时的会员折扣，10% 即9折、20% 即8折、30% 即7折。',
      en: 'Member discount on individually sold courses: 10%, 20% or 30% off.',
    },
    unit: { zh: '%', en: '%' },
    category: 'economic',
    shape: { kind: 'percentage', min: 0, max: 50 },
  },
  {
    key: 'monthly-coupons',
    name: { zh: '每月购课券', en: 'Monthly course coupons' },
    description: {
      zh: '每月1日发放的满199减30购课券，当月有效。',
      en: 'A ¥30-off-¥199 course coupon issued on the 1st of each month, valid for that month.',
    },
    unit: { zh: '张', en: 'coupons' },
    category: 'economic',
    shape: { kind: 'quota', period: 'month', max: 10 },
  },
  {
    key: 'points-multiplier',
    name: { zh: '积分加速', en: 'Points multiplier' },
    description: {
      zh: '学习、交作业和社群互动获得的积分倍数，积分可兑换购课券或课程。',
      en: 'Multiplier on the points you earn from studying, homework and community activity; points buy coupons or courses.',
    },
    unit: noUnit,
    category: 'economic',
    shape: {
      kind: 'level',
      options: [
        { key: '1x', label: { zh: '1倍积分', en: '1× points' } },
        { key: '1.2x', label: { zh: '1.2倍积分', en: '1.2× points' } },
        { key: '1.5x', label: { zh: '1.5倍积分', en: '1.5× points' } },
        { key: '2x', label: { zh: '2倍积分', en: '2× points' } },
      ],
    },
  },

  // 使用额度 (usage quotas)
  {
    key: 'document-exports',
    name: { zh: '讲义与笔记导出', en: 'Handout and note exports' },
    description: {
      zh: '每月可导出为PDF或Word的讲义、笔记和错题本份数。',
      en: 'Handouts, notes and mistake books you can export as PDF or Word each month.',
    },
    unit: { zh: '份', en: 'exports' },
    category: 'usage-quota',
    shape: { kind: 'quota', period: 'month' },
  },
  {
    key: 'ai-speaking-minutes',
    name: { zh: 'AI口语陪练', en: 'AI speaking practice' },
    description: {
      zh: '每天可用的AI口语陪练与发音评测时长，次日零点重置。',
      en: 'Daily minutes of AI speaking practice with pronunciation scoring; resets at midnight.',
    },
    unit: { zh: '分钟', en: 'minutes' },
    category: 'usage-quota',
    shape: { kind: 'quota', period: 'day', max: 240 },
  },
  {
    key: 'ai-essay-grading',
    name: { zh: 'AI作文批改', en: 'AI essay grading' },
    description: {
      zh: '每周可提交的中英文作文AI批改篇数，含逐句修改建议和评分。',
      en: 'Chinese or English essays you can submit for AI grading each week, with sentence-level suggestions and a score.',
    },
    unit: { zh: '篇', en: 'essays' },
    category: 'usage-quota',
    shape: { kind: 'quota', period: 'week', max: 50 },
  },

  // 实物/外部权益 (physical & partner)
  {
    key: 'study-pack-gift',
    name: { zh: '学习资料礼包', en: 'Study pack gift' },
    description: {
      zh: '包邮寄送的纸质讲义、真题集与定制笔记本，每个会员周期可领取。',
      en: 'Printed handouts, past papers and a branded notebook posted to you free, claimable in each membership period.',
    },
    unit: { zh: '份', en: 'packs' },
    category: 'physical-partner',
    shape: { kind: 'quota', period: 'billing-period', max: 4 },
  },
  {
    key: 'partner-membership-code',
    name: { zh: '合作平台会员兑换码', en: 'Partner membership code' },
    description: {
      zh: '合作音频或阅读平台的月卡兑换码（卡密），在“我的权益”中查看并兑换。',
      en: 'A one-month redemption code for a partner audio or reading platform, shown and redeemed under “My benefits”.',
    },
    unit: { zh: '个', en: 'codes' },
    category: 'physical-partner',
    shape: { kind: 'quota', period: 'billing-period', max: 3 },
  },

  // 场景化权益包 (bundles)
  {
    key: 'exam-sprint-pack',
    name: { zh: '考试冲刺包', en: 'Exam sprint pack' },
    description: {
      zh: '考前30天的真题精讲、押题直播、冲刺打卡群与模考排名，适用于考研、CPA、雅思等。',
      en: 'For the last 30 days before an exam (postgraduate entrance, CPA, IELTS…): past-paper walkthroughs, predicted-question lives, a sprint group and mock-exam rankings.',
    },
    unit: noUnit,
    category: 'bundle',
    shape: { kind: 'flag' },
  },
  {
    key: 'career-launch-pack',
    name: { zh: '求职加速包', en: 'Career launch pack' },
    description: {
      zh: '简历精修、两轮模拟面试、企业内推通道与结业认证证书的组合。',
      en: 'CV polishing, two mock interviews, a job-referral channel and a completion certificate, in one pack.',
    },
    unit: noUnit,
    category: 'bundle',
    shape: { kind: 'flag' },
  },
]

export const seedAccessTiers: readonly SeedAccessTier[] = [
  {
    key: 'basic-library',
    rank: 1,
    name: { zh: '基础课程库', en: 'Basic library' },
    description: {
      zh: '各方向的入门与基础课程，帮助新用户快速上手。',
      en: 'Introductory and foundation courses in every subject, to help new learners get started.',
    },
  },
  {
    key: 'advanced-selection',
    rank: 2,
    name: { zh: '精选进阶课', en: 'Selected advanced courses' },
    description: {
      zh: '经教研团队精选的进阶课程，覆盖技能提升、提分与中级语言考试。',
      en: 'Advanced courses hand-picked by our teaching team for skill-building, higher scores and intermediate language exams.',
    },
  },
  {
    key: 'specialist-cases',
    rank: 3,
    name: { zh: '专项提升与案例库', en: 'Specialist courses and case library' },
    description: {
      zh: '针对单一难点的专项突破课程与真实业务案例库。',
      en: 'Intensive courses on a single hard topic, plus a library of real business cases.',
    },
  },
  {
    key: 'masterclass',
    rank: 4,
    name: { zh: '大师课与私教', en: 'Masterclasses and private tutoring' },
    description: {
      zh: '名师、行业专家主讲的大师课和小班/1对1私教课程，名额稀缺。',
      en: 'Masterclasses by renowned teachers and industry experts, and small-group or one-to-one private courses with limited places.',
    },
  },
  {
    key: 'enterprise-projects',
    rank: 5,
    name: { zh: '企业级实战项目', en: 'Enterprise projects' },
    description: {
      zh: '以真实企业需求为蓝本、导师全程带教的实战项目，可写入简历。',
      en: 'Mentored projects modelled on real company briefs, worth putting on your CV.',
    },
  },
]

export const seedTiers: readonly SeedTier[] = [
  {
    slug: 'free',
    rank: 0,
    kind: 'entry',
    name: { zh: '免费', en: 'Free' },
    description: {
      zh: '注册即得：畅学基础课程库，体验AI口语陪练与课程答疑。',
      en: 'Yours on sign-up: the whole basic library, a taste of AI speaking practice and course Q&A.',
    },
    colour: '#6b7280',
    prices: [],
    benefits: [
      { benefit: 'qa-response-time', value: within(48) },
      { benefit: 'video-quality', value: level('720p') },
      { benefit: 'login-devices', value: limit(1) },
      { benefit: 'points-multiplier', value: level('1x') },
      { benefit: 'document-exports', value: quota(10) },
      { benefit: 'ai-speaking-minutes', value: quota(5) },
    ],
    accessTiers: ['basic-library'],
  },
  {
    slug: 'silver',
    rank: 1,
    kind: 'paid',
    name: { zh: '白银会员', en: 'Silver' },
    description: {
      zh: '解锁精选进阶课，每月1次1对1辅导，答疑24小时内回复，购课享9折。',
      en: 'Unlocks selected advanced courses, one tutoring session a month, Q&A answered within 24 hours and 10% off courses.',
    },
    colour: '#94a3b8',
    badge: 'badge-silver.png',
    prices: [
      { period: 'monthly', listPrice: 49, sellingPrice: 39 },
      { period: 'quarterly', listPrice: 147, sellingPrice: 99 },
      { period: 'annual', listPrice: 588, sellingPrice: 299 },
    ],
    benefits: [
      { benefit: 'premium-lessons', value: quota(5) },
      { benefit: 'weekly-live-lectures', value: on },
      { benefit: 'tutoring-sessions', value: quota(1) },
      { benefit: 'qa-response-time', value: within(24) },
      { benefit: 'homework-priority', value: level('standard') },
      { benefit: 'learning-report', value: level('monthly') },
      { benefit: 'member-community', value: on },
      { benefit: 'badge-avatar-frame', value: level('silver') },
      { benefit: 'video-quality', value: level('1080p') },
      { benefit: 'offline-download', value: limit(10) },
      { benefit: 'login-devices', value: limit(2) },
      { benefit: 'course-discount', value: percent(10) },
      { benefit: 'monthly-coupons', value: quota(1) },
      { benefit: 'points-multiplier', value: level('1.2x') },
      { benefit: 'document-exports', value: quota(100) },
      { benefit: 'ai-speaking-minutes', value: quota(30) },
      { benefit: 'ai-essay-grading', value: quota(5) },
    ],
    accessTiers: ['basic-library', 'advanced-selection'],
  },
  {
    slug: 'gold',
    rank: 2,
    kind: 'paid',
    name: { zh: '黄金会员', en: 'Gold' },
    description: {
      zh: '再解锁专项提升与案例库，每月4次1对1辅导、12小时答疑、个性化学习计划和考试冲刺包，购课享8折。',
      en: 'Adds specialist courses and the case library, four tutoring sessions a month, 12-hour Q&A, a personalised study plan and the exam sprint pack, with 20% off courses.',
    },
    colour: '#f59e0b',
    badge: 'badge-gold.png',
    prices: [
      { period: 'monthly', listPrice: 99, sellingPrice: 79 },
      { period: 'quarterly', listPrice: 297, sellingPrice: 199 },
      { period: 'annual', listPrice: 1188, sellingPrice: 599 },
    ],
    benefits: [
      { benefit: 'premium-lessons', value: quota(20) },
      { benefit: 'weekly-live-lectures', value: on },
      { benefit: 'tutoring-sessions', value: quota(4) },
      { benefit: 'qa-response-time', value: within(12) },
      { benefit: 'homework-priority', value: level('priority') },
      { benefit: 'learning-report', value: level('weekly') },
      { benefit: 'study-plan', value: on },
      { benefit: 'member-community', value: on },
      { benefit: 'badge-avatar-frame', value: level('gold') },
      { benefit: 'offline-events', value: quota(1) },
      { benefit: 'video-quality', value: level('1080p') },
      { benefit: 'offline-download', value: limit(50) },
      { benefit: 'login-devices', value: limit(3) },
      { benefit: 'early-access', value: on },
      { benefit: 'course-discount', value: percent(20) },
      { benefit: 'monthly-coupons', value: quota(2) },
      { benefit: 'points-multiplier', value: level('1.5x') },
      { benefit: 'document-exports', value: quota(500) },
      { benefit: 'ai-speaking-minutes', value: quota(60) },
      { benefit: 'ai-essay-grading', value: quota(15) },
      { benefit: 'study-pack-gift', value: quota(1) },
      { benefit: 'exam-sprint-pack', value: on },
    ],
    accessTiers: ['basic-library', 'advanced-selection', 'specialist-cases'],
  },
  {
    slug: 'diamond',
    rank: 3,
    kind: 'paid',
    name: { zh: '钻石会员', en: 'Diamond' },
    description: {
      zh: '全部课程含大师课与企业级实战项目，1对1辅导不限次数，答疑2小时内回复，专属学习顾问，4K画质，购课享7折。',
      en: 'Every course including masterclasses and enterprise projects, unlimited tutoring, Q&A answered within 2 hours, a dedicated advisor, 4K video and 30% off courses.',
    },
    colour: '#3b82f6',
    badge: 'badge-diamond.png',
    prices: [
      { period: 'monthly', listPrice: 199, sellingPrice: 169 },
      { period: 'quarterly', listPrice: 597, sellingPrice: 449 },
      { period: 'annual', listPrice: 2388, sellingPrice: 1299 },
    ],
    benefits: [
      { benefit: 'premium-lessons', value: unlimitedQuota },
      { benefit: 'weekly-live-lectures', value: on },
      { benefit: 'tutoring-sessions', value: unlimitedQuota },
      { benefit: 'qa-response-time', value: within(2) },
      { benefit: 'homework-priority', value: level('express') },
      { benefit: 'learning-report', value: level('weekly-with-advisor') },
      { benefit: 'study-plan', value: on },
      { benefit: 'learning-advisor', value: on },
      { benefit: 'member-community', value: on },
      { benefit: 'badge-avatar-frame', value: level('diamond') },
      { benefit: 'offline-events', value: quota(2) },
      { benefit: 'video-quality', value: level('4k') },
      { benefit: 'offline-download', value: unlimitedLimit },
      { benefit: 'login-devices', value: limit(5) },
      { benefit: 'early-access', value: on },
      { benefit: 'course-discount', value: percent(30) },
      { benefit: 'monthly-coupons', value: quota(4) },
      { benefit: 'points-multiplier', value: level('2x') },
      { benefit: 'document-exports', value: unlimitedQuota },
      { benefit: 'ai-speaking-minutes', value: quota(120) },
      { benefit: 'ai-essay-grading', value: unlimitedQuota },
      { benefit: 'study-pack-gift', value: quota(2) },
      { benefit: 'partner-membership-code', value: quota(1) },
      { benefit: 'exam-sprint-pack', value: on },
      { benefit: 'career-launch-pack', value: on },
    ],
    accessTiers: [
      'basic-library',
      'advanced-selection',
      'specialist-cases',
      'masterclass',
      'enterprise-projects',
    ],
  },
  {
    slug: 'honorary',
    rank: 100,
    kind: 'honorary',
    name: { zh: '荣誉会员', en: 'Honorary member' },
    description: {
      zh: '授予长期忠实学员的荣誉身份：享钻石会员全部权益，另有更多线下活动名额、礼包与专属荣誉头像框。',
      en: 'An honour for long-standing loyal learners: everything in Diamond, plus more offline event places and gift packs and an exclusive honorary frame.',
    },
    colour: '#8b5cf6',
    badge: 'badge-honorary.png',
    prices: [],
    benefits: [
      { benefit: 'premium-lessons', value: unlimitedQuota },
      { benefit: 'weekly-live-lectures', value: on },
      { benefit: 'tutoring-sessions', value: unlimitedQuota },
      { benefit: 'qa-response-time', value: within(2) },
      { benefit: 'homework-priority', value: level('express') },
      { benefit: 'learning-report', value: level('weekly-with-advisor') },
      { benefit: 'study-plan', value: on },
      { benefit: 'learning-advisor', value: on },
      { benefit: 'member-community', value: on },
      { benefit: 'badge-avatar-frame', value: level('honorary') },
      { benefit: 'offline-events', value: quota(4) },
      { benefit: 'video-quality', value: level('4k') },
      { benefit: 'offline-download', value: unlimitedLimit },
      { benefit: 'login-devices', value: limit(5) },
      { benefit: 'early-access', value: on },
      { benefit: 'course-discount', value: percent(30) },
      { benefit: 'monthly-coupons', value: quota(4) },
      { benefit: 'points-multiplier', value: level('2x') },
      { benefit: 'document-exports', value: unlimitedQuota },
      { benefit: 'ai-speaking-minutes', value: quota(120) },
      { benefit: 'ai-essay-grading', value: unlimitedQuota },
      { benefit: 'study-pack-gift', value: quota(3) },
      { benefit: 'partner-membership-code', value: quota(2) },
      { benefit: 'exam-sprint-pack', value: on },
      { benefit: 'career-launch-pack', value: on },
    ],
    accessTiers: [
      'basic-library',
      'advanced-selection',
      'specialist-cases',
      'masterclass',
      'enterprise-projects',
    ],
  },
]

export const seedCourses: readonly SeedCourse[] = [
  // 基础课程库 (basic library)
  {
    slug: 'python-from-scratch',
    accessTier: 'basic-library',
    title: { zh: '零基础学Python', en: 'Python from Scratch' },
    summary: {
      zh: '从变量、循环讲到函数，用20个小练习带你写出第一个实用脚本。',
      en: 'From variables and loops to functions, 20 short exercises that end with your first useful script.',
    },
  },
  {
    slug: 'excel-data-essentials',
    accessTier: 'basic-library',
    title: { zh: 'Excel数据处理入门', en: 'Excel Essentials for Data Work' },
    summary: {
      zh: '掌握排序筛选、常用函数和数据透视表，告别手工算表。',
      en: 'Sorting, filtering, everyday formulas and pivot tables, so you stop totting up spreadsheets by hand.',
    },
  },
  {
    slug: 'product-management-intro',
    accessTier: 'basic-library',
    title: { zh: '产品经理入门：从需求到原型', en: 'Getting Started in Product Management' },
    summary: {
      zh: '了解产品经理的一天，学会收集需求、画用户流程图和低保真原型。',
      en: 'A day in the life of a product manager: gathering requirements, mapping user flows and sketching wireframes.',
    },
  },
  {
    slug: 'ui-design-fundamentals',
    accessTier: 'basic-library',
    title: { zh: 'UI设计基础：色彩、排版与布局', en: 'UI Design Fundamentals' },
    summary: {
      zh: '通过临摹常见App界面，理解配色、字体层级和栅格布局。',
      en: 'Learn colour, type hierarchy and grid layout by recreating screens from familiar apps.',
    },
  },
  {
    slug: 'cv-writing-basics',
    accessTier: 'basic-library',
    title: { zh: '写一份让HR多看30秒的简历', en: 'Writing a CV That Holds a Recruiter’s Eye' },
    summary: {
      zh: '用STAR法则改写经历，避开应届生简历最常见的八个坑。',
      en: 'Rewrite your experience with the STAR method and avoid the eight most common graduate CV mistakes.',
    },
  },
  {
    slug: 'workplace-communication',
    accessTier: 'basic-library',
    title: { zh: '职场沟通与工作汇报', en: 'Communicating and Reporting at Work' },
    summary: {
      zh: '学会结论先行的汇报结构，让领导一分钟听懂你的进展。',
      en: 'Lead with the conclusion and let your manager grasp your progress in one minute.',
    },
  },
  {
    slug: 'primary-maths-thinking',
    accessTier: 'basic-library',
    title: { zh: '小学数学思维训练（三至四年级）', en: 'Maths Thinking for Primary Years 3–4' },
    summary: {
      zh: '用画图、列表和找规律的方法解决应用题，培养孩子的数感。',
      en: 'Word problems solved by drawing, tabulating and spotting patterns, building a real feel for numbers.',
    },
  },
  {
    slug: 'primary-chinese-reading',
    accessTier: 'basic-library',
    title: { zh: '小学语文阅读理解方法课', en: 'Reading Comprehension for Primary Chinese' },
    summary: {
      zh: '六种题型的答题思路，配合课内外短文练习。',
      en: 'How to approach the six question types, practised on short texts from inside and outside the textbook.',
    },
  },
  {
    slug: 'middle-school-english-grammar',
    accessTier: 'basic-library',
    title: { zh: '初中英语语法一本通', en: 'Middle School English Grammar Made Clear' },
    summary: {
      zh: '时态、从句与非谓语动词一次讲透，每讲配中考真题。',
      en: 'Tenses, clauses and non-finite verbs explained once and for all, each lesson with real zhongkao questions.',
    },
  },
  {
    slug: 'middle-school-physics-forces',
    accessTier: 'basic-library',
    title: { zh: '初中物理：力与运动', en: 'Middle School Physics: Forces and Motion' },
    summary: {
      zh: '用生活中的小实验理解惯性、摩擦力和二力平衡。',
      en: 'Everyday experiments that make inertia, friction and balanced forces click.',
    },
  },
  {
    slug: 'english-phonics',
    accessTier: 'basic-library',
    title: { zh: '英语自然拼读入门', en: 'English Phonics for Beginners' },
    summary: {
      zh: '掌握字母与发音的对应规律，孩子见词能读、听音能写。',
      en: 'Letter–sound rules that let children read new words aloud and spell what they hear.',
    },
  },
  {
    slug: 'everyday-english-speaking',
    accessTier: 'basic-library',
    title: { zh: '日常英语口语100句', en: '100 Everyday English Phrases' },
    summary: {
      zh: '点餐、问路、寒暄等高频场景，跟读练习说得地道又自然。',
      en: 'Ordering food, asking the way and small talk: repeat-after-me practice until it sounds natural.',
    },
  },
  {
    slug: 'japanese-kana',
    accessTier: 'basic-library',
    title: { zh: '日语五十音速成', en: 'Japanese Kana in Two Weeks' },
    summary: {
      zh: '两周记牢平假名和片假名，并学会标准发音。',
      en: 'Hiragana and katakana memorised in two weeks, with correct pronunciation.',
    },
  },
  {
    slug: 'korean-for-beginners',
    accessTier: 'basic-library',
    title: { zh: '韩语入门：从发音到简单会话', en: 'Korean for Beginners' },
    summary: {
      zh: '学会韩文字母和收音规则，能进行自我介绍和简单购物对话。',
      en: 'Hangul and final consonants, then enough to introduce yourself and go shopping.',
    },
  },
  {
    slug: 'smartphone-photography',
    accessTier: 'basic-library',
    title: { zh: '手机摄影入门', en: 'Smartphone Photography Basics' },
    summary: {
      zh: '构图、光线和后期修图三步走，用手机拍出有质感的照片。',
      en: 'Composition, light and editing: three steps to striking photos from your phone.',
    },
  },
  {
    slug: 'pen-calligraphy-regular-script',
    accessTier: 'basic-library',
    title: { zh: '硬笔书法：楷书入门', en: 'Pen Calligraphy: Regular Script Basics' },
    summary: {
      zh: '从基本笔画到间架结构，每天15分钟练出一手工整好字。',
      en: 'From basic strokes to character structure, 15 minutes a day to neat, handsome handwriting.',
    },
  },
  {
    slug: 'folk-guitar-basics',
    accessTier: 'basic-library',
    title: { zh: '民谣吉他零基础', en: 'Folk Guitar for Absolute Beginners' },
    summary: {
      zh: '学会六个常用和弦与基本扫弦，一个月弹唱第一首歌。',
      en: 'Six common chords and basic strumming, so you can play and sing your first song within a month.',
    },
  },
  {
    slug: 'sketching-basics',
    accessTier: 'basic-library',
    title: { zh: '素描基础：线条与明暗', en: 'Sketching Basics: Line and Shading' },
    summary: {
      zh: '从排线练习到几何体写生，建立观察与表现明暗的基本功。',
      en: 'From hatching drills to drawing geometric solids, the groundwork of seeing and rendering light.',
    },
  },
  {
    slug: 'study-time-management',
    accessTier: 'basic-library',
    title: { zh: '高效学习与时间管理', en: 'Study Smarter: Time Management' },
    summary: {
      zh: '番茄工作法、间隔复习与计划拆解，让学习时间真正有产出。',
      en: 'Pomodoros, spaced repetition and breaking plans down, so study time actually pays off.',
    },
  },
  {
    slug: 'kaoyan-politics-orientation',
    accessTier: 'basic-library',
    title: { zh: '考研政治备考导学', en: 'Postgraduate Entrance Exam Politics: Orientation' },
    summary: {
      zh: '梳理考研政治五大模块和全年复习节奏，帮你少走弯路。',
      en: 'The five parts of the politics paper and a year-long revision rhythm, to save you detours.',
    },
  },
  {
    slug: 'cet4-core-vocabulary',
    accessTier: 'basic-library',
    title: { zh: '大学英语四级核心词汇', en: 'CET-4 Core Vocabulary' },
    summary: {
      zh: '按词根词缀和真题语境记忆2000个高频词。',
      en: '2,000 high-frequency words learnt through roots, affixes and real exam contexts.',
    },
  },
  {
    slug: 'teacher-certificate-orientation',
    accessTier: 'basic-library',
    title: { zh: '教师资格证笔试导学', en: 'Teacher Certification Written Exam: Orientation' },
    summary: {
      zh: '了解笔试科目、题型与分值分布，制定适合在职备考的计划。',
      en: 'Papers, question types and marks explained, with a revision plan that fits around a job.',
    },
  },

  // 精选进阶课 (selected advanced courses)
  {
    slug: 'python-data-analysis',
    accessTier: 'advanced-selection',
    title: {
      zh: 'Python数据分析实战：Pandas与可视化',
      en: 'Data Analysis with Python: pandas and Visualisation',
    },
    summary: {
      zh: '用Pandas清洗真实数据集，并用Matplotlib做出能讲故事的图表。',
      en: 'Clean real data sets with pandas and turn them into charts that tell a story with Matplotlib.',
    },
  },
  {
    slug: 'sql-for-analysts',
    accessTier: 'advanced-selection',
    title: { zh: '数据分析师的SQL进阶', en: 'Intermediate SQL for Analysts' },
    summary: {
      zh: '窗口函数、多表关联和留存分析查询，面试和工作都用得上。',
      en: 'Window functions, multi-table joins and retention queries you will use in interviews and at work.',
    },
  },
  {
    slug: 'writing-better-prds',
    accessTier: 'advanced-selection',
    title: { zh: '写好PRD：需求文档进阶', en: 'Writing Better PRDs' },
    summary: {
      zh: '拆解三份大厂PRD，学会写开发和测试都愿意读的需求文档。',
      en: 'Three big-tech PRDs taken apart, so you write specs that engineers and testers actually read.',
    },
  },
  {
    slug: 'figma-design-systems',
    accessTier: 'advanced-selection',
    title: { zh: 'Figma组件与设计系统', en: 'Figma Components and Design Systems' },
    summary: {
      zh: '用组件、变体和自动布局搭建一套可复用的界面组件库。',
      en: 'Build a reusable component library with components, variants and auto layout.',
    },
  },
  {
    slug: 'structured-interview',
    accessTier: 'advanced-selection',
    title: { zh: '结构化面试通关', en: 'Mastering the Structured Interview' },
    summary: {
      zh: '自我介绍、行为面试和压力面试的答题框架，配真实面试录像复盘。',
      en: 'Frameworks for introductions, behavioural and stress questions, reviewed against recordings of real interviews.',
    },
  },
  {
    slug: 'high-school-maths-functions',
    accessTier: 'advanced-selection',
    title: {
      zh: '高中数学：函数与导数专题',
      en: 'High School Maths: Functions and Derivatives',
    },
    summary: {
      zh: '从函数图像到导数应用，系统掌握高考数学的核心板块。',
      en: 'From graphs of functions to applying derivatives, the core of gaokao maths in one course.',
    },
  },
  {
    slug: 'high-school-physics-electromagnetism',
    accessTier: 'advanced-selection',
    title: { zh: '高中物理：电磁学精讲', en: 'High School Physics: Electromagnetism' },
    summary: {
      zh: '电场、磁场与电磁感应的模型化解题方法。',
      en: 'Model-based methods for problems on electric fields, magnetic fields and induction.',
    },
  },
  {
    slug: 'gaokao-english-writing',
    accessTier: 'advanced-selection',
    title: { zh: '高考英语写作提分', en: 'Gaokao English Writing: Raising Your Score' },
    summary: {
      zh: '应用文与读后续写的高分模板和亮点句型。',
      en: 'High-scoring structures and standout sentences for practical writing and story continuation.',
    },
  },
  {
    slug: 'ielts-speaking-band-7',
    accessTier: 'advanced-selection',
    title: { zh: '雅思口语7分进阶', en: 'IELTS Speaking: Aiming for Band 7' },
    summary: {
      zh: '围绕最新题库练习三个部分，学会展开回答和自然衔接。',
      en: 'All three parts practised on the current question bank, learning to extend answers and link ideas naturally.',
    },
  },
  {
    slug: 'business-english-email',
    accessTier: 'advanced-selection',
    title: { zh: '商务英语邮件写作', en: 'Business English Email Writing' },
    summary: {
      zh: '询价、催款、道歉与跟进等20类邮件，写得专业又得体。',
      en: 'Twenty kinds of email, from enquiries and payment reminders to apologies and follow-ups, written professionally and politely.',
    },
  },
  {
    slug: 'jlpt-n3-prep',
    accessTier: 'advanced-selection',
    title: { zh: '日语N3备考精讲', en: 'Japanese JLPT N3 Prep' },
    summary: {
      zh: 'N3语法、词汇与听解逐项突破，附三套全真模拟题。',
      en: 'N3 grammar, vocabulary and listening one by one, with three full mock papers.',
    },
  },
  {
    slug: 'portrait-photography-light',
    accessTier: 'advanced-selection',
    title: { zh: '人像摄影用光进阶', en: 'Portrait Photography: Working with Light' },
    summary: {
      zh: '自然光、反光板与单灯布光，拍出有情绪的人像。',
      en: 'Natural light, reflectors and a single flash, for portraits with mood.',
    },
  },
  {
    slug: 'brush-calligraphy-yan-style',
    accessTier: 'advanced-selection',
    title: {
      zh: '毛笔书法：颜体楷书临摹',
      en: 'Brush Calligraphy: Copying Yan Zhenqing’s Regular Script',
    },
    summary: {
      zh: '临摹《多宝塔碑》，掌握中锋用笔与颜体的雄浑结构。',
      en: 'Copy the Duobao Pagoda Stele to master the centred brush tip and Yan’s bold structure.',
    },
  },
  {
    slug: 'watercolour-illustration',
    accessTier: 'advanced-selection',
    title: { zh: '水彩插画进阶', en: 'Watercolour Illustration' },
    summary: {
      zh: '湿画法、叠色与留白技巧，完成四幅完整的植物与风景插画。',
      en: 'Wet-on-wet, glazing and leaving whites, across four finished botanical and landscape pieces.',
    },
  },
  {
    slug: 'kaoyan-english-reading',
    accessTier: 'advanced-selection',
    title: {
      zh: '考研英语阅读精讲',
      en: 'Postgraduate Entrance Exam English: Reading',
    },
    summary: {
      zh: '逐篇精讲近十年真题阅读，总结出题人的五种干扰项套路。',
      en: 'Ten years of past reading passages taken line by line, exposing the five kinds of distractor examiners use.',
    },
  },
  {
    slug: 'cpa-accounting-core',
    accessTier: 'advanced-selection',
    title: { zh: 'CPA会计科目基础精讲', en: 'CPA Accounting: Core Concepts' },
    summary: {
      zh: '长期股权投资、收入与合并报表等重难点的系统梳理。',
      en: 'A structured run through the hard parts: long-term equity investments, revenue and consolidated statements.',
    },
  },

  // 专项提升与案例库 (specialist courses and case library)
  {
    slug: 'data-analysis-case-library',
    accessTier: 'specialist-cases',
    title: { zh: '数据分析案例库：20个真实业务案例', en: 'Data Analysis Case Library' },
    summary: {
      zh: '电商、金融与在线教育的20个真实分析案例，从提出问题到给出建议。',
      en: 'Twenty real cases from e-commerce, finance and online education, from framing the question to the recommendation.',
    },
  },
  {
    slug: 'growth-product-cases',
    accessTier: 'specialist-cases',
    title: {
      zh: '增长产品经理：拆解10个增长案例',
      en: 'Growth Product Management: Ten Case Studies',
    },
    summary: {
      zh: '拆解拼团、裂变与会员体系等10个经典增长案例的设计思路与数据。',
      en: 'Group buying, referral loops, membership schemes and more: the design and the numbers behind ten growth stories.',
    },
  },
  {
    slug: 'ui-portfolio-workshop',
    accessTier: 'specialist-cases',
    title: { zh: 'UI作品集打造专项', en: 'UI Portfolio Workshop' },
    summary: {
      zh: '在导师点评下完成两个完整项目，做出能拿到面试的作品集。',
      en: 'Two complete projects with mentor feedback, for a portfolio that gets you interviews.',
    },
  },
  {
    slug: 'python-office-automation',
    accessTier: 'specialist-cases',
    title: {
      zh: '办公自动化：用Python处理Excel、Word与PDF',
      en: 'Office Automation with Python',
    },
    summary: {
      zh: '批量生成报表、合并文档和提取PDF数据，把重复工作交给脚本。',
      en: 'Generate reports in bulk, merge documents and pull data from PDFs, and leave the repetitive work to scripts.',
    },
  },
  {
    slug: 'gaokao-maths-hardest-questions',
    accessTier: 'specialist-cases',
    title: {
      zh: '高考数学压轴题专项突破',
      en: 'Gaokao Maths: Cracking the Hardest Questions',
    },
    summary: {
      zh: '圆锥曲线与导数压轴题的常用模型和分步得分策略。',
      en: 'Standard models and step-by-step scoring tactics for the final conic-section and derivative questions.',
    },
  },
  {
    slug: 'zhongkao-physics-experiments',
    accessTier: 'specialist-cases',
    title: { zh: '中考物理实验题专项', en: 'Zhongkao Physics: Experiment Questions' },
    summary: {
      zh: '覆盖中考必考的12个实验，讲透控制变量与误差分析。',
      en: 'The twelve experiments every zhongkao tests, with control of variables and error analysis made clear.',
    },
  },
  {
    slug: 'business-english-negotiation',
    accessTier: 'specialist-cases',
    title: {
      zh: '商务英语谈判与会议',
      en: 'Business English: Negotiations and Meetings',
    },
    summary: {
      zh: '通过角色扮演练习报价、让步与会议主持的英文表达。',
      en: 'Role-plays for quoting, conceding and chairing meetings in English.',
    },
  },
  {
    slug: 'jlpt-n2-sprint',
    accessTier: 'specialist-cases',
    title: { zh: '日语N2冲刺：语法与阅读', en: 'JLPT N2 Sprint: Grammar and Reading' },
    summary: {
      zh: '辨析易混语法，练习长篇阅读的定位技巧，冲刺N2合格线。',
      en: 'Tell look-alike grammar apart and locate answers fast in long passages, to clear the N2 pass mark.',
    },
  },
  {
    slug: 'ielts-writing-task-2',
    accessTier: 'specialist-cases',
    title: { zh: '雅思写作大作文专项', en: 'IELTS Writing Task 2 Intensive' },
    summary: {
      zh: '五类题型的论证结构，配考官级范文逐句讲解。',
      en: 'Argument structures for the five question types, with examiner-level model essays explained sentence by sentence.',
    },
  },
  {
    slug: 'cpa-tax-law',
    accessTier: 'specialist-cases',
    title: { zh: 'CPA税法专项提升', en: 'CPA Tax Law Intensive' },
    summary: {
      zh: '增值税、企业所得税与个人所得税的计算题专项训练。',
      en: 'Focused practice on VAT, corporate income tax and individual income tax calculations.',
    },
  },
  {
    slug: 'kaoyan-maths-problem-types',
    accessTier: 'specialist-cases',
    title: {
      zh: '考研数学题型专项突破',
      en: 'Postgraduate Entrance Exam Maths: Problem Types',
    },
    summary: {
      zh: '按题型归纳高数、线代与概率的解题套路，配历年真题训练。',
      en: 'Calculus, linear algebra and probability sorted by problem type, drilled on past papers.',
    },
  },
  {
    slug: 'street-photography-cases',
    accessTier: 'specialist-cases',
    title: { zh: '街头摄影作品解析', en: 'Street Photography: Reading Great Pictures' },
    summary: {
      zh: '解读30幅经典街拍作品的观察、等待与构图决策。',
      en: 'How thirty classic street photographs were seen, waited for and framed.',
    },
  },

  // 大师课与私教 (masterclasses and private tutoring)
  {
    slug: 'product-strategy-masterclass',
    accessTier: 'masterclass',
    title: {
      zh: '大厂产品总监讲产品战略',
      en: 'Product Strategy with a Big-Tech Product Director',
    },
    summary: {
      zh: '前大厂产品总监分享如何判断赛道、定义北极星指标与带领团队。',
      en: 'A former big-tech product director on choosing markets, defining a north-star metric and leading a team.',
    },
  },
  {
    slug: 'applied-machine-learning-masterclass',
    accessTier: 'masterclass',
    title: { zh: '机器学习实战大师课', en: 'Applied Machine Learning Masterclass' },
    summary: {
      zh: '资深算法专家带你从特征工程到模型上线，走完一个完整的建模流程。',
      en: 'A senior ML engineer walks you through a complete modelling cycle, from feature engineering to deployment.',
    },
  },
  {
    slug: 'career-planning-one-to-one',
    accessTier: 'masterclass',
    title: { zh: '1对1职业规划私教', en: 'One-to-One Career Planning' },
    summary: {
      zh: '资深HR与行业导师三次1对1沟通，帮你定方向、补短板、定目标公司。',
      en: 'Three one-to-one sessions with a senior recruiter and an industry mentor to set your direction, close gaps and pick target companies.',
    },
  },
  {
    slug: 'cv-review-mock-interviews',
    accessTier: 'masterclass',
    title: { zh: '简历精修与模拟面试私教', en: 'Private CV Review and Mock Interviews' },
    summary: {
      zh: '导师逐行修改简历，并进行两轮录像模拟面试和复盘。',
      en: 'A mentor edits your CV line by line, then runs two recorded mock interviews with debriefs.',
    },
  },
  {
    slug: 'ielts-speaking-native-coach',
    accessTier: 'masterclass',
    title: {
      zh: '外教1对1雅思口语私教',
      en: 'One-to-One IELTS Speaking with a Native Coach',
    },
    summary: {
      zh: '母语外教1对1模考与实时纠音，针对性提升流利度和发音。',
      en: 'One-to-one mock tests and live pronunciation correction from a native-speaker coach, targeting fluency and accent.',
    },
  },
  {
    slug: 'running-script-masterclass',
    accessTier: 'masterclass',
    title: {
      zh: '书法名家行书大师课',
      en: 'Running Script Masterclass with a Master Calligrapher',
    },
    summary: {
      zh: '书协名家示范《兰亭序》笔法，并逐一点评学员作业。',
      en: 'A renowned calligrapher demonstrates the brushwork of the Lanting Xu and critiques every student’s work.',
    },
  },
  {
    slug: 'fingerstyle-guitar-masterclass',
    accessTier: 'masterclass',
    title: { zh: '指弹吉他大师课', en: 'Fingerstyle Guitar Masterclass' },
    summary: {
      zh: '知名指弹演奏家拆解三首代表作的编配与右手技巧。',
      en: 'A well-known fingerstyle player breaks down the arrangements and right-hand technique of three signature pieces.',
    },
  },
  {
    slug: 'kaoyan-private-subject-tutoring',
    accessTier: 'masterclass',
    title: {
      zh: '考研专业课名师私教',
      en: 'Postgraduate Entrance Exam: Private Subject Tutoring',
    },
    summary: {
      zh: '目标院校名师小班辅导专业课，提供真题解析与复试指导。',
      en: 'Small-group subject tutoring from a teacher at your target university, with past-paper analysis and interview coaching.',
    },
  },

  // 企业级实战项目 (enterprise projects)
  {
    slug: 'ecommerce-analytics-platform',
    accessTier: 'enterprise-projects',
    title: {
      zh: '企业级项目：搭建电商数据分析平台',
      en: 'Enterprise Project: An E-commerce Analytics Platform',
    },
    summary: {
      zh: '基于百万级订单数据，搭建从数仓建模到经营看板的完整分析平台。',
      en: 'Build a full analytics stack on millions of orders, from warehouse modelling to the business dashboard.',
    },
  },
  {
    slug: 'saas-product-launch',
    accessTier: 'enterprise-projects',
    title: {
      zh: '企业级项目：从0到1上线一款SaaS产品',
      en: 'Enterprise Project: Launching a SaaS Product from Zero',
    },
    summary: {
      zh: '以真实企业需求为蓝本，完成市场调研、需求定义、原型评审到上线复盘。',
      en: 'Take a real company brief from market research and requirements through prototype review to a launch retrospective.',
    },
  },
  {
    slug: 'enterprise-design-system',
    accessTier: 'enterprise-projects',
    title: {
      zh: '企业级项目：为中大型团队搭建设计系统',
      en: 'Enterprise Project: A Design System for a Large Team',
    },
    summary: {
      zh: '为多产品线团队制定设计规范、组件库和协作流程。',
      en: 'Set design guidelines, a component library and ways of working for a team with several product lines.',
    },
  },
  {
    slug: 'recommender-system-project',
    accessTier: 'enterprise-projects',
    title: {
      zh: '企业级项目：推荐系统实战',
      en: 'Enterprise Project: Building a Recommender System',
    },
    summary: {
      zh: '在真实课程行为数据上实现召回、排序与A/B测试。',
      en: 'Implement retrieval, ranking and A/B testing on real course-viewing data.',
    },
  },
  {
    slug: 'cross-border-ecommerce-english',
    accessTier: 'enterprise-projects',
    title: {
      zh: '企业级项目：跨境电商商务英语实战',
      en: 'Enterprise Project: Business English for Cross-border E-commerce',
    },
    summary: {
      zh: '与外贸企业合作，完成询盘回复、海外客户谈判和售后沟通的真实任务。',
      en: 'Real tasks with an export business: answering enquiries, negotiating with overseas buyers and handling after-sales.',
    },
  },
  {
    slug: 'listed-company-audit-simulation',
    accessTier: 'enterprise-projects',
    title: {
      zh: '企业级项目：上市公司审计全流程模拟',
      en: 'Enterprise Project: A Full Audit of a Listed Company',
    },
    summary: {
      zh: '由执业注册会计师带教，完成风险评估、控制测试到审计报告的全流程。',
      en: 'Led by practising CPAs: risk assessment, control testing and the audit report, end to end.',
    },
  },
]
