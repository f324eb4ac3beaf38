// Consuming quota (docs/rules.md rule 9): never over-spent under concurrency, a repeated idempotency key
// counts once, windows reset in the platform time zone.
//
// Each consumption is a row whose id is `<member>:<benefit>:<window>:<n>`. Writing row n+1 is the
// claim on the next slot: the database's unique _id lets exactly one writer have it, in this or any
// other process, on MongoDB and FerretDB alike (FerretDB loses concurrent $inc updates across
// connections; inserts of one _id it does not). In this process, consumers of one key also queue
// behind each other, so the common case never retries.
import { ObjectId, type Collection } from 'mongodb'
import type { Payload } from 'payload'

import { slugs } from '../../../collections/slugs'
import { checkBenefit, usageWindow } from '../../domain/entitlements/engine'
import { quotaWindowKey } from '../../domain/entitlements/quotaWindow'
import { reasonMessages } from '../../domain/entitlements/reasons'
import { benefitOffer } from '../campaigns/offers'
import { serialized } from './ledger'
import { ok, refuse, type Outcome } from '../result'
import { benefitJson, contextFor, isRefused, usageKey, usedNow } from './service'
import { rawCollection, rememberUsage, usageHead } from './store'

type Json = Record<string, unknown>

export type ConsumeInput = {
  member: string
  benefit: string
  amount: number
  idempotencyKey: string
}

const isDuplicateKey = (error: unknown) => (error as { code?: number })?.code === 11000

type UsageRow = { _id: string; sequence: number; usedAfter: number }

/** How long a claimed idempotency key may stay unanswered before a retry may take it over. */
const staleClaimMs = 30_000

/**
 * Uses `amount` of a quota benefit (POST /api/entitlements/consume). Every "no" is a refusal that
 * still says what the member has (`value`) and what would allow it (`upgrade`).
 */
export async function consumeBenefit(
  payload: Payload,
  input: ConsumeInput,
  now = new Date(),
): Promise<Outcome<Json>> {
  const context = await contextFor(payload, input.member, now)
  if (isRefused(context)) return context
  const { view, catalogue } = context
  const benefit = catalogue.benefitsByKey.get(input.benefit)
  const memberId = view.member.id
  if (!benefit) {
    return refuse('benefit_unknown', reasonMessages.benefit_unknown, {
      field: 'benefit',
      details: { consumed: false, benefit: input.benefit },
    })
  }
  if (benefit.shape.kind !== 'quota') {
    return refuse(
      'not_consumable',
      {
        zh: `“${benefit.name.zh}”不是额度型权益，无需扣减；请用 check 判断能否使用。`,
        en: `"${benefit.name.en}" is not a quota, so there is nothing to consume; use check instead.`,
      },
      { field: 'benefit', details: { consumed: false, benefit: benefit.key } },
    )
  }

  const requests = rawCollection(payload, slugs.usageRequests)
  const claimId = `${memberId}:${input.idempotencyKey}`
  return serialized(`claim:${claimId}`, async () => {
    const claimed = await claim(requests, claimId, now)
    if (claimed !== 'claimed') return claimed

    const window = usageWindow(view, benefit, catalogue, now)
    const key = window ? usageKey(memberId, benefit.id, quotaWindowKey(window)) : null
    const result = await serialized(`usage:${key ?? memberId}`, async () => {
      let head = (key && usageHead(payload, key)) || {
        sequence: 0,
        used: usedNow(payload, context, benefit),
      }
      for (;;) {
        const check = checkBenefit(view, catalogue, benefit.key, input.amount, now, head.used)
        const quota = check.value?.quota
        const details = {
          consumed: false,
          benefit: benefit.key,
          value: check.value ? benefitJson(check.value) : null,
          upgrade: check.upgrade,
          offer: benefitOffer(payload, context, check),
        }
        if (check.reason !== 'entitled') {
          return refuse(check.reason, reasonMessages[check.reason], { field: 'benefit', details })
        }
        if (!key || !window) {
          // A per-billing-period quota (from a grant) for a member outside any paid period.
          return refuse(
            'not_consumable',
            {
              zh: `“${benefit.name.zh}”按计费周期计数，该会员当前不在付费周期内，无法扣减。`,
              en: `"${benefit.name.en}" is counted per billing period and the member is in none now, so nothing can be consumed.`,
            },
            { field: 'benefit', details },
          )
        }
        const row = {
          _id: `${key}:${head.sequence + 1}`,
          member: new ObjectId(memberId),
          benefit: new ObjectId(benefit.id),
          windowStart: window.start,
          windowEnd: window.end,
          sequence: head.sequence + 1,
          amount: input.amount,
          usedAfter: head.used + input.amount,
          at: now,
          idempotencyKey: input.idempotencyKey,
          createdAt: now,
          updatedAt: now,
        }
        try {
          await rawCollection(payload, slugs.benefitUsage).insertOne(row as never)
        } catch (error) {
          if (!isDuplicateKey(error)) throw error
          // Another process took this slot: learn what it wrote and try the next one.
          const taken = (await rawCollection(payload, slugs.benefitUsage).findOne({
            _id: row._id,
          } as never)) as unknown as UsageRow | null
          head = { sequence: row.sequence, used: taken?.usedAfter ?? head.used }
          rememberUsage(payload, key, head)
          continue
        }
        head = { sequence: row.sequence, used: row.usedAfter }
        rememberUsage(payload, key, head)
        const limit = quota?.limit ?? null
        return ok<Json>({
          consumed: true,
          replayed: false,
          reason: 'entitled',
          member: { id: memberId, externalId: view.member.externalId },
          benefit: benefit.key,
          amount: input.amount,
          used: head.used,
          limit,
          remaining: limit === null ? null : Math.max(0, limit - head.used),
          resetsAt: window.end.toISOString(),
          usageId: row._id,
        })
      }
    })
    if (result.ok) {
      await requests.updateOne({ _id: claimId } as never, {
        $set: { state: 'done', result: result.value, updatedAt: new Date() },
      })
    } else {
      // A refusal is not remembered: once the quota resets, the same key may succeed.
      await requests.deleteOne({ _id: claimId } as never)
    }
    return result
  })
}

/** Claims the idempotency key, or returns the answer the key already has. */
async function claim(
  requests: Collection,
  claimId: string,
  now: Date,
): Promise<'claimed' | Outcome<Json>> {
  try {
    await requests.insertOne({
      _id: claimId,
      state: 'pending',
      at: now,
      createdAt: now,
      updatedAt: now,
    } as never)
    return 'claimed'
  } catch (error) {
    if (!isDuplicateKey(error)) throw error
  }
  const existing = (await requests.findOne({ _id: claimId } as never)) as {
    state?: string
    result?: Json
    at?: Date
  } | null
  if (existing?.state === 'done' && existing.result)
    return ok({ ...existing.result, replayed: true })
  if (existing && now.getTime() - new Date(existing.at ?? 0).getTime() > staleClaimMs) {
    // The first request died mid-way without consuming (a consumption would have finished it).
    await requests.deleteOne({ _id: claimId } as never)
    return claim(requests, claimId, now)
  }
  return refuse(
    'request_in_progress',
    {
      zh: '相同幂等键的请求正在处理中，请稍后重试。',
      en: 'A request with the same idempotency key is still being processed; retry shortly.',
    },
    { field: 'idempotencyKey', details: { consumed: false } },
  )
}
