import { readdirSync, readFileSync } from 'node:fs'
import path from 'node:path'

import { outboxDirectory } from '../../src/email/transport'

export type OutboxMessage = { raw: string; headers: string; body: string }

/** Headers as written, body decoded when base64 (nodemailer encodes non-ASCII text so). */
function parse(raw: string): OutboxMessage {
  const split = raw.indexOf('\r\n\r\n')
  const headers = raw.slice(0, split)
  const encoded = raw.slice(split + 4)
  const body = /Content-Transfer-Encoding: base64/i.test(headers)
    ? Buffer.from(encoded.replace(/\s+/g, ''), 'base64').toString('utf8')
    : encoded
  return { raw, headers, body }
}

/** The messages written to the development outbox, oldest first. */
export function outboxMessages(): OutboxMessage[] {
  let files: string[]
  try {
    files = readdirSync(outboxDirectory()).filter((file) => file.endsWith('.eml'))
  } catch {
    return []
  }
  return files.sort().map((file) => parse(readFileSync(path.join(outboxDirectory(), file), 'utf8')))
}
