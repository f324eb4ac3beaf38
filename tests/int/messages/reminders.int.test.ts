// Renewal reminders and lifecycle messages on the real database with a real SMTP sink
// (docs/messages.md, docs/rules.md rules 23 and 24): 7/3/1 days exactly once under a fast-forwarded
// clock, a crash between claim and send, two runners at once, a retried email, consent, zh and en.
import { simpleParser } from 'mailparser'
import { ObjectId } from 'mongodb'
import type { Payload } from 'payload'
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest'

import { globalSlugs, slugs } from '../../../collections/slugs'
import type { MemberRecord } from '../../../src/domain/entitlements/engine'
import { calendarDate } from '../../../src/domain/messages/content'
import { messageKey } from '../../../src/domain/messages/schedule'
import { findMember, rawCollection } from '../../../src/operations/entitlements/store'
import { maxClaims, messageIdFor } from '../../../src/operations/messages/deliver'
import {
  forgetDoneMessages,
  sendLifecycleMessages,
} from '../../../src/operations/messages/lifecycle'
import { rest, testPayload, type Credentials } from '../../helpers/api'
import { campaignFactory, fromNow, times } from '../../helpers/campaigns'
import { createCatalogueFixture, type Fixture } from '../../helpers/catalogue'
import { membersFactory } from '../../helpers/members'
import { staffFactory } from '../../helpers/staff'

// The SMTP sink, listening before payload.config.ts is imported (it reads SMTP_URL then).
const smtp = await vi.hoisted(async () => {
  const { SMTPServer } = await import('smtp-server')
  const raw: string[] = []
  /** Addresses whose next delivery the sink refuses (a mail server having a bad minute). */
  const refuseOnce = new Set<string>()
  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ['STARTTLS'],
    onData(stream, session, callback) {
      const chunks: Buffer[] = []
      stream.on('data', (chunk: Buffer) => chunks.push(chunk))
      stream.on('end', () => {
        const to = session.envelope.rcptTo.map((entry) => entry.address)
        const refused = to.find((address) => refuseOnce.delete(address))
        if (refused) {
          const error = new Error('mailbox busy, try later') as Error & { responseCode: number }
          error.responseCode = 451
          return callback(error)
        }
        raw.push(Buffer.concat(chunks).toString('utf8'))
        callback()
      })
    },
  })
  server.listen(0, '127.0.0.1')
  await new Promise((resolve) => server.server.once('listening', resolve))
  const { port } = server.server.address() as { port: number }
  process.env.SMTP_URL = `smtp://127.0.0.1:${port}`
  return { server, raw, refuseOnce }
})

type Mail = { to: string; subject: string; html: string; text: string }
async function mailsTo(address: string): Promise<Mail[]> {
  const parsed = await Promise.all(smtp.raw.map((raw) => simpleParser(raw)))
  return parsed
    .map((mail) => ({
      to: [mail.to ?? []]
        .flat()
        .flatMap((entry) => entry.value.map((v) => v.address ?? ''))
        .join(),
      subject: mail.subject ?? '',
      html: typeof mail.html === 'string' ? mail.html : '',
      text: mail.text ?? '',
    }))
    .filter((mail) => mail.to === address)
}

let payload: Payload
let fixture: Fixture
let staff: ReturnType<typeof staffFactory>
let members: ReturnType<typeof membersFactory>
let campaigns: ReturnType<typeof campaignFactory>
let billing: Credentials
const day = times.day
let serial = 0

beforeAll(async () => {
  payload = await testPayload()
  fixture = await createCatalogueFixture(payload)
  staff = staffFactory(payload)
  billing = await staff.serviceAccount(['billing'])
  members = membersFactory(payload, billing)
  campaigns = campaignFactory(payload, fixture)
  // "Renew now: ¥5 off one more month" — live for the whole fast-forwarded month.
  await campaigns.published('renew-now', {
    kind: 'renewal',
    schedule: { startsAt: fromNow(-times.hour), endsAt: fromNow(60 * day) },
    terms: { target: { tier: null }, offer: { discount: { kind: 'amount_off', amount: 5 } } },
  })
})

afterAll(async () => {
  delete process.env.SMTP_URL
  smtp.server.close()
  await rawCollection(payload, slugs.memberMessages).deleteMany({})
  await rawCollection(payload, slugs.messageClaims).deleteMany({})
  await members?.cleanup()
  await campaigns?.cleanup()
  await staff?.cleanup()
  await fixture?.cleanup()
})

