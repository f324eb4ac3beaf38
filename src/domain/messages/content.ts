// The words of a member message, in the member's language (docs/messages.md). Plain strings: the
// email templates (src/email/memberMessage.tsx) lay them out and escape them; the inbox stores them.
import type { BillingPeriod, Locale } from '../catalogue/types'
import { formatPrice } from '../catalogue/money'
import { wallOf } from '../time/zonedCalendar'
import type { MessageIntent } from './schedule'

/** The offer a message carries: the best live campaign offer of the kind the message is about. */
export type MessageOffer = {
  campaignId: string
  campaignSlug: string
  campaignName: string
  headline: string
  body: string
  callToAction: string
  /** 分. */
  price: number
  sellingPrice: number
  currency: string
  billingPeriod: BillingPeriod
  bonusDays: number
  /** The period end a renewal at this offer would give (renewal and retention offers). */
  newPeriodEnd: Date | null
  endsAt: Date
}

export type MessageContent = {
  subject: string
  title: string
  /** Paragraphs of the body, without the offer. */
  paragraphs: string[]
  /** The offer's lines, when it goes with the message on this channel. */
  offerLines: string[] | null
  callToAction: string | null
  link: string | null
}

export type ContentFacts = {
  displayName: string | null
  tierName: string | null
  timeZone: string
  /** Where the member renews or takes the offer (the platform's page); null when none. */
  link: string | null
}

const periodNames: Record<BillingPeriod, Record<Locale, string>> = {
  monthly: { zh: '月度', en: 'monthly' },
  quarterly: { zh: '季度', en: 'quarterly' },
  annual: { zh: '年度', en: 'annual' },
}

/** A calendar date in the platform zone: 2026-12-01 (the same day for every reader). */
export function calendarDate(instant: Date, timeZone: string): string {
  const wall = wallOf(instant, timeZone)
  const two = (value: number) => String(value).padStart(2, '0')
  return `${wall.year}-${two(wall.month)}-${two(wall.day)}`
}

function offerLines(offer: MessageOffer, language: Locale, timeZone: string): string[] {
  const price = formatPrice(offer.price, offer.currency, language)
  const regular = formatPrice(offer.sellingPrice, offer.currency, language)
  const period = periodNames[offer.billingPeriod][language]
  const until = calendarDate(offer.endsAt, timeZone)
  const lines =
    language === 'zh'
      ? [
          `${offer.headline}`,
          `${offer.campaignName}：${period}会员 ${price}（原价 ${regular}）${offer.bonusDays > 0 ? `，另赠 ${offer.bonusDays} 天` : ''}。`,
        ]
      : [
          `${offer.headline}`,
          `${offer.campaignName}: ${period} membership for ${price} (regularly ${regular})${offer.bonusDays > 0 ? `, plus ${offer.bonusDays} bonus days` : ''}.`,
        ]
  if (offer.newPeriodEnd) {
    const end = calendarDate(offer.newPeriodEnd, timeZone)
    lines.push(
      language === 'zh'
        ? `现在续费，会员有效期将延至 ${end}。`
        : `Renew now and your membership runs until ${end}.`,
    )
  }
  if (offer.body) lines.push(offer.body)
  lines.push(language === 'zh' ? `优惠截至 ${until}。` : `Offer ends ${until}.`)
  return lines
}

/** The message for `intent` in `language`; `offer` is left out when `withOffer` is false. */
export function messageContent(
  intent: MessageIntent,
  language: Locale,
  facts: ContentFacts,
  offer: MessageOffer | null,
  withOffer: boolean,
): MessageContent {
  const zh = language === 'zh'
  const name = facts.displayName || (zh ? '同学' : 'there')
  const tier = facts.tierName ?? (zh ? '会员' : 'membership')
  const end = calendarDate(intent.periodEnd, facts.timeZone)
  const until = intent.until ? calendarDate(intent.until, facts.timeZone) : end
  const greeting = zh ? `${name}，你好：` : `Hello ${name},`
  const text = (() => {
    switch (intent.kind) {
      case 'renewal_reminder':
        return zh
          ? {
              title: `你的${tier}将于 ${end} 到期`,
              body: [`你的${tier}将于 ${end} 到期（还有 ${intent.step} 天）。续费后权益不中断。`],
            }
          : {
              title: `Your ${tier} ends on ${end}`,
              body: [
                `Your ${tier} ends on ${end} (in ${intent.step} ${intent.step === 1 ? 'day' : 'days'}). Renew to keep your benefits without a break.`,
              ],
            }
      case 'renewal_notice':
        return zh
          ? {
              title: `我们将于 ${until} 为你自动续费`,
              body: [`你的${tier}已开启自动续费，我们将于 ${until} 续费，无需任何操作。`],
            }
          : {
              title: `We will renew your ${tier} on ${until}`,
              body: [
                `Your ${tier} renews automatically on ${until}; there is nothing you need to do.`,
              ],
            }
      case 'grace_ending':
        return zh
          ? {
              title: `自动续费未成功，宽限期至 ${until}`,
              body: [
                `你的${tier}已于 ${end} 到期，自动续费款项尚未到账。宽限期内权益保留至 ${until}，请在此之前完成付款。`,
              ],
            }
          : {
              title: `Your renewal payment has not arrived; grace until ${until}`,
              body: [
                `Your ${tier} ended on ${end} and the automatic renewal has not been paid. You keep your benefits until ${until}; please complete the payment before then.`,
              ],
            }
      case 'expired':
        return zh
          ? {
              title: `你的${tier}已到期`,
              body: [`你的${tier}已于 ${end} 到期，现已回到免费会员。随时可以重新开通。`],
            }
          : {
              title: `Your ${tier} has ended`,
              body: [
                `Your ${tier} ended on ${end}; you are now on the free tier. You can come back at any time.`,
              ],
            }
      case 'winback':
        return zh
          ? { title: `我们想念你`, body: [`你的${tier}已于 ${end} 到期。回来继续学习吧。`] }
          : {
              title: `We miss you`,
              body: [`Your ${tier} ended on ${end}. Come back and keep learning.`],
            }
      case 'campaign_launch':
        return zh ? { title: `新活动上线`, body: [] } : { title: `A new offer for you`, body: [] }
      case 'retention':
        return zh
          ? { title: `关于你的会员`, body: [`感谢你告诉我们原因。`] }
          : { title: `About your membership`, body: [`Thank you for telling us why.`] }
    }
  })()
  const carried = withOffer && offer ? offerLines(offer, language, facts.timeZone) : null
  return {
    subject: text.title,
    title: text.title,
    paragraphs: [greeting, ...text.body],
    offerLines: carried,
    callToAction: carried && offer ? offer.callToAction || (zh ? '立即续费' : 'Renew now') : null,
    link: facts.link,
  }
}

/** The content as plain text (the inbox body, the email's text part is rendered separately). */
export const contentText = (content: MessageContent): string =>
  [...content.paragraphs, ...(content.offerLines ?? [])].join('\n')
