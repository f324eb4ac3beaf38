// `npm run seed [-- --members N] [-- --if-empty] [-- --quiet]`: loads the demo data into the
// configured database: staff, the catalogue, and N demo members (default 3000; 0 for none).
import { SingleBar } from 'cli-progress'
import { getPayload } from 'payload'

import { slugs } from '../collections/slugs'
import { resolveDatabase } from '../src/database/localDatabase'
import { seed } from './index'
import { formatDemoLogins } from './logins'
import { seedMembers, type MemberSeedProgress } from './members'
import { seedRedemptions } from './redemptions'

const ifEmpty = process.argv.includes('--if-empty')
/** Only what was created, and the summary. */
const quiet = process.argv.includes('--quiet')
const membersFlag = process.argv.indexOf('--members')
const memberArgument = membersFlag >= 0 ? process.argv[membersFlag + 1] : undefined
const memberCount =
  memberArgument !== undefined && /^\d+$/.test(memberArgument)
    ? Number(memberArgument)
    : Number(process.env.SEED_MEMBERS ?? 3000)
if (memberArgument !== undefined && !/^\d+$/.test(memberArgument)) {
  console.error(`--members takes a whole number, e.g. --members 100000 (got "${memberArgument}")`)
  process.exit(2)
}

/** A bar on a terminal; a line every 10% in CI logs. */
function progressReporter(): { update: MemberSeedProgress; stop: () => void } {
  if (process.stdout.isTTY) {
    const bar = new SingleBar({
      format: '  members  [{bar}] {percentage}% | {value}/{total} | {eta_formatted} left',
      hideCursor: true,
    })
    let started = false
    return {
      update: (done, total) => {
        if (!started) bar.start(total, 0)
        started = true
        bar.update(done)
      },
      stop: () => started && bar.stop(),
    }
  }
  let lastTenth = -1
  return {
    update: (done, total) => {
      const tenth = Math.floor((done / total) * 10)
      if (tenth !== lastTenth) console.log(`  members  ${done}/${total}`)
      lastTenth = tenth
    },
    stop: () => undefined,
  }
}

// DATABASE_URI, or the embedded server (started if it is not running; it keeps running for the
// next command, `npm run db -- stop` stops it). The config reads DATABASE_URI.
process.env.DATABASE_URI = (await resolveDatabase()).uri
const { default: config } = await import('../payload.config')
const payload = await getPayload({ config })
try {
  const { totalDocs } = await payload.count({ collection: slugs.users })
  if (ifEmpty && totalDocs > 0) {
    console.log(`Database already has ${totalDocs} staff users; seed skipped.`)
  } else {
    const report = await seed({ payload })
    for (const line of report.created) console.log(`  created  ${line}`)
    if (!quiet) for (const line of report.existing) console.log(`  exists   ${line}`)
    console.log(
      `Seed done: ${report.created.length} created, ${report.existing.length} already there.`,
    )
    if (memberCount > 0) {
      const progress = progressReporter()
      const started = Date.now()
      const members = await seedMembers({
        payload,
        count: memberCount,
        onProgress: progress.update,
      })
      progress.stop()
      console.log(
        `Members: ${members.created} created (${members.events} ledger events, ${members.usage} quota rows), ` +
          `${members.existing} already there, in ${((Date.now() - started) / 1000).toFixed(1)} s.`,
      )
      const redemptions = await seedRedemptions({ payload, note: () => undefined })
      console.log(`Campaign redemptions: ${redemptions} created (demo billing orders).`)
    }
  }
  const port = process.env.PORT ?? '3000'
  console.log(`\n${formatDemoLogins(`http://localhost:${port}/admin`)}\n`)
} finally {
  await payload.destroy()
}
process.exit(0)
