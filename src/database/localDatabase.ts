// Brings up the database every entry point uses (dev, seed, build, tests, benchmarks):
// DATABASE_URI when set, otherwise a local MongoDB-compatible server whose data lives under .data/.
import { spawn, spawnSync } from 'node:child_process'
import { createHash } from 'node:crypto'
import {
  closeSync,
  existsSync,
  mkdirSync,
  openSync,
  readFileSync,
  renameSync,
  rmSync,
  writeFileSync,
} from 'node:fs'
import { createServer } from 'node:net'
import { homedir } from 'node:os'
import path from 'node:path'
import { setTimeout as sleep } from 'node:timers/promises'

import { MongoClient } from 'mongodb'

export const FERRETDB_VERSION = 'v1.24.2'
const START_TIMEOUT_MS = 60_000
const LOCK_TIMEOUT_MS = 10 * 60_000

export type DatabaseSource = 'env' | 'ferretdb' | 'mongod'

export type DatabaseHandle = {
  uri: string
  source: DatabaseSource
  /** True when this call started the server (so the caller may want to stop it when done). */
  startedHere: boolean
  stop: () => Promise<void>
}

export type LocalDatabaseOptions = {
  /** Directory holding the server's data, state file and log. Default `.data/db`. */
  dataDir?: string
  /** Database name in the returned URI. Default `membership`. */
  databaseName?: string
  /** TCP port; default `DATABASE_PORT` or a free port chosen by the OS. */
  port?: number
  log?: (message: string) => void
}

type ServerState = { pid: number; port: number; source: 'ferretdb' | 'mongod'; startedAt: string }

export class DatabaseUnavailableError extends Error {
  constructor(reason: string) {
    super(
      `${reason}\n` +
        'No database could be started. Choose one of:\n' +
        '  1. Set DATABASE_URI to a running MongoDB (local, Docker or Atlas), e.g.\n' +
        '     DATABASE_URI=mongodb://127.0.0.1:27017/membership npm run dev\n' +
        '  2. Install Go 1.24 or newer (https://go.dev/dl/) so the project can build FerretDB ' +
        `${FERRETDB_VERSION} once into its cache (needs the Go module proxy).\n` +
        '  3. Install MongoDB so that `mongod` is on PATH.',
    )
    this.name = 'DatabaseUnavailableError'
  }
}

export const projectRoot = (): string => process.env.PROJECT_ROOT ?? process.cwd()

/** DATABASE_URI wins; otherwise ensure the local server runs and return its URI. */
export async function resolveDatabase(options: LocalDatabaseOptions = {}): Promise<DatabaseHandle> {
  const fromEnv = process.env.DATABASE_URI?.trim()
  if (fromEnv) {
    return { uri: fromEnv, source: 'env', startedHere: false, stop: async () => {} }
  }
  return ensureLocalDatabase(options)
}

/** Starts the local server for `dataDir` unless one already answers there. Safe to call concurrently. */
export async function ensureLocalDatabase(
  options: LocalDatabaseOptions = {},
): Promise<DatabaseHandle> {
  const dataDir = path.resolve(projectRoot(), options.dataDir ?? path.join('.data', 'db'))
  const databaseName = options.databaseName ?? 'membership'
  const log = options.log ?? ((message: string) => console.log(`[database] ${message}`))
  mkdirSync(dataDir, { recursive: true })

  const running = await readRunningServer(dataDir)
  if (running) return handleFor(dataDir, running, databaseName, false)

  const releaseLock = await acquireLock(path.join(dataDir, 'start.lock'))
  try {
    // Another process may have started it while we waited for the lock.
    const startedMeanwhile = await readRunningServer(dataDir)
    if (startedMeanwhile) return handleFor(dataDir, startedMeanwhile, databaseName, false)

    const port = options.port ?? envPort() ?? (await findFreePort())
    const state = await startServer(dataDir, port, log)
    writeFileSync(statePath(dataDir), JSON.stringify(state, null, 2))
    return handleFor(dataDir, state, databaseName, true)
  } finally {
    releaseLock()
  }
}

/** Stops the local server of `dataDir` if one runs. Returns whether one was stopped. */
export async function stopLocalDatabase(dataDir = path.join('.data', 'db')): Promise<boolean> {
  const absolute = path.resolve(projectRoot(), dataDir)
  const state = readState(absolute)
  if (!state) return false
  await terminate(state.pid)
  rmSync(statePath(absolute), { force: true })
  return true
}

