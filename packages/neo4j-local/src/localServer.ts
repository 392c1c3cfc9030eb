/**
 * Starts and stops a real Neo4j Community 5.26 server without Docker: a small Java launcher
 * (java/, built with Maven) runs Neo4j as an embedded DBMS with Bolt on a loopback port. The server
 * runs detached; a pid file in the state folder lets later commands find and stop it.
 */
import { type ChildProcess, spawn, spawnSync } from 'node:child_process';
import {
  closeSync,
  existsSync,
  mkdirSync,
  openSync,
  readdirSync,
  readFileSync,
  readSync,
  rmSync,
  statSync,
  writeFileSync,
} from 'node:fs';
import { createConnection, createServer } from 'node:net';
import { delimiter, join, resolve } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { stripVTControlCharacters } from 'node:util';
import { type LocalServerOptions, localServerOptions } from './config.js';

const JAVA_DIR = resolve(import.meta.dirname, '../java');
const LAUNCHER_CLASS_NAME = 'eco.neo4jlocal.Launcher';
const LAUNCHER_CLASS_FILE = join(JAVA_DIR, 'target/classes/eco/neo4jlocal/Launcher.class');
const LIB_DIR = join(JAVA_DIR, 'target/lib');
const DEFAULT_START_TIMEOUT_MS = 120_000;
const STOP_TIMEOUT_MS = 60_000;
const POLL_MS = 200;

export interface LocalServerPaths {
  /** Neo4j home: databases, transaction logs, Neo4j's own logs. */
  home: string;
  /** The launcher's stdout and stderr, appended to on every start. */
  logFile: string;
  /** JSON `{ pid, host, port, startedAt }` of the running server. */
  pidFile: string;
}

export interface StartResult {
  uri: string;
  /** True when a server from this state folder was already up; nothing was started. */
  alreadyRunning: boolean;
  pid: number;
}

export type LocalNeo4jStatus =
  | { running: false }
  | { running: true; pid: number; uri: string; startedAt: string; boltAnswers: boolean };

export interface ProgressOptions {
  /** Where progress lines (the first build, a forced kill) go; `console.log` when unset. */
  log?: (line: string) => void;
}

interface PidFile {
  pid: number;
  host: string;
  port: number;
  startedAt: string;
}

export function localServerPaths(options: LocalServerOptions): LocalServerPaths {
  return {
    home: options.dataDir ?? join(options.dir, 'data'),
    logFile: join(options.dir, 'neo4j.log'),
    pidFile: join(options.dir, 'neo4j.pid'),
  };
}

// ---------------------------------------------------------------- tools: Java and Maven

/** Throws one line saying what to install when Java 17+ is missing. */
export function checkJava(): void {
  const result = spawnSync('java', ['-version'], { encoding: 'utf8' });
  const advice = 'apt-get install openjdk-17-jre-headless, or set NEO4J_URI to use an existing server';
  if (result.error !== undefined || result.status !== 0) {
    throw new Error(`Java 17+ is needed to run the local Neo4j: ${advice}`);
  }
  const match = /version "(\d+)(?:\.(\d+))?/.exec(`${result.stderr}${result.stdout}`);
  const major = match?.[1] === '1' ? Number(match[2]) : Number(match?.[1]);
  if (Number.isFinite(major) && major < 17) {
    throw new Error(`Java 17+ is needed to run the local Neo4j, found Java ${major}: ${advice}`);
  }
}

function checkMaven(): void {
  const result = spawnSync('mvn', ['-v'], { encoding: 'utf8' });
  if (result.error !== undefined || result.status !== 0) {
    throw new Error(
      'Maven is needed once to build the local Neo4j launcher: apt-get install maven, or set NEO4J_URI to use an existing server',
    );
  }
}

function newestSourceTime(): number {
  const times = [statSync(join(JAVA_DIR, 'pom.xml')).mtimeMs];
  const walk = (dir: string): void => {
    for (const entry of readdirSync(dir, { withFileTypes: true })) {
      const path = join(dir, entry.name);
      if (entry.isDirectory()) walk(path);
      else times.push(statSync(path).mtimeMs);
    }
  };
  walk(join(JAVA_DIR, 'src/main'));
  return Math.max(...times);
}

/** True when the launcher class and its runtime classpath exist and are newer than the sources. */
export function launcherIsBuilt(): boolean {
  if (!existsSync(LAUNCHER_CLASS_FILE) || !existsSync(LIB_DIR)) return false;
  if (!readdirSync(LIB_DIR).some((name) => name.endsWith('.jar'))) return false;
  return statSync(LAUNCHER_CLASS_FILE).mtimeMs >= newestSourceTime();
}

