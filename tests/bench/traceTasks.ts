/**
 * The page's JavaScript per main-thread task, from a Chromium trace (`browser.startTracing` with
 * TRACE_CATEGORIES). docs PERFORMANCE.md: long main-thread tasks are judged on the JavaScript work
 * (reducers, layout bridge, React), not on rasterisation, because with software WebGL the
 * compositor commit of a task waits for SwiftShader to draw the frame on the CPU.
 *
 * A task is a `ThreadControllerImpl::RunTask` (or `RunTask`) slice on the page's renderer main
 * thread (`CrRendererMain`; with several, the one that ran the most JavaScript). Its JavaScript is
 * the sum of the outermost `FunctionCall`, `EvaluateScript`, `RunMicrotasks` and `V8.Execute`
 * slices inside it (collections during them included).
 */
import { z } from 'zod';

export const TRACE_CATEGORIES = ['devtools.timeline', 'toplevel', 'v8.execute', 'v8'];

const TraceEvent = z.looseObject({
  name: z.string(),
  ph: z.string(),
  pid: z.number(),
  tid: z.number(),
  ts: z.number(),
  dur: z.number().optional(),
  args: z.looseObject({ name: z.string().optional() }).optional(),
});
type TraceEvent = z.infer<typeof TraceEvent>;

const Trace = z.union([z.looseObject({ traceEvents: z.array(z.unknown()) }), z.array(z.unknown())]);

const TASKS = new Set(['ThreadControllerImpl::RunTask', 'RunTask']);
const SCRIPT = new Set(['FunctionCall', 'EvaluateScript', 'RunMicrotasks', 'V8.Execute']);

export interface TaskScript {
  /** Tasks on the page's main thread. */
  tasks: number;
  /** Tasks longer than 50 ms (wall time, rasterisation waits included). */
  tasksOver50: number;
  /** The longest task's wall time, ms. */
  longestTask: number;
  /** The most JavaScript any one task ran, ms. */
  longestScript: number;
  /** Tasks whose JavaScript exceeded 50 ms. */
  scriptOver50: number;
  /** JavaScript of the longest task, ms. */
  scriptOfLongestTask: number;
}

/** Events of one thread as complete slices, sorted by start. */
function slices(events: TraceEvent[], thread: string): { name: string; ts: number; end: number }[] {
  return events
    .filter((e) => e.ph === 'X' && e.dur !== undefined && `${e.pid}:${e.tid}` === thread)
    .map((e) => ({ name: e.name, ts: e.ts, end: e.ts + (e.dur ?? 0) }))
    .sort((a, b) => a.ts - b.ts || b.end - a.end);
}

/** Outermost script time inside [from, to) among sorted script slices. */
function scriptWithin(script: { ts: number; end: number }[], from: number, to: number): number {
  let sum = 0;
  let covered = -1;
  // First slice starting at or after `from` (binary search).
  let lo = 0;
  let hi = script.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if ((script[mid]?.ts ?? 0) < from) lo = mid + 1;
    else hi = mid;
  }
  for (let i = lo; i < script.length; i += 1) {
    const s = script[i];
    if (!s || s.ts >= to) break;
    if (s.ts < covered) continue;
    sum += Math.min(s.end, to) - s.ts;
    covered = s.end;
  }
  return sum;
}

/** JavaScript per task on the page's main thread (see the module comment). */
export function taskScript(traceJson: string): TaskScript {
  const parsed = Trace.parse(JSON.parse(traceJson));
  const raw = Array.isArray(parsed) ? parsed : parsed.traceEvents;
  const events: TraceEvent[] = [];
  for (const item of raw) {
    const event = TraceEvent.safeParse(item);
    if (event.success) events.push(event.data);
  }
  const mains = events
    .filter((e) => e.ph === 'M' && e.name === 'thread_name' && e.args?.name === 'CrRendererMain')
    .map((e) => `${e.pid}:${e.tid}`);
  if (mains.length === 0) throw new Error('bench trace: no CrRendererMain thread in the trace');
  let best = { thread: mains[0] ?? '', script: -1 };
  for (const thread of mains) {
    const total = slices(events, thread)
      .filter((s) => SCRIPT.has(s.name))
      .reduce((sum, s) => sum + (s.end - s.ts), 0);
    if (total > best.script) best = { thread, script: total };
  }
  const all = slices(events, best.thread);
  const script = all.filter((s) => SCRIPT.has(s.name));
  // Outermost tasks only (a nested RunTask is part of its parent).
  const tasks: { ts: number; end: number }[] = [];
  for (const s of all) {
    if (!TASKS.has(s.name)) continue;
    const last = tasks[tasks.length - 1];
    if (last && s.ts < last.end) continue;
    tasks.push(s);
  }
  const result: TaskScript = {
    tasks: tasks.length,
    tasksOver50: 0,
    longestTask: 0,
    longestScript: 0,
    scriptOver50: 0,
    scriptOfLongestTask: 0,
  };
  for (const task of tasks) {
    const wall = (task.end - task.ts) / 1000;
    const js = scriptWithin(script, task.ts, task.end) / 1000;
    if (wall > 50) result.tasksOver50 += 1;
    if (js > 50) result.scriptOver50 += 1;
    if (wall > result.longestTask) {
      result.longestTask = wall;
      result.scriptOfLongestTask = js;
    }
    result.longestScript = Math.max(result.longestScript, js);
  }
  return result;
}