export async function localDatabaseStatus(
  dataDir = path.join('.data', 'db'),
): Promise<(ServerState & { uri: string }) | null> {
  const absolute = path.resolve(projectRoot(), dataDir)
  const state = await readRunningServer(absolute)
  return state ? { ...state, uri: uriFor(state.port, 'membership') } : null
}

/** True when a MongoDB-wire server at `uri` answers `ping` within `timeoutMs`. */
export async function pingDatabase(uri: string, timeoutMs = 1_000): Promise<boolean> {
  const client = new MongoClient(uri, {
    serverSelectionTimeoutMS: timeoutMs,
    connectTimeoutMS: timeoutMs,
    directConnection: !uri.startsWith('mongodb+srv:'),
  })
  try {
    await client.connect()
    await client.db('admin').command({ ping: 1 })
    return true
  } catch {
    return false
  } finally {
    await client.close().catch(() => {})
  }
}

function handleFor(
  dataDir: string,
  state: ServerState,
  databaseName: string,
  startedHere: boolean,
): DatabaseHandle {
  return {
    uri: uriFor(state.port, databaseName),
    source: state.source,
    startedHere,
    stop: async () => {
      await stopLocalDatabase(dataDir)
    },
  }
}

const uriFor = (port: number, databaseName: string) => `mongodb://127.0.0.1:${port}/${databaseName}`

const statePath = (dataDir: string) => path.join(dataDir, 'server.json')

function readState(dataDir: string): ServerState | null {
  try {
    return JSON.parse(readFileSync(statePath(dataDir), 'utf8')) as ServerState
  } catch {
    return null
  }
}

async function readRunningServer(dataDir: string): Promise<ServerState | null> {
  const state = readState(dataDir)
  if (!state) return null
  if (isAlive(state.pid) && (await pingDatabase(uriFor(state.port, 'admin')))) return state
  // Stale state (machine restarted, server killed): forget it; the data directory stays.
  rmSync(statePath(dataDir), { force: true })
  return null
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0)
    return true
  } catch {
    return false
  }
}

async function terminate(pid: number): Promise<void> {
  if (!isAlive(pid)) return
  process.kill(pid, 'SIGTERM')
  for (let waited = 0; waited < 10_000; waited += 100) {
    if (!isAlive(pid)) return
    await sleep(100)
  }
  process.kill(pid, 'SIGKILL')
}

function envPort(): number | undefined {
  const raw = process.env.DATABASE_PORT
  if (!raw) return undefined
  const port = Number(raw)
  if (!Number.isInteger(port) || port < 1 || port > 65_535) {
    throw new Error(`DATABASE_PORT must be a TCP port number (1-65535), got "${raw}"`)
  }
  return port
}

export async function findFreePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer()
    server.unref()
    server.on('error', reject)
    server.listen(0, '127.0.0.1', () => {
      const address = server.address()
      const port = typeof address === 'object' && address ? address.port : 0
      server.close(() => resolve(port))
    })
  })
}

async function acquireLock(lockPath: string): Promise<() => void> {
  const deadline = Date.now() + LOCK_TIMEOUT_MS
  for (;;) {
    try {
      const fd = openSync(lockPath, 'wx')
      writeFileSync(fd, String(process.pid))
      closeSync(fd)
      return () => rmSync(lockPath, { force: true })
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error
      const holder = Number(readFileSync(lockPath, 'utf8'))
      if (!Number.isInteger(holder) || holder <= 0 || !isAlive(holder)) {
        rmSync(lockPath, { force: true })
        continue
      }
      if (Date.now() > deadline) {
        throw new Error(
          `Timed out waiting for process ${holder} to start the database (${lockPath})`,
        )
      }
      await sleep(250)
    }
  }
}

function commandExists(command: string, versionArgs: string[]): boolean {
  return spawnSync(command, versionArgs, { stdio: 'ignore' }).status === 0
}