/** A Silver member bought `boughtDaysAgo` days ago, with contact set by billing. */
async function learner(
  contact: Record<string, unknown>,
  boughtDaysAgo = 22,
  order: Record<string, unknown> = {},
): Promise<MemberRecord & { email: string }> {
  serial += 1
  const email = `learner-${serial}-${Date.now()}@test.example`
  const bought = await members.buyer(`silver-${fixture.suffix}`, {
    occurredAt: new Date(Date.now() - boughtDaysAgo * day).toISOString(),
    autoRenew: false,
    ...order,
  })
  const response = await rest('POST', `/${slugs.members}/contact`, {
    as: billing,
    json: { member: bought.externalId, email, ...contact },
  })
  expect(response.status).toBe(200)
  return { ...findMember(payload, bought.id)!, email }
}

const endOf = (member: { id: string }) => findMember(payload, member.id)!.membership.periodEnd!
const before = (member: { id: string }, days: number, minutes = 1) =>
  new Date(endOf(member).getTime() - days * day + minutes * 60_000)

/** The job, queued and run as the app server's runner would, at `now`. */
async function runJob(now: Date) {
  await payload.jobs.queue({ task: 'sendRenewalReminders', input: { now: now.toISOString() } })
  await payload.jobs.run({ queue: 'default' })
}

const messageDoc = (key: string) =>
  rawCollection(payload, slugs.memberMessages).findOne({ _id: messageIdFor(key) })
const claimsOf = (key: string) =>
  rawCollection(payload, slugs.messageClaims)
    .find({ key } as never, { sort: { claim: 1 } })
    .toArray()

describe('member contact', () => {
  it('is set by billing by platform user id, idempotently, and stamps consent changes', async () => {
    const externalId = members.externalId()
    const json = {
      member: externalId,
      email: 'new@test.example',
      language: 'en',
      consentEmail: true,
    }
    const first = await rest('POST', `/${slugs.members}/contact`, { as: billing, json })
    expect(first.status).toBe(201)
    expect(first.body).toMatchObject({
      created: true,
      contact: {
        email: 'new@test.example',
        language: 'en',
        consent: { email: true, inApp: false },
      },
    })
    members.track((first.body.member as { id: string }).id)
    const stamped = (first.body.contact as { consentUpdatedAt: string }).consentUpdatedAt
    expect(stamped).toEqual(expect.any(String))
    const again = await rest('POST', `/${slugs.members}/contact`, { as: billing, json })
    expect(again.status).toBe(200)
    expect(again.body).toMatchObject({ created: false, changed: false })
    expect((again.body.contact as { consentUpdatedAt: string }).consentUpdatedAt).toBe(stamped)
    const support = await staff.staff(['support'])
    const seen = await rest(
      'GET',
      `/${slugs.members}/${(first.body.member as { id: string }).id}`,
      {
        as: { token: support.token },
      },
    )
    expect(seen.body).toMatchObject({ contact: { email: 'new@test.example', language: 'en' } })
  })
})