function lastLines(text: string, count: number): string {
  // Maven colours some output even in batch mode.
  const lines = stripVTControlCharacters(text).trimEnd().split('\n');
  return lines.slice(-count).join('\n');
}

/** Builds java/ with Maven unless it is built and up to date. */
export async function buildLauncher(log: (line: string) => void = console.log): Promise<void> {
  if (launcherIsBuilt()) return;
  checkMaven();
  log('Building the local Neo4j launcher (first run downloads Neo4j 5.26 from Maven Central)...');
  // Maven's incremental compile skips an unchanged Launcher.java; a missing class forces it.
  rmSync(LAUNCHER_CLASS_FILE, { force: true });
  const { code, output } = await run('mvn', ['-q', '-B', 'package', '-DskipTests'], JAVA_DIR);
  if (code !== 0 || !launcherIsBuilt()) {
    throw new Error(`building the Neo4j launcher failed (mvn exit ${code}):\n${lastLines(output, 30)}`);
  }
}

function run(command: string, args: string[], cwd: string): Promise<{ code: number | null; output: string }> {
  return new Promise((done, fail) => {
    const child = spawn(command, args, { cwd, stdio: ['ignore', 'pipe', 'pipe'] });
    let output = '';
    child.stdout.on('data', (chunk: Buffer) => {
      output += chunk.toString();
    });
    child.stderr.on('data', (chunk: Buffer) => {
      output += chunk.toString();
    });
    child.on('error', fail);
    child.on('close', (code) => done({ code, output }));
  });
}

// ---------------------------------------------------------------- processes, ports, pid file

function errorCode(error: unknown): unknown {
  return error instanceof Error && 'code' in error ? error.code : undefined;
}

/** Sends a signal; a process that is already gone is fine. */
function signal(pid: number, name: NodeJS.Signals): void {
  try {
    process.kill(pid, name);
  } catch (error) {
    if (errorCode(error) !== 'ESRCH') throw error;
  }
}

/** True when `pid` is a live (not zombie) Java process running the launcher. */
function isLauncherProcess(pid: number): boolean {
  try {
    process.kill(pid, 0);
  } catch (error) {
    if (errorCode(error) !== 'EPERM') return false;
  }
  return commandLine(pid).includes(LAUNCHER_CLASS_NAME);
}

function commandLine(pid: number): string {
  if (existsSync('/proc/self/cmdline')) {
    try {
      // A zombie's cmdline is empty, so a process that exited but was not reaped counts as gone.
      return readFileSync(`/proc/${pid}/cmdline`, 'utf8').replaceAll('\0', ' ');
    } catch {
      return '';
    }
  }
  const ps = spawnSync('ps', ['-p', String(pid), '-o', 'command='], { encoding: 'utf8' });
  return ps.status === 0 ? ps.stdout : '';
}

function readPidFile(path: string): PidFile | undefined {
  let data: unknown;
  try {
    data = JSON.parse(readFileSync(path, 'utf8'));
  } catch {
    return undefined;
  }
  if (typeof data !== 'object' || data === null) return undefined;
  const pid = 'pid' in data ? data.pid : undefined;
  const host = 'host' in data ? data.host : undefined;
  const port = 'port' in data ? data.port : undefined;
  const startedAt = 'startedAt' in data ? data.startedAt : undefined;
  if (typeof pid !== 'number' || !Number.isInteger(pid) || pid <= 0) return undefined;
  if (typeof port !== 'number' || !Number.isInteger(port)) return undefined;
  return {
    pid,
    port,
    host: typeof host === 'string' ? host : '127.0.0.1',
    startedAt: typeof startedAt === 'string' ? startedAt : '',
  };
}

/** The pid file's server when its process is a live launcher; a stale pid file is removed. */
function runningServer(paths: LocalServerPaths): PidFile | undefined {
  const entry = readPidFile(paths.pidFile);
  if (entry !== undefined && isLauncherProcess(entry.pid)) return entry;
  rmSync(paths.pidFile, { force: true });
  return undefined;
}

