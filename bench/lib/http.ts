// HTTP benchmark harness: the built app server started as `npm start` starts it, autocannon load,
// and the server's resident memory sampled from /proc while the load runs.
import { type ChildProcess, spawn, spawnSync } from 'node:child_process'
import { existsSync, readFileSync } from 'node:fs'
import path from 'node:path'
import { setTimeout as sleep } from 'node:timers/promises'

import autocannon from 'autocannon'

import { findFreePort, projectRoot } from '../../src/database/localDatabase'

export type BuiltServer = { url: string; pid: number; stop: () => Promise<void> }

export type StartBuiltServerOptions = {
  /** Added to this process's environment (e.g. LEAN_ROUTES, DATABASE_URI). */
  env?: Record<string, string>
  port?: number
  /** Polled until it answers 2xx; default /livez, or /healthz when LEAN_ROUTES=off. */
  readyPath?: string
  timeoutMs?: number
}

/**
 * Starts `src/cli/server.ts` on the production build (building it first when `.next/BUILD_ID` is
 * missing) in its own process group and waits until it answers.
 */
export async function startBuiltServer(
  options: StartBuiltServerOptions = {},
): Promise<BuiltServer> {
  const root = projectRoot()
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    // Without a PAYLOAD_SECRET, the development one: the demo API keys in the development
    // database are encrypted with it, so benchmarks can authenticate as the demo frontend.
    ...(process.env.PAYLOAD_SECRET ? {} : { ALLOW_DEMO_SECRET: 'true' }),
    NEXT_TELEMETRY_DISABLED: '1',
    ...options.env,
  }
  if (!existsSync(path.join(root, '.next', 'BUILD_ID'))) {
    console.error('[bench] no production build in .next; running `next build` first…')
    const nextBin = path.join(root, 'node_modules', 'next', 'dist', 'bin', 'next')
    const build = spawnSync(process.execPath, [nextBin, 'build'], {
      cwd: root,
      env,
      stdio: ['ignore', 'inherit', 'inherit'],
    })
    if (build.status !== 0) throw new Error(`next build failed (exit ${build.status})`)
  }

  const port = options.port ?? (await findFreePort())
  const child = spawn(process.execPath, ['--import', 'tsx', 'src/cli/server.ts'], {
    cwd: root,
    env: { ...env, PORT: String(port), HOSTNAME: '127.0.0.1' },
    detached: true,
    stdio: ['ignore', 'pipe', 'pipe'],
  })
  const log: string[] = []
  child.stdout?.on('data', (chunk: Buffer) => log.push(chunk.toString()))
  child.stderr?.on('data', (chunk: Buffer) => log.push(chunk.toString()))

  const url = `http://127.0.0.1:${port}`
  const readyPath = options.readyPath ?? (env.LEAN_ROUTES === 'off' ? '/healthz' : '/livez')
  const stop = () => stopProcessGroup(child)
  try {
    await waitUntilAnswering(child, `${url}${readyPath}`, options.timeoutMs ?? 120_000, log)
  } catch (error) {
    await stop()
    throw error
  }
  return { url, pid: child.pid!, stop }
}

async function waitUntilAnswering(
  child: ChildProcess,
  url: string,
  timeoutMs: number,
  log: string[],
): Promise<void> {
  const deadline = Date.now() + timeoutMs
  while (Date.now() < deadline) {
    if (child.exitCode !== null || child.signalCode !== null) {
      throw new Error(`the server exited while starting:\n${log.join('')}`)
    }
    try {
      if ((await fetch(url)).ok) return
    } catch {
      // not listening yet
    }
    await sleep(250)
  }
  throw new Error(`${url} did not answer within ${timeoutMs / 1000}s:\n${log.join('')}`)
}

/** SIGTERM to the group (graceful close), SIGKILL if it is still there after 15 s. */
async function stopProcessGroup(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return
  const signalGroup = (signal: NodeJS.Signals) => {
    try {
      process.kill(-child.pid!, signal)
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'ESRCH') throw error
    }
  }
  const exited = new Promise((resolve) => child.once('exit', resolve))
  signalGroup('SIGTERM')
  await Promise.race([exited, sleep(15_000)])
  signalGroup('SIGKILL')
}

export type LoadTestOptions = {
  url: string
  method?: 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE'
  headers?: Record<string, string>
  /** A string is sent as is; anything else as JSON (with a JSON content type). */
  body?: unknown
  connections?: number
  /** Seconds. */
  duration?: number
  /** A new path (and query) for every request, e.g. a random member each time. */
  nextPath?: () => string
}

export type LoadTestResult = {
  /** Mean of the per-second request counts. */
  requestsPerSecond: number
  /** Latency in milliseconds. */
  p50: number
  p99: number
  non2xx: number
  /** Connection errors and timeouts. */
  errors: number
}

export async function loadTest(options: LoadTestOptions): Promise<LoadTestResult> {
  const headers = { ...options.headers }
  let body: string | undefined
  if (typeof options.body === 'string') body = options.body
  else if (options.body !== undefined) {
    body = JSON.stringify(options.body)
    headers['content-type'] ??= 'application/json'
  }
  const result = await autocannon({
    url: options.url,
    method: options.method ?? 'GET',
    headers,
    body,
    connections: options.connections ?? 10,
    duration: options.duration ?? 10,
    ...(options.nextPath
      ? {
          requests: [
            {
              setupRequest: (request: Record<string, unknown>) => ({
                ...request,
                path: options.nextPath!(),
              }),
            },
          ],
        }
      : {}),
  } as autocannon.Options)
  return {
    requestsPerSecond: result.requests.average,
    p50: result.latency.p50,
    p99: result.latency.p99,
    non2xx: result.non2xx,
    errors: result.errors,
  }
}

export type RssSampler = { stop: () => { peakMb: number; meanMb: number } }

/** Samples VmRSS of `pid` every `everyMs` until stopped (Linux: reads /proc/<pid>/status). */
export function sampleRss(pid: number, everyMs = 100): RssSampler {
  const samples: number[] = []
  const sample = () => {
    try {
      const status = readFileSync(`/proc/${pid}/status`, 'utf8')
      const kb = Number(/^VmRSS:\s+(\d+)\s+kB$/m.exec(status)?.[1])
      if (Number.isFinite(kb)) samples.push(kb / 1024)
    } catch {
      // The process is gone; keep what was sampled.
    }
  }
  sample()
  const timer = setInterval(sample, everyMs)
  return {
    stop: () => {
      clearInterval(timer)
      sample()
      if (samples.length === 0) throw new Error(`no RSS samples for process ${pid}`)
      const total = samples.reduce((sum, mb) => sum + mb, 0)
      return { peakMb: Math.max(...samples), meanMb: total / samples.length }
    },
  }
}
