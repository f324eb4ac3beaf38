// Chooses how mail leaves the app: SMTP when SMTP_URL is set, otherwise .eml files in an outbox
// directory (never nodemailer's ethereal default, which needs the network).
import { mkdirSync, writeFileSync } from 'node:fs'
import path from 'node:path'

import nodemailer from 'nodemailer'
import type { Transport, Transporter } from 'nodemailer'

import { projectRoot } from '../database/localDatabase'

export type EmailSettings = {
  fromAddress: string
  fromName: string
  transport: Transporter
  /** SMTP servers are verified at start; the outbox needs no check. */
  skipVerify: boolean
  description: string
}

export const outboxDirectory = (): string =>
  path.resolve(projectRoot(), process.env.EMAIL_OUTBOX_DIR ?? path.join('.data', 'outbox'))

export function emailSettingsFromEnv(): EmailSettings {
  const fromAddress = process.env.EMAIL_FROM_ADDRESS ?? 'no-reply@edu.example'
  const fromName = process.env.EMAIL_FROM_NAME ?? '会员中心 Membership'
  const smtpUrl = process.env.SMTP_URL?.trim()
  if (smtpUrl) {
    return {
      fromAddress,
      fromName,
      transport: nodemailer.createTransport(smtpUrl),
      skipVerify: process.env.SMTP_SKIP_VERIFY === 'true',
      description: `SMTP ${new URL(smtpUrl).host}`,
    }
  }
  const directory = outboxDirectory()
  return {
    fromAddress,
    fromName,
    transport: nodemailer.createTransport(outboxTransport(directory)),
    skipVerify: true,
    description: `outbox directory ${directory}`,
  }
}

type OutboxInfo = {
  envelope: { from: string | false; to: string[] }
  messageId: string
  path: string
}

/** A nodemailer transport that writes each message as an RFC 822 `.eml` file. */
export function outboxTransport(directory: string): Transport<OutboxInfo> {
  return {
    name: 'outbox',
    version: '1.0.0',
    send(mail, callback) {
      mail.message.build((error, message) => {
        if (error) return callback(error, undefined as unknown as OutboxInfo)
        try {
          mkdirSync(directory, { recursive: true })
          const messageId = mail.message.messageId()
          const safeId = messageId.replace(/[^a-zA-Z0-9.@-]/g, '')
          const file = path.join(directory, `${Date.now()}-${safeId}.eml`)
          writeFileSync(file, message)
          callback(null, { envelope: mail.message.getEnvelope(), messageId, path: file })
        } catch (writeError) {
          callback(writeError as Error, undefined as unknown as OutboxInfo)
        }
      })
    },
  }
}