/** True when a Bolt server answers the Bolt handshake on host:port. */
export function boltAnswers(host: string, port: number, timeoutMs = 2000): Promise<boolean> {
  return new Promise((done) => {
    const socket = createConnection({ host, port });
    let received = 0;
    const finish = (answered: boolean): void => {
      socket.destroy();
      done(answered);
    };
    socket.setTimeout(timeoutMs, () => finish(false));
    socket.on('error', () => finish(false));
    socket.on('connect', () => {
      // Magic preamble, then four version proposals: 5.8 down to 5.0, 4.4, none, none.
      const versions = [0x60, 0x60, 0xb0, 0x17, 0, 8, 8, 5, 0, 0, 4, 4, 0, 0, 0, 0, 0, 0, 0, 0];
      socket.write(Buffer.from(versions));
    });
    socket.on('data', (chunk) => {
      received += chunk.length;
      if (received >= 4) finish(true);
    });
    socket.on('close', () => finish(received >= 4));
  });
}

/** Throws one clear line when host:port cannot be listened on. */
function ensurePortFree(host: string, port: number): Promise<void> {
  return new Promise((done, fail) => {
    const server = createServer();
    server.once('error', (error) => {
      if (errorCode(error) === 'EADDRINUSE') {
        fail(
          new Error(
            `port ${host}:${port} is taken by another process; stop it or set NEO4J_LOCAL_PORT (or NEO4J_URI to use that server)`,
          ),
        );
      } else {
        fail(new Error(`cannot listen on ${host}:${port}: ${error.message}`));
      }
    });
    server.listen({ host, port, exclusive: true }, () => server.close(() => done()));
  });
}

// ---------------------------------------------------------------- the launcher's log

/** The part of the log file written after `offset`. */
function logSince(path: string, offset: number): string {
  let fd: number;
  try {
    fd = openSync(path, 'r');
  } catch {
    return '';
  }
  try {
    const length = Math.max(0, statSync(path).size - offset);
    const buffer = Buffer.alloc(length);
    const read = readSync(fd, buffer, 0, length, offset);
    return buffer.subarray(0, read).toString('utf8');
  } finally {
    closeSync(fd);
  }
}

type LauncherStatus = { ready: string } | { error: string } | undefined;

function launcherStatus(log: string): LauncherStatus {
  for (const line of log.split('\n')) {
    const ready = /^READY (\S+)/.exec(line);
    if (ready?.[1] !== undefined) return { ready: ready[1] };
    const error = /^ERROR (.*)$/.exec(line.trimEnd());
    if (error?.[1] !== undefined) return { error: error[1] };
  }
  return undefined;
}

// ---------------------------------------------------------------- start, stop, status

function spawnLauncher(options: LocalServerOptions, paths: LocalServerPaths): ChildProcess {
  const heapMiB = Number.parseInt(options.heap, 10) * (/g$/i.test(options.heap) ? 1024 : 1);
  const logFd = openSync(paths.logFile, 'a');
  try {
    const child = spawn(
      'java',
      [
        `-Xms${Math.min(256, heapMiB)}m`,
        `-Xmx${options.heap}`,
        // The parallel collector rather than G1: G1's write barriers and concurrent refinement
        // cost Neo4j's write path about a fifth of its CPU on 2 cores (a warm load of the 100k
        // bench graph: 24.5 instead of 31.5 s of Bolt worker CPU, 23.7k instead of 18.3k
        // elements/s); in three bench:api runs every read target was met with it (docs/BENCHMARKS.md).
        '-XX:+UseParallelGC',
        '-XX:+ExitOnOutOfMemoryError',
        '-cp',
        [join(JAVA_DIR, 'target/classes'), join(LIB_DIR, '*')].join(delimiter),
        LAUNCHER_CLASS_NAME,
        paths.home,
        options.host,
        String(options.port),
        String(options.pageCacheMiB),
      ],
      {
        detached: true,
        stdio: ['ignore', logFd, logFd],
        env: { ...process.env, NEO4J_PASSWORD: options.password },
      },
    );
    child.unref();
    return child;
  } finally {
    closeSync(logFd);
  }
}

/** Waits for the launcher's READY or ERROR line; throws on ERROR, early exit or timeout. */
async function waitUntilReady(
  child: ChildProcess,
  pid: number,
  paths: LocalServerPaths,
  logOffset: number,
  timeoutMs: number,
): Promise<string> {
  let exit: string | undefined;
  child.once('exit', (code, signal) => {
    exit = signal === null ? `exit code ${code}` : `signal ${signal}`;
  });
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    // Checked before reading the log, so that the log of a process found gone is complete.
    const gone = exit !== undefined || !isLauncherProcess(pid);
    const log = logSince(paths.logFile, logOffset);
    const status = launcherStatus(log);
    if (status !== undefined && 'ready' in status) return status.ready;
    if (status !== undefined) {
      rmSync(paths.pidFile, { force: true });
      throw new Error(status.error);
    }
    if (gone) {
      rmSync(paths.pidFile, { force: true });
      const tail = lastLines(log, 20);
      throw new Error(
        `Neo4j exited (${exit ?? 'unknown status'}) before it was ready; the last lines of ${paths.logFile}:\n${tail === '' ? '(nothing)' : tail}`,
      );
    }
    if (Date.now() > deadline) {
      await terminate(pid, () => {});
      rmSync(paths.pidFile, { force: true });
      throw new Error(
        `Neo4j did not answer within ${Math.round(timeoutMs / 1000)} s and was stopped; see ${paths.logFile} and ${join(paths.home, 'logs')}`,
      );
    }
    await sleep(POLL_MS);
  }
}

