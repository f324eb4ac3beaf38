// (a) Entitlement checks over HTTP with N seeded members (default 100k): the lean path (node:http
// hot routes) beside its trivial route /livez, and the same checks through Next (LEAN_ROUTES=off)
// beside Next's trivial route /healthz. (d) The server's memory, idle and under each load.
// Every request asks about a random member and course. Needs a production build (made if missing).
// Usage: npm run bench:check -- [--members 100000] [--seconds 10] [--connections 10]
import { slugs } from '../collections/slugs'
import { demoMemberId } from '../seed/members'
import { demoServiceAccount } from '../seed/data/staff'
import { argNumber, benchPayload, table } from './lib/benchPayload'
import { loadTest, sampleRss, startBuiltServer, type BuiltServer } from './lib/http'

const memberCount = argNumber('members', 100_000)
const seconds = argNumber('seconds', 10)
const connections = argNumber('connections', 10)

const payload = await benchPayload(memberCount)
const courses = (
  await payload.find({
    collection: slugs.courses,
    where: { status: { equals: 'published' } },
    pagination: false,
    depth: 0,
  })
).docs.map((course) => String(course.slug))
await payload.destroy()

const apiKey = { authorization: `${slugs.serviceAccounts} API-Key ${demoServiceAccount.apiKey}` }
const pick = <T>(list: readonly T[]) => list[Math.floor(Math.random() * list.length)]!
const randomMember = () => demoMemberId(1 + Math.floor(Math.random() * memberCount))
const checkPath = () => `/api/entitlements/check?member=${randomMember()}&course=${pick(courses)}`
const batchBody = { member: demoMemberId(1), courses: courses.slice(0, 50) }

const rssMb = (pid: number) => {
  const sampler = sampleRss(pid, 50)
  return new Promise<number>((resolve) => setTimeout(() => resolve(sampler.stop().peakMb), 200))
}

/** The first check waits for the store to load (members from the database): time it. */
async function warmUp(server: BuiltServer): Promise<number> {
  const started = Date.now()
  const deadline = started + 15 * 60_000
  while (Date.now() < deadline) {
    const response = await fetch(`${server.url}${checkPath()}`, { headers: apiKey }).catch(
      () => null,
    )
    if (response?.ok) return (Date.now() - started) / 1000
    await new Promise((resolve) => setTimeout(resolve, 500))
  }
  throw new Error('the entitlement store did not load within 15 minutes')
}

const rows: Record<string, string | number>[] = []
const memory: Record<string, string | number>[] = []
const results: Record<string, number> = {}

for (const lean of [true, false]) {
  const path = lean ? 'lean (node:http)' : 'Next route'
  const server = await startBuiltServer({
    env: { DATABASE_URI: process.env.DATABASE_URI!, LEAN_ROUTES: lean ? 'on' : 'off' },
    timeoutMs: 300_000,
  })
  try {
    const warm = await warmUp(server)
    memory.push({
      server: path,
      state: `idle after store load (${warm.toFixed(1)} s)`,
      'RSS MB': Math.round(await rssMb(server.pid)),
    })
    const scenarios = [
      {
        name: lean ? 'GET /livez (trivial)' : 'GET /healthz (trivial)',
        url: lean ? '/livez' : '/healthz',
      },
      { name: 'GET /api/entitlements/check', nextPath: checkPath, headers: apiKey },
      {
        name: 'POST /api/entitlements/check-batch (50 courses)',
        url: '/api/entitlements/check-batch',
        method: 'POST' as const,
        body: batchBody,
        headers: apiKey,
      },
    ]
    for (const scenario of scenarios) {
      const options = {
        url: `${server.url}${scenario.url ?? '/'}`,
        method: scenario.method,
        headers: scenario.headers,
        body: scenario.body,
        nextPath: scenario.nextPath,
        connections,
      }
      await loadTest({ ...options, duration: 2 }) // warm-up: JIT, connections, Next's module load
      const sampler = sampleRss(server.pid, 100)
      const result = await loadTest({ ...options, duration: seconds })
      const rss = sampler.stop()
      results[`${path}|${scenario.name}`] = result.requestsPerSecond
      rows.push({
        path,
        route: scenario.name,
        'req/s': Math.round(result.requestsPerSecond),
        'p50 ms': result.p50,
        'p99 ms': result.p99,
        'non-2xx': result.non2xx,
        errors: result.errors,
      })
      memory.push({
        server: path,
        state: `under ${scenario.name}`,
        'RSS MB': `${Math.round(rss.meanMb)} mean, ${Math.round(rss.peakMb)} peak`,
      })
    }
  } finally {
    await server.stop()
  }
}

const ratio = (a: string, b: string) => ((results[a] ?? 0) / (results[b] || 1)) * 100
console.log(
  `\n(a) entitlement checks over HTTP: ${memberCount.toLocaleString('en')} members, ${connections} connections, ` +
    `${seconds} s per route, autocannon on the same 2-core machine, Node ${process.version}\n`,
)
console.log(table(rows))
console.log(
  `\nNext check path: ${ratio('Next route|GET /api/entitlements/check', 'Next route|GET /healthz (trivial)').toFixed(0)}% of its trivial route (target ≥ 60%)` +
    `\nlean check path: ${ratio('lean (node:http)|GET /api/entitlements/check', 'lean (node:http)|GET /livez (trivial)').toFixed(0)}% of its trivial route` +
    ` (target ≥ 5,000 checks/s, p99 ≤ 10 ms)`,
)
console.log(`\n(d) server memory\n`)
console.log(table(memory))
process.exit(0)