describe('renewal reminders', () => {
  it('are sent at 7, 3 and 1 days, each exactly once, in zh and en, with the best offer only where consented', async () => {
    const zh = await learner({
      displayName: '<script>alert(1)</script>小明',
      language: 'zh',
      consentEmail: true,
      consentInApp: true,
    })
    const en = await learner({ displayName: 'Ann', language: 'en' })
    for (const days of [8, 7, 7, 5, 3, 3, 1, 1]) await runJob(before(zh, days))

    const zhMails = await mailsTo(zh.email)
    const enMails = await mailsTo(en.email)
    expect(zhMails.map((mail) => mail.subject)).toHaveLength(3)
    expect(enMails).toHaveLength(3)
    const end = calendarDate(endOf(zh), 'Asia/Shanghai')
    expect(zhMails[0]!.subject).toContain(`将于 ${end} 到期`)
    expect(zhMails[0]!.text).toContain('还有 7 天')
    expect(zhMails[1]!.text).toContain('还有 3 天')
    expect(zhMails[2]!.text).toContain('还有 1 天')
    expect(enMails[0]!.subject).toContain('ends on')
    expect(enMails[2]!.text).toContain('in 1 day')

    // The best renewal offer (¥39 − ¥5), with the end one more month would give.
    const newEnd = calendarDate(
      new Date(
        Date.UTC(
          endOf(zh).getUTCFullYear(),
          endOf(zh).getUTCMonth() + 1,
          endOf(zh).getUTCDate(),
          endOf(zh).getUTCHours(),
        ),
      ),
      'Asia/Shanghai',
    )
    expect(zhMails[0]!.text).toContain('¥34')
    expect(zhMails[0]!.text).toContain(`会员有效期将延至 ${newEnd}`)
    // No marketing consent: the reminder still goes, without the offer.
    expect(enMails[0]!.text).not.toContain('$34')
    expect(enMails[0]!.text).not.toContain('¥34')
    expect(enMails[0]!.html).not.toContain('data-offer')

    // Every interpolated value escaped.
    expect(zhMails[0]!.html).toContain('&lt;script&gt;alert(1)&lt;/script&gt;小明')
    expect(zhMails[0]!.html).not.toContain('<script>')

    // The inbox: three reminders, the offer in-app only for the member who consented in-app.
    const inbox = await rest('GET', `/${slugs.members}/${zh.externalId}/messages`, { as: billing })
    expect(inbox.status).toBe(403) // billing may not read a member's inbox
    const frontend = await staff.serviceAccount(['frontend'])
    const zhInbox = await rest('GET', `/${slugs.members}/${zh.externalId}/messages?limit=2`, {
      as: frontend,
    })
    expect(zhInbox.body).toMatchObject({ total: 3, unread: 3, totalPages: 2 })
    const [latest] = zhInbox.body.messages as { id: string; offer: unknown; title: string }[]
    expect(latest!.offer).toMatchObject({ price: 3400, campaign: { slug: expect.any(String) } })
    const enInbox = await rest('GET', `/${slugs.members}/${en.id}/messages`, { as: frontend })
    expect((enInbox.body.messages as { offer: unknown }[]).map((m) => m.offer)).toEqual([
      null,
      null,
      null,
    ])
    const read = await rest('POST', `/${slugs.members}/${zh.id}/messages/${latest!.id}/read`, {
      as: frontend,
      json: {},
    })
    expect(read.body).toMatchObject({ unread: 2, message: { readAt: expect.any(String) } })

    // Each reminder's claim is sent, with a delivery record per channel.
    const doc = await messageDoc(messageKey('renewal_reminder', en.id, endOf(en), 3))
    expect(doc).toMatchObject({ state: 'sent', inbox: true, attempts: 1 })
    expect(
      (doc!.deliveries as { channel: string; status: string }[]).map((d) => [d.channel, d.status]),
    ).toEqual([
      ['email', 'sent'],
      ['in-app', 'sent'],
    ])
  })

  it('catches a missed window up once: down over the 7- and 3-day marks, then 3 and 1 only', async () => {
    const member = await learner({})
    await runJob(before(member, 2))
    await runJob(before(member, 1))
    const mails = await mailsTo(member.email)
    expect(mails.map((mail) => mail.text.match(/还有 (\d) 天/)?.[1])).toEqual(['3', '1'])
  })

  it('resends a message whose runner crashed between claim and send, once, after the lease', async () => {
    const member = await learner({}, 21)
    const at = before(member, 7)
    const key = messageKey('renewal_reminder', member.id, endOf(member), 7)
    await expect(
      sendLifecycleMessages(payload, {
        now: at,
        afterClaim: (claimed) => {
          if (claimed === key) throw new Error('crashed after the claim')
        },
      }),
    ).rejects.toThrow('crashed after the claim')
    // A claim and no message: nothing was sent, nothing shows in the inbox.
    expect(await messageDoc(key)).toBeNull()
    expect((await claimsOf(key)).map((claim) => claim.claim)).toEqual([0])
    expect(await mailsTo(member.email)).toHaveLength(0)
    // Within the lease the claim is still someone's: nothing is sent.
    await runJob(new Date(at.getTime() + 60_000))
    expect(await mailsTo(member.email)).toHaveLength(0)
    // After it, the next run takes the claim over and sends, once.
    await runJob(new Date(at.getTime() + 6 * 60_000))
    await runJob(new Date(at.getTime() + 12 * 60_000))
    expect(await mailsTo(member.email)).toHaveLength(1)
    expect(await messageDoc(key)).toMatchObject({ state: 'sent', attempts: 1 })
    // Taken over by the next claim number, which only one runner could insert.
    expect((await claimsOf(key)).map((claim) => claim.claim)).toEqual([0, 1])
  })

  it('gives a message up, visibly, when every runner that claims it crashes', async () => {
    const member = await learner({}, 21)
    const at = before(member, 7)
    const key = messageKey('renewal_reminder', member.id, endOf(member), 7)
    const crash = (claimed: string) => {
      if (claimed === key) throw new Error('crashed after the claim')
    }
    for (let run = 0; run < maxClaims; run += 1) {
      await expect(
        sendLifecycleMessages(payload, {
          now: new Date(at.getTime() + run * 6 * 60_000),
          afterClaim: crash,
        }),
      ).rejects.toThrow('crashed after the claim')
    }
    expect(await claimsOf(key)).toHaveLength(maxClaims)
    const after = new Date(at.getTime() + maxClaims * 6 * 60_000)
    const outcome = await sendLifecycleMessages(payload, { now: after, afterClaim: crash })
    expect(outcome.abandoned).toBe(1)
    const abandoned = await messageDoc(key)
    expect(abandoned).toMatchObject({ state: 'abandoned', inbox: false })
    expect(
      (abandoned!.deliveries as { channel: string; status: string }[]).map((d) => [
        d.channel,
        d.status,
      ]),
    ).toEqual([
      ['email', 'failed'],
      ['in-app', 'failed'],
    ])
    // Recorded once; later runs leave it alone and send nothing.
    forgetDoneMessages()
    await runJob(new Date(after.getTime() + 6 * 60_000))
    expect(await mailsTo(member.email)).toHaveLength(0)
    expect(await claimsOf(key)).toHaveLength(maxClaims)
  })

  it('sends once when two runners run at once, and a retried job sends nothing more', async () => {
    const member = await learner({}, 20)
    const at = before(member, 7)
    const [a, b] = await Promise.all([
      sendLifecycleMessages(payload, { now: at, runner: 'runner-a' }),
      sendLifecycleMessages(payload, { now: at, runner: 'runner-b' }),
    ])
    expect(a.sent + b.sent).toBeGreaterThanOrEqual(1)
    expect(await mailsTo(member.email)).toHaveLength(1)
    // Two queued jobs run at once by two runners, then both again (a retry).
    const later = before(member, 3)
    await payload.jobs.queue({ task: 'sendRenewalReminders', input: { now: later.toISOString() } })
    await payload.jobs.queue({ task: 'sendRenewalReminders', input: { now: later.toISOString() } })
    await Promise.all([
      payload.jobs.run({ queue: 'default' }),
      payload.jobs.run({ queue: 'default' }),
    ])
    await runJob(later)
    expect(await mailsTo(member.email)).toHaveLength(2)
    // Each message sent is announced once to webhooks (message.sent), without the address.
    const announced = await rawCollection(payload, slugs.webhookEvents)
      .find({ type: 'message.sent', member: new ObjectId(member.id) } as never)
      .toArray()
    expect(announced).toHaveLength(2)
    expect(
      announced.map((event) => (event.data as { message: { step: number } }).message.step),
    ).toEqual(expect.arrayContaining([7, 3]))
    expect(JSON.stringify(announced)).not.toContain(member.email)
  })

  it('retries an email the mail server refused, and records the failure meanwhile', async () => {
    const member = await learner({}, 19)
    const at = before(member, 7)
    smtp.refuseOnce.add(member.email)
    await runJob(at)
    const key = messageKey('renewal_reminder', member.id, endOf(member), 7)
    const failed = await messageDoc(key)
    // Recorded as to be retried; the in-app copy is in the inbox already.
    expect(failed).toMatchObject({ state: 'retrying', attempts: 1, inbox: true })
    const [delivery] = failed!.deliveries as { status: string; error: string }[]
    expect(delivery).toMatchObject({ status: 'failed' })
    expect(delivery!.error).not.toContain(member.email)
    await runJob(new Date(at.getTime() + 6 * 60_000))
    expect(await mailsTo(member.email)).toHaveLength(1)
    expect(await messageDoc(key)).toMatchObject({ state: 'sent', attempts: 2 })
  })

  it('skips a member who renewed, and tells an auto-renewing member the renewal date once', async () => {
    const renewed = await learner({}, 18)
    const oldEnd = endOf(renewed)
    await members.order({ type: 'renewal', member: renewed.id, amount: 3900 })
    expect(endOf(renewed).getTime()).toBeGreaterThan(oldEnd.getTime())
    await runJob(new Date(oldEnd.getTime() - 3 * day))
    expect(await mailsTo(renewed.email)).toHaveLength(0)

    const auto = await learner({ language: 'en' }, 17, { autoRenew: true })
    await runJob(before(auto, 7))
    await runJob(before(auto, 3))
    const mails = await mailsTo(auto.email)
    expect(mails).toHaveLength(1)
    const renewsOn = calendarDate(endOf(auto), 'Asia/Shanghai')
    expect(mails[0]!.subject).toMatch(new RegExp(`^We will renew your .+ on ${renewsOn}$`))
    expect(mails[0]!.text).not.toContain('¥')
  })

  it('records SMS as not sent (no provider) when the channel is on, never dropping it', async () => {
    await payload.updateGlobal({
      slug: globalSlugs.membershipSettings,
      data: { messageChannels: ['email', 'in-app', 'sms'] } as never,
    })
    try {
      const member = await learner({ phone: '+86 138 0000 0000', consentSms: true }, 16)
      await runJob(before(member, 7))
      const doc = await messageDoc(messageKey('renewal_reminder', member.id, endOf(member), 7))
      expect(
        (doc!.deliveries as { channel: string; status: string; reason: string | null }[]).map(
          (d) => [d.channel, d.status, d.reason],
        ),
      ).toEqual([
        ['email', 'sent', null],
        ['in-app', 'sent', null],
        ['sms', 'not_sent', 'no_provider'],
      ])
    } finally {
      await payload.updateGlobal({
        slug: globalSlugs.membershipSettings,
        data: { messageChannels: ['email', 'in-app'] } as never,
      })
    }
  })
})