/**
 * Waits for a launcher that another command is starting; `undefined` when it exits first. Throws
 * when it stays up without answering.
 */
async function waitForBolt(server: PidFile, timeoutMs: number): Promise<PidFile | undefined> {
  const deadline = Date.now() + timeoutMs;
  while (isLauncherProcess(server.pid)) {
    if (await boltAnswers(server.host, server.port)) return server;
    if (Date.now() > deadline) {
      throw new Error(
        `Neo4j (pid ${server.pid}) is running but Bolt does not answer on ${server.host}:${server.port}; run \`npm run db:stop\` and start again`,
      );
    }
    await sleep(500);
  }
  return undefined;
}

/** Starts the local server, or finds the one already running from the same state folder. */
export async function startLocalNeo4j(
  options: LocalServerOptions = localServerOptions(),
  { log = console.log }: ProgressOptions = {},
): Promise<StartResult> {
  const paths = localServerPaths(options);
  const timeoutMs = options.startTimeoutMs ?? DEFAULT_START_TIMEOUT_MS;
  checkJava();

  const existing = runningServer(paths);
  if (existing !== undefined && (await waitForBolt(existing, timeoutMs)) !== undefined) {
    return { uri: `bolt://${existing.host}:${existing.port}`, alreadyRunning: true, pid: existing.pid };
  }
  rmSync(paths.pidFile, { force: true });

  await buildLauncher(log);
  await ensurePortFree(options.host, options.port);
  mkdirSync(options.dir, { recursive: true });
  mkdirSync(paths.home, { recursive: true });
  const logOffset = existsSync(paths.logFile) ? statSync(paths.logFile).size : 0;

  const child = spawnLauncher(options, paths);
  const pid = child.pid;
  if (pid === undefined) throw new Error('could not start java for the local Neo4j');
  const entry: PidFile = { pid, host: options.host, port: options.port, startedAt: new Date().toISOString() };
  writeFileSync(paths.pidFile, `${JSON.stringify(entry)}\n`);

  const uri = await waitUntilReady(child, pid, paths, logOffset, timeoutMs);
  return { uri, alreadyRunning: false, pid };
}

/** SIGTERM, then SIGKILL when the process is still up after the stop timeout. */
async function terminate(pid: number, log: (line: string) => void): Promise<void> {
  signal(pid, 'SIGTERM');
  const deadline = Date.now() + STOP_TIMEOUT_MS;
  while (isLauncherProcess(pid)) {
    if (Date.now() > deadline) {
      log(`warning: Neo4j (pid ${pid}) did not stop within ${STOP_TIMEOUT_MS / 1000} s; killing it`);
      signal(pid, 'SIGKILL');
      return;
    }
    await sleep(POLL_MS);
  }
}

/** Stops the local server of this state folder, if one runs. */
export async function stopLocalNeo4j(
  options: LocalServerOptions = localServerOptions(),
  { log = console.warn }: ProgressOptions = {},
): Promise<{ wasRunning: boolean }> {
  const paths = localServerPaths(options);
  const server = runningServer(paths);
  if (server === undefined) return { wasRunning: false };
  await terminate(server.pid, log);
  rmSync(paths.pidFile, { force: true });
  return { wasRunning: true };
}

/** Whether the local server of this state folder runs, and whether Bolt answers. */
export async function localNeo4jStatus(
  options: LocalServerOptions = localServerOptions(),
): Promise<LocalNeo4jStatus> {
  const entry = readPidFile(localServerPaths(options).pidFile);
  if (entry === undefined || !isLauncherProcess(entry.pid)) return { running: false };
  return {
    running: true,
    pid: entry.pid,
    uri: `bolt://${entry.host}:${entry.port}`,
    startedAt: entry.startedAt,
    boltAnswers: await boltAnswers(entry.host, entry.port),
  };
}
