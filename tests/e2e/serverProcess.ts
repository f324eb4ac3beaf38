// A server command (`npm start`'s or `npm run dev`'s entry point) run by a browser test: in its own
// process group, so whatever it starts goes down with it, with its output kept for error messages.
import { type ChildProcess, spawn } from 'node:child_process'
import { setTimeout as sleep } from 'node:timers/promises'

export type ServerProcess = {
  child: ChildProcess
  /** Everything it printed so far. */
  log: () => string
  /** Resolves once `url` answers 2xx; throws with the log if it exits or `timeoutMs` passes. */
  waitFor: (url: string, timeoutMs: number) => Promise<void>
  /** SIGTERM to the group, SIGKILL after 10 s; ESRCH means it is already gone. */
  stop: () => Promise<void>
}

export function startServerProcess(
  entry: string,
  env: Record<string, string | undefined>,
): ServerProcess {
  const child = spawn(process.execPath, ['--import', 'tsx', entry], {
    env: env as NodeJS.ProcessEnv,
    detached: true,
    stdio: ['ignore', 'pipe', 'pipe'],
  })
  const output: string[] = []
  child.stdout?.on('data', (chunk: Buffer) => output.push(chunk.toString()))
  child.stderr?.on('data', (chunk: Buffer) => output.push(chunk.toString()))
  const exited = () => child.exitCode !== null || child.signalCode !== null
  const log = () => output.join('')

  return {
    child,
    log,
    waitFor: async (url, timeoutMs) => {
      const deadline = Date.now() + timeoutMs
      while (Date.now() < deadline) {
        if (exited()) throw new Error(`${entry} exited early:\n${log()}`)
        try {
          if ((await fetch(url)).ok) return
        } catch {
          // not listening yet
        }
        await sleep(500)
      }
      throw new Error(`${url} did not answer within ${timeoutMs / 1000}s:\n${log()}`)
    },
    stop: async () => {
      if (!child.pid || exited()) return
      const signalGroup = (signal: NodeJS.Signals) => {
        try {
          process.kill(-child.pid!, signal)
        } catch (error) {
          if ((error as NodeJS.ErrnoException).code !== 'ESRCH') throw error
        }
      }
      const gone = new Promise((resolve) => child.once('exit', resolve))
      signalGroup('SIGTERM')
      await Promise.race([gone, sleep(10_000)])
      signalGroup('SIGKILL')
    },
  }
}
