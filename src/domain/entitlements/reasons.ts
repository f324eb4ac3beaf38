// A sentence for every check reason, in both languages, for answers people read (support tools,
// error toasts). Frontends branch on the reason code, not on these texts.
import type { Localized } from '../catalogue/types'
import type { CheckReason } from './engine'

export const reasonMessages: Record<CheckReason, Localized> = {
  entitled: { zh: '可以使用。', en: 'Allowed.' },
  member_unknown: {
    zh: '找不到该会员：请检查会员 ID（Payload ID 或平台用户 ID）。',
    en: 'No such member: check the member id (Payload id or platform user id).',
  },
  course_unknown: {
    zh: '找不到该课程：请检查课程 ID 或标识。',
    en: 'No such course: check the course id or slug.',
  },
  course_unpublished: { zh: '该课程未上架。', en: 'The course is not published.' },
  benefit_unknown: {
    zh: '找不到该权益：请检查权益键（key）。',
    en: 'No such benefit: check the benefit key.',
  },
  membership_expired: {
    zh: '会员已到期：续费后即可使用。',
    en: 'The membership has expired: renewing restores this.',
  },
  membership_cancelled: {
    zh: '会员已取消：重新开通后即可使用。',
    en: 'The membership was cancelled: buying it again restores this.',
  },
  tier_too_low: {
    zh: '当前会员等级不包含此内容：升级后可用。',
    en: "The member's tier does not include this: an upgrade would.",
  },
  not_included: {
    zh: '当前会员等级不包含此权益。',
    en: "The member's tier does not include this benefit.",
  },
  quota_exhausted: {
    zh: '本周期额度已用完，将在重置时间恢复。',
    en: 'The quota for this period is used up; it resets at the time given.',
  },
  over_limit: {
    zh: '超出当前会员等级的数量上限。',
    en: "More than the member's tier allows at once.",
  },
}