async function startServer(
  dataDir: string,
  port: number,
  log: (message: string) => void,
): Promise<ServerState> {
  const logPath = path.join(dataDir, 'server.log')
  let source: ServerState['source']
  let command: string
  let args: string[]

  if (process.env.LOCAL_DATABASE !== 'ferretdb' && commandExists('mongod', ['--version'])) {
    source = 'mongod'
    command = 'mongod'
    const dbPath = path.join(dataDir, 'mongod')
    mkdirSync(dbPath, { recursive: true })
    args = ['--dbpath', dbPath, '--port', String(port), '--bind_ip', '127.0.0.1', '--quiet']
  } else {
    source = 'ferretdb'
    command = await ensureFerretdbBinary(log)
    const sqliteDir = path.join(dataDir, 'sqlite')
    mkdirSync(sqliteDir, { recursive: true })
    args = [
      `--listen-addr=127.0.0.1:${port}`,
      `--sqlite-url=file:${sqliteDir}/`,
      `--log-level=${process.env.FERRETDB_LOG_LEVEL ?? 'warn'}`,
    ]
  }

  log(`starting ${source} on 127.0.0.1:${port} (data: ${path.relative(projectRoot(), dataDir)})`)
  const logFd = openSync(logPath, 'a')
  // Detached: the server outlives the command that started it and is reused by the next one
  // (`npm run db -- stop` stops it).
  const child = spawn(command, args, { detached: true, stdio: ['ignore', logFd, logFd] })
  closeSync(logFd)
  let exitCode: number | null = null
  child.on('exit', (code) => {
    exitCode = code ?? -1
  })
  child.on('error', () => {
    exitCode = -1
  })
  child.unref()

  const uri = uriFor(port, 'admin')
  const deadline = Date.now() + START_TIMEOUT_MS
  while (Date.now() < deadline) {
    if (exitCode !== null) {
      throw new DatabaseUnavailableError(
        `${source} exited with code ${exitCode} while starting. Last log lines (${logPath}):\n` +
          tail(logPath),
      )
    }
    if (await pingDatabase(uri, 500)) {
      return { pid: child.pid ?? 0, port, source, startedAt: new Date().toISOString() }
    }
    await sleep(200)
  }
  if (child.pid) await terminate(child.pid)
  throw new DatabaseUnavailableError(
    `${source} did not answer on port ${port} within ${START_TIMEOUT_MS / 1000}s. Log (${logPath}):\n` +
      tail(logPath),
  )
}

function tail(file: string, lines = 15): string {
  try {
    return readFileSync(file, 'utf8').trimEnd().split('\n').slice(-lines).join('\n')
  } catch {
    return '(no log)'
  }
}

const ferretdbSourceDir = () => path.join(projectRoot(), 'src', 'database', 'ferretdb-server')

/**
 * Builds the FerretDB server once per source revision into a cache directory outside the checkout
 * (FERRETDB_CACHE_DIR, default ~/.cache/membership-admin/ferretdb) and returns its path.
 */
export async function ensureFerretdbBinary(
  log: (message: string) => void = console.log,
): Promise<string> {
  const sourceDir = ferretdbSourceDir()
  const fingerprint = createHash('sha256')
  for (const file of ['go.mod', 'go.sum', 'main.go']) {
    fingerprint.update(readFileSync(path.join(sourceDir, file)))
  }
  const cacheDir =
    process.env.FERRETDB_CACHE_DIR ??
    path.join(
      process.env.XDG_CACHE_HOME ?? path.join(homedir(), '.cache'),
      'membership-admin',
      'ferretdb',
    )
  const binary = path.join(
    cacheDir,
    `ferretdb-server-${FERRETDB_VERSION}-${fingerprint.digest('hex').slice(0, 12)}`,
  )
  if (existsSync(binary)) return binary

  if (!commandExists('go', ['version'])) {
    throw new DatabaseUnavailableError(
      'DATABASE_URI is not set, `mongod` is not on PATH and Go is not installed, ' +
        `so FerretDB ${FERRETDB_VERSION} cannot be built.`,
    )
  }
  mkdirSync(cacheDir, { recursive: true })
  log(`building FerretDB ${FERRETDB_VERSION} once into ${cacheDir} (about two minutes)…`)
  const partial = `${binary}.partial-${process.pid}`
  const build = spawnSync('go', ['build', '-trimpath', '-o', partial, '.'], {
    cwd: sourceDir,
    stdio: ['ignore', 'inherit', 'pipe'],
    encoding: 'utf8',
  })
  if (build.status !== 0) {
    rmSync(partial, { force: true })
    throw new DatabaseUnavailableError(
      `Building FerretDB ${FERRETDB_VERSION} with Go failed:\n${build.stderr ?? ''}`,
    )
  }
  renameSync(partial, binary)
  return binary
}
