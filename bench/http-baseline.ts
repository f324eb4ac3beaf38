// The floor of the app server: the trivial hot route (node:http) against the trivial Next route
// handler, in one built server. Usage: npm run bench:http -- [connections=10] [seconds=10]
import { loadTest, sampleRss, startBuiltServer } from './lib/http'

const connections = Number(process.argv[2] ?? 10)
const seconds = Number(process.argv[3] ?? 10)
if (!(connections >= 1 && seconds >= 1)) {
  console.error('usage: npm run bench:http -- [connections=10] [seconds=10]')
  process.exit(2)
}

const routes = [
  { path: '/livez', servedBy: 'node:http (hot route)' },
  { path: '/healthz', servedBy: 'Next route handler' },
]

const server = await startBuiltServer()
try {
  const rows = []
  for (const route of routes) {
    const url = `${server.url}${route.path}`
    // Warm-up, not measured: JIT, Next loading the route's module, the connections themselves.
    await loadTest({ url, connections, duration: 2 })
    const rss = sampleRss(server.pid, 100)
    const result = await loadTest({ url, connections, duration: seconds })
    const memory = rss.stop()
    rows.push({
      route: `GET ${route.path}`,
      'served by': route.servedBy,
      'req/s': Math.round(result.requestsPerSecond),
      'p50 ms': result.p50,
      'p99 ms': result.p99,
      'non-2xx': result.non2xx,
      errors: result.errors,
      'peak RSS MB': Math.round(memory.peakMb),
    })
  }
  console.log(
    `${connections} connections, ${seconds} s per route, Node ${process.version}, ` +
      'autocannon in the same machine as the server',
  )
  console.table(rows)
} finally {
  await server.stop()
}
process.exit(0)
