// Demo campaigns (营销活动), as campaign documents that name tiers by slug and benefits by key, with
// times relative to `now` (the next 双十一 in Asia/Shanghai): some live, some scheduled, one ended.
// Amounts are in 元 as a marketer types them. Redemptions: seed/redemptions.ts.
import { instantOf } from '../../src/domain/campaigns/schedule'
import type { Localized } from '../../src/domain/catalogue/types'

type Doc = Record<string, unknown>

export type SeedCampaign = {
  slug: string
  name: Localized
  copy: Record<'zh' | 'en', { headline: string; body: string; callToAction: string }>
  /** The rest of the document, tiers as slugs and gift benefits as keys. */
  fields: Doc
  /** Ended by hand after it was published (at this instant). */
  endedAt?: Date
}

const day = 86_400_000
const zone = 'Asia/Shanghai'

/** `now` on the hour, so the same clock gives the same times. */
const onTheHour = (now: Date) => new Date(Math.floor(now.getTime() / 3_600_000) * 3_600_000)

/** The next 11 November 00:00 in Asia/Shanghai after `now`. */
export function nextSinglesDay(now: Date): Date {
  const year = Number(
    new Intl.DateTimeFormat('en', { year: 'numeric', timeZone: zone }).format(now),
  )
  const thisYear = instantOf(`${year}-11-11T00:00`, zone)!
  return thisYear > now ? thisYear : instantOf(`${year + 1}-11-11T00:00`, zone)!
}

const schedule = (startsAt: Date, endsAt: Date): Doc => ({
  timeZone: zone,
  startsAt: startsAt.toISOString(),
  endsAt: endsAt.toISOString(),
})

