import { once } from 'node:events'
import type { AddressInfo } from 'node:net'

import type { Payload } from 'payload'
import { SMTPServer } from 'smtp-server'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import { slugs } from '../../collections/slugs'
import { emailSettingsFromEnv } from '../../src/email/transport'
import { rest, testPayload } from '../helpers/api'
import { outboxMessages } from '../helpers/outbox'
import { staffFactory, type TestStaff } from '../helpers/staff'

let payload: Payload
let factory: ReturnType<typeof staffFactory>
let support: TestStaff

beforeAll(async () => {
  payload = await testPayload()
  factory = staffFactory(payload)
  support = await factory.staff(['support'])
})

afterAll(async () => {
  await factory.cleanup()
})

describe('email without SMTP configured', () => {
  it('is written to the outbox directory', async () => {
    const before = outboxMessages().length
    await payload.sendEmail({
      to: 'learner@test.example',
      subject: 'Outbox check 会员到期提醒',
      text: 'Your membership renews soon.',
    })
    const messages = outboxMessages()
    expect(messages).toHaveLength(before + 1)
    const message = messages.at(-1)
    expect(message?.headers).toContain('To: learner@test.example')
    expect(message?.headers).toContain('<no-reply@edu.example>')
    expect(message?.body).toContain('Your membership renews soon.')
  })

  it('carries the password-reset link a staff user asks for', async () => {
    const before = outboxMessages().length
    const { status } = await rest('POST', `/${slugs.users}/forgot-password`, {
      json: { email: support.email },
    })
    expect(status).toBe(200)
    const messages = outboxMessages()
    expect(messages).toHaveLength(before + 1)
    expect(messages.at(-1)?.headers).toContain(`To: ${support.email}`)
    expect(messages.at(-1)?.body).toMatch(/\/admin\/reset\/[0-9a-f]{20,}/)
  })
})

describe('email with SMTP_URL', () => {
  it('is delivered to the SMTP server', async () => {
    const received: string[] = []
    const server = new SMTPServer({
      authOptional: true,
      disabledCommands: ['STARTTLS'],
      onData(stream, _session, callback) {
        const chunks: Buffer[] = []
        stream.on('data', (chunk: Buffer) => chunks.push(chunk))
        stream.on('end', () => {
          received.push(Buffer.concat(chunks).toString('utf8'))
          callback()
        })
      },
    })
    server.listen(0, '127.0.0.1')
    await once(server.server, 'listening')
    const { port } = server.server.address() as AddressInfo
    process.env.SMTP_URL = `smtp://127.0.0.1:${port}`
    try {
      const settings = emailSettingsFromEnv()
      expect(settings.description).toBe(`SMTP 127.0.0.1:${port}`)
      await settings.transport.verify()
      await settings.transport.sendMail({
        from: { name: settings.fromName, address: settings.fromAddress },
        to: 'learner@test.example',
        subject: 'SMTP check',
        text: 'hello over SMTP',
      })
      expect(received).toHaveLength(1)
      expect(received[0]).toContain('Subject: SMTP check')
      expect(received[0]).toContain('hello over SMTP')
    } finally {
      delete process.env.SMTP_URL
      server.close()
    }
  })
})
