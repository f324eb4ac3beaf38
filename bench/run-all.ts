// `npm run bench`: every benchmark in turn, each printing its own figures. Extra arguments (e.g.
// `-- --members 20000`) go to the entitlement benchmarks. Figures belong in docs/performance.md.
import { spawnSync } from 'node:child_process'

const extra = process.argv.slice(2)
const benchmarks: [string, string[]][] = [
  ['bench/ferretdb-atomic-increments.ts', []],
  ['bench/http-baseline.ts', []],
  ['bench/engine.ts', extra],
  ['bench/publish.ts', extra],
  ['bench/http-check.ts', extra],
  ['bench/offers.ts', extra],
]
let failed = 0
for (const [script, args] of benchmarks) {
  console.log(`\n=== ${script} ${args.join(' ')}`)
  const run = spawnSync(process.execPath, ['--import', 'tsx', script, ...args], {
    stdio: 'inherit',
  })
  if (run.status !== 0) {
    failed += 1
    console.error(`${script} failed (exit ${run.status})`)
  }
}
process.exit(failed ? 1 : 0)