export function demoCampaigns(now: Date): SeedCampaign[] {
  const hour = onTheHour(now)
  const at = (days: number) => new Date(hour.getTime() + days * day)
  const singlesDay = nextSinglesDay(now)
  return [
    {
      slug: 'double-eleven-gold-upgrade',
      name: { zh: '双十一升级黄金', en: "Singles' Day Gold upgrade" },
      fields: {
        kind: 'upgrade',
        schedule: schedule(singlesDay, new Date(singlesDay.getTime() + 3 * day)),
        terms: {
          audience: { tiers: ['silver'], statuses: ['active'] },
          target: { tier: 'gold', billingPeriods: ['annual'] },
          offer: { discount: { kind: 'fixed_price', price: 399 }, bonusDays: 0 },
          budget: { totalRedemptions: 5000, perMember: 1, maxDiscount: 1_000_000 },
          priority: 10,
        },
        channels: ['email', 'in-app', 'sms'],
      },
      copy: {
        zh: {
          headline: '双十一：白银升级黄金年卡只要 ¥399',
          body: '11 月 11 日至 13 日，白银会员升级黄金年卡立省 ¥200。',
          callToAction: '立即升级',
        },
        en: {
          headline: "Singles' Day: Gold for a year at ¥399",
          body: 'From 11 to 13 November, Silver members save ¥200 on a year of Gold.',
          callToAction: 'Upgrade now',
        },
      },
    },
    {
      slug: 'renew-now-plus-one-month',
      name: { zh: '提前续费送一个月', en: 'Renew now, get a month free' },
      fields: {
        kind: 'renewal',
        schedule: schedule(at(-7), at(23)),
        terms: {
          audience: { statuses: ['active', 'grace'], periodEndsWithinDays: 14 },
          target: { billingPeriods: ['quarterly', 'annual'] },
          offer: {
            discount: { kind: 'none' },
            bonusDays: 30,
            gifts: [{ benefit: 'study-pack-gift', amount: 1, validDays: 30 }],
          },
          budget: { perMember: 1 },
          priority: 5,
        },
        channels: ['email', 'in-app'],
      },
      copy: {
        zh: {
          headline: '提前续费，多送一个月',
          body: '会员到期前 14 天内续季卡或年卡，加送 30 天和一份学习礼包。',
          callToAction: '现在续费',
        },
        en: {
          headline: 'Renew early, get a month on us',
          body: 'Renew a quarter or a year within 14 days of your end date: 30 extra days and a study pack.',
          callToAction: 'Renew now',
        },
      },
    },
    {
      slug: 'diamond-trial-one-cent',
      name: { zh: '1 分钱体验钻石 7 天', en: 'Diamond for 7 days at 1 cent' },
      fields: {
        kind: 'trial',
        schedule: schedule(at(-3), at(27)),
        terms: {
          audience: { tiers: ['free', 'silver', 'gold'] },
          target: { tier: 'diamond', billingPeriods: ['monthly'] },
          offer: { discount: { kind: 'fixed_price', price: 0.01 }, bonusDays: 0, trialDays: 7 },
          budget: { totalRedemptions: 2000, perMember: 1 },
          priority: 0,
        },
        channels: ['in-app'],
      },
      copy: {
        zh: {
          headline: '1 分钱，体验 7 天钻石会员',
          body: '无限辅导、4K 视频和专属顾问，先试后买。',
          callToAction: '1 分钱试用',
        },
        en: {
          headline: 'Diamond for 7 days, for 1 cent',
          body: 'Unlimited tutoring, 4K video and your own advisor: try before you buy.',
          callToAction: 'Try for 1 cent',
        },
      },
    },
    {
      slug: 'win-back-30-days',
      name: { zh: '老会员回归 7 折', en: 'Come back at 30 % off' },
      fields: {
        kind: 'winback',
        schedule: schedule(at(-10), at(50)),
        terms: {
          audience: { statuses: ['lapsed'], lapsedWithinDays: 30 },
          target: { tier: 'gold' },
          offer: { discount: { kind: 'percent_off', percent: 30 }, bonusDays: 0 },
          budget: { totalRedemptions: 1000, perMember: 1 },
          priority: 0,
        },
        channels: ['email', 'sms'],
      },
      copy: {
        zh: {
          headline: '好久不见：黄金会员 7 折回归',
          body: '到期 30 天内回来，黄金会员任意周期 7 折。',
          callToAction: '回来看看',
        },
        en: {
          headline: 'We miss you: Gold at 30 % off',
          body: 'Come back within 30 days of your end date: 30 % off Gold, any period.',
          callToAction: 'Come back',
        },
      },
    },
    {
      slug: 'stay-with-us',
      name: { zh: '挽留：续费 8 折', en: 'Stay with us: 20 % off your renewal' },
      fields: {
        kind: 'retention',
        schedule: schedule(at(3), at(63)),
        terms: {
          audience: { tiers: ['silver', 'gold', 'diamond'], statuses: ['active'] },
          target: {},
          offer: { discount: { kind: 'percent_off', percent: 20 }, bonusDays: 0 },
          budget: { perMember: 1, maxDiscount: 500_000 },
          priority: 0,
        },
        channels: ['in-app'],
      },
      copy: {
        zh: {
          headline: '先别走：下次续费 8 折',
          body: '关闭自动续费前，领一张续费 8 折券。',
          callToAction: '领取优惠',
        },
        en: {
          headline: 'Before you go: 20 % off your next renewal',
          body: 'Keep auto-renewal on and take 20 % off your next period.',
          callToAction: 'Take the offer',
        },
      },
    },
    {
      slug: 'refer-a-friend',
      name: { zh: '邀请好友各得 30 天', en: 'Refer a friend: 30 days each' },
      fields: {
        kind: 'referral',
        schedule: schedule(at(-20), at(70)),
        terms: {
          audience: { statuses: ['active'] },
          target: {},
          offer: { discount: { kind: 'none' }, bonusDays: 30 },
          budget: { perMember: 5 },
          priority: 0,
        },
        channels: ['email', 'in-app'],
      },
      copy: {
        zh: {
          headline: '邀请好友，各得 30 天会员',
          body: '好友首次开通会员后，你的会员期延长 30 天，最多 5 次。',
          callToAction: '去邀请',
        },
        en: {
          headline: 'Invite a friend, get 30 days each',
          body: 'When a friend first joins, your membership grows by 30 days, up to 5 times.',
          callToAction: 'Invite',
        },
      },
    },
    {
      slug: 'summer-silver-sale',
      name: { zh: '暑期白银特惠（已结束）', en: 'Summer Silver sale (ended)' },
      fields: {
        kind: 'upgrade',
        schedule: schedule(at(-30), at(30)),
        terms: {
          audience: { tiers: ['free'] },
          target: { tier: 'silver' },
          offer: { discount: { kind: 'amount_off', amount: 10 }, bonusDays: 0 },
          budget: { totalRedemptions: 500, perMember: 1 },
          priority: 0,
        },
        channels: ['email'],
      },
      endedAt: at(-2),
      copy: {
        zh: {
          headline: '暑期白银立减 ¥10',
          body: '免费会员升级白银立减 10 元。',
          callToAction: '升级白银',
        },
        en: {
          headline: 'Summer: ¥10 off Silver',
          body: 'Free members save ¥10 on Silver.',
          callToAction: 'Get Silver',
        },
      },
    },
  ]
}