describe('expiry and win-back', () => {
  it('tells a lapsed member once, and sends win-back only with consent for the channel', async () => {
    await campaigns.published('come-back', {
      kind: 'winback',
      schedule: { startsAt: fromNow(-times.hour), endsAt: fromNow(60 * day) },
      terms: {
        audience: { tiers: [], statuses: ['lapsed'] },
        target: { tier: fixture.tiers.silver },
        offer: { discount: { kind: 'percent_off', percent: 30 } },
      },
    })
    const consented = await learner({ consentEmail: true }, 25)
    const refused = await learner({}, 25)
    for (const member of [consented, refused]) {
      const end = endOf(member)
      await runJob(new Date(end.getTime() + 60_000))
      await runJob(new Date(end.getTime() + 3 * day + 60_000))
      await runJob(new Date(end.getTime() + 3 * day + 120_000))
    }
    const yes = await mailsTo(consented.email)
    const no = await mailsTo(refused.email)
    expect(yes.map((mail) => mail.subject)).toEqual([
      expect.stringContaining('已到期'),
      '我们想念你',
    ])
    expect(yes[1]!.text).toContain('¥27.30')
    expect(no.map((mail) => mail.subject)).toEqual([expect.stringContaining('已到期')])
    const winback = await messageDoc(messageKey('winback', refused.id, endOf(refused), 3))
    expect(
      (winback!.deliveries as { channel: string; reason: string }[]).map((d) => [
        d.channel,
        d.reason,
      ]),
    ).toEqual([
      ['email', 'no_consent'],
      ['in-app', 'no_consent'],
    ])
  })
})

