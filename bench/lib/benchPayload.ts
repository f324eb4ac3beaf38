// A Payload instance on a database of its own for benchmarks (`bench_entitlements`, on the embedded
// FerretDB unless DATABASE_URI points elsewhere), with the demo catalogue and N demo members.
// Seeding is idempotent, so the first run pays for 100k members and later runs reuse them.
import type { Payload } from 'payload'

import { seed } from '../../seed/index'
import { seedMembers } from '../../seed/members'
import { resolveDatabase, type DatabaseHandle } from '../../src/database/localDatabase'

export const benchDatabaseName = 'bench_entitlements'

/** The benchmark database's URI; sets DATABASE_URI so the config (and child servers) use it. */
export async function benchDatabase(
  databaseName = benchDatabaseName,
): Promise<{ uri: string; handle: DatabaseHandle }> {
  const configured = process.env.BENCH_DATABASE_URI ?? process.env.DATABASE_URI
  const handle = configured
    ? await resolveDatabase()
    : await resolveDatabase({ databaseName, log: () => {} })
  const uri = new URL(configured ?? handle.uri)
  uri.pathname = `/${databaseName}`
  process.env.DATABASE_URI = uri.toString()
  process.env.BENCH_DATABASE_URI = uri.toString()
  return { uri: uri.toString(), handle }
}

export async function benchPayload(
  members: number,
  options: { database?: string; contacts?: boolean } = {},
): Promise<Payload> {
  await benchDatabase(options.database)
  // The app's minute jobs (expiries, reminders at the real now, webhooks) would run in the bench's
  // own process and land in its figures.
  process.env.JOBS_AUTORUN ??= 'false'
  const { getPayload } = await import('payload')
  const { default: config } = await import('../../payload.config')
  const payload = await getPayload({ config })
  await seed({ payload })
  const started = Date.now()
  const seeded = await seedMembers({
    payload,
    count: members,
    contacts: options.contacts,
    onProgress: (done, total) => {
      if (done % 20_000 === 0 || done === total)
        process.stderr.write(`  seeding members ${done}/${total}\r`)
    },
  })
  if (seeded.created) {
    process.stderr.write(
      `\n  seeded ${seeded.created} members in ${((Date.now() - started) / 1000).toFixed(1)} s\n`,
    )
  }
  return payload
}

export const argNumber = (name: string, fallback: number): number => {
  const index = process.argv.indexOf(`--${name}`)
  const value = index >= 0 ? Number(process.argv[index + 1]) : Number.NaN
  return Number.isFinite(value) && value > 0 ? value : fallback
}

export function table(rows: Record<string, string | number>[]): string {
  const columns = Object.keys(rows[0] ?? {})
  const width = (column: string) =>
    Math.max(column.length, ...rows.map((row) => String(row[column]).length))
  const line = (cells: string[]) => `| ${cells.join(' | ')} |`
  return [
    line(columns.map((column) => column.padEnd(width(column)))),
    line(columns.map((column) => '-'.repeat(width(column)))),
    ...rows.map((row) => line(columns.map((column) => String(row[column]).padEnd(width(column))))),
  ].join('\n')
}
