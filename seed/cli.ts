// `npm run seed [-- --if-empty] [-- --quiet]`: loads the demo data into the configured database.
import { getPayload } from 'payload'

import { slugs } from '../collections/slugs'
import { seed } from './index'
import { formatDemoLogins } from './logins'

const ifEmpty = process.argv.includes('--if-empty')
/** Only what was created, and the summary. */
const quiet = process.argv.includes('--quiet')

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
  }
  const port = process.env.PORT ?? '3000'
  console.log(`\n${formatDemoLogins(`http://localhost:${port}/admin`)}\n`)
} finally {
  await payload.destroy()
}
process.exit(0)