describe('campaign launch (docs/rules.md rule 23)', () => {
  it('tells members who may take a new upgrade offer and agreed to offers, once, on its channels', async () => {
    const consented = await learner({ consentEmail: true, consentInApp: true }, 5)
    const refused = await learner({}, 5)
    const id = await campaigns.published('gold-launch', {
      kind: 'upgrade',
      schedule: { startsAt: fromNow(-times.hour), endsAt: fromNow(10 * day) },
      channels: ['email', 'in-app'],
    })
    const key = (member: { id: string }) => `campaign_launch:${member.id}:${id}`
    const now = new Date()
    await runJob(now)
    await runJob(new Date(now.getTime() + 60_000))
    const launch = await messageDoc(key(consented))
    expect(launch).toMatchObject({ kind: 'campaign_launch', state: 'sent', inbox: true })
    expect(launch!.offer).toMatchObject({ campaign: { id } })
    const mails = (await mailsTo(consented.email)).filter((mail) => mail.subject === '新活动上线')
    expect(mails).toHaveLength(1)
    // Nobody else is written to: no consent, no message (not even a "not sent" record).
    expect(await messageDoc(key(refused))).toBeNull()
    expect(
      (await mailsTo(refused.email)).filter((mail) => mail.subject === '新活动上线'),
    ).toHaveLength(0)
    // A launch more than three days old is history: a new member who consents later is not told.
    const late = await learner({ consentEmail: true }, 5)
    await runJob(new Date(now.getTime() + 4 * day))
    expect(await messageDoc(key(late))).toBeNull()
  })
})
