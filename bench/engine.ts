// (b) In-process engine: how many course and benefit checks per second the entitlement engine
// answers with plans cached, on one core, against N seeded members (default 100k).
// Usage: npm run bench:engine -- [--members 100000] [--seconds 5]
import { performance } from 'node:perf_hooks'

import { checkBenefit, checkCourse, memberView } from '../src/domain/entitlements/engine'
import {
  catalogueOf,
  ensureStoreLoaded,
  planCacheOf,
  storedMembers,
} from '../src/operations/entitlements/store'
import { argNumber, benchPayload, table } from './lib/benchPayload'

const memberCount = argNumber('members', 100_000)
const seconds = argNumber('seconds', 5)
const payload = await benchPayload(memberCount)

let started = performance.now()
await ensureStoreLoaded(payload)
const loadMs = performance.now() - started
const { catalogue, courses } = await catalogueOf(payload)
const members = [...storedMembers(payload)]
const courseList = [...courses.byId.values()]
const quotaBenefit = catalogue.benefits.find((benefit) => benefit.shape.kind === 'quota')!
const cache = planCacheOf(payload)
const heap = process.memoryUsage().heapUsed / 1024 / 1024

function run(kind: 'course' | 'benefit'): { perSecond: number; checks: number } {
  let checks = 0
  let allowed = 0
  const deadline = performance.now() + seconds * 1000
  started = performance.now()
  while (performance.now() < deadline) {
    for (let i = 0; i < 1000; i += 1) {
      const member = members[(checks * 7919) % members.length]!
      const now = new Date()
      const view = memberView(member, catalogue, now, cache)
      const answer =
        kind === 'course'
          ? checkCourse(view, catalogue, '', courseList[checks % courseList.length])
          : checkBenefit(view, catalogue, quotaBenefit.key, 1, now, 0)
      if (answer.allowed) allowed += 1
      checks += 1
    }
  }
  const elapsed = (performance.now() - started) / 1000
  if (allowed === 0) throw new Error('no check was allowed: the benchmark data is wrong')
  return { perSecond: Math.round(checks / elapsed), checks }
}

const course = run('course')
const benefit = run('benefit')
console.log(`\n(b) entitlement engine in process, ${members.length} members, plans cached\n`)
console.log(
  table([
    { measure: 'store load (members, grants, usage)', value: `${(loadMs / 1000).toFixed(2)} s` },
    { measure: 'heap after load', value: `${heap.toFixed(0)} MB` },
    { measure: 'course checks / s (one core)', value: course.perSecond.toLocaleString('en') },
    { measure: 'benefit checks / s (one core)', value: benefit.perSecond.toLocaleString('en') },
    { measure: 'target', value: '≥ 200,000 / s' },
  ]),
)
await payload.destroy()
process.exit(0)
