/**
 * The tie network's heavy measures (betweenness, Louvain, Burt's constraint) on a second thread.
 *
 * At 100,000 entities they take about 0.9 s of the ~3.5 s the planner's analytics cost a new graph
 * revision, and they need nothing but the tie network's structure (typed arrays). The planning
 * cache sends that structure here as soon as a revision's index exists, then answers gaps and
 * suggestions on the main thread while the worker computes, and hands the values to
 * `computeIndicators`. One worker, started on first use and kept (unreferenced, so it never keeps
 * the process alive); requests queue in it. A worker that fails or exits rejects what it had
 * pending and is started again by the next request. Messages both ways are parsed with the
 * model's schemas (`measuresRequestSchema` in the worker, `measuresReplySchema` here).
 */
import { Worker } from 'node:worker_threads';
import {
  type MeasuresRequest,
  measuresReplySchema,
  type NetworkMeasureSettings,
  type NetworkMeasureValues,
  type TieTopology,
} from '@innograph/model';
import { z } from 'zod';

interface Pending {
  resolve: (values: NetworkMeasureValues) => void;
  reject: (error: Error) => void;
}

/** What the planning cache needs: network measures, computed somewhere. */
export interface MeasuresRunner {
  compute(topology: TieTopology, settings: NetworkMeasureSettings): Promise<NetworkMeasureValues>;
}

export class MeasuresWorker implements MeasuresRunner {
  private worker: Worker | null = null;
  private nextId = 1;
  private readonly pending = new Map<number, Pending>();
  private closed = false;

  /** Starts the worker now (loading its code takes a few hundred ms) rather than on first use. */
  start(): void {
    if (!this.closed) this.running();
  }

  /** The values for this topology, computed in the worker; the arrays are copied to it. */
  compute(topology: TieTopology, settings: NetworkMeasureSettings): Promise<NetworkMeasureValues> {
    if (this.closed) return Promise.reject(new Error('the measures worker was closed'));
    const id = this.nextId++;
    const request: MeasuresRequest = { id, topology, settings };
    return new Promise<NetworkMeasureValues>((resolve, reject) => {
      this.pending.set(id, { resolve, reject });
      try {
        this.running().postMessage(request);
      } catch (error) {
        this.pending.delete(id);
        reject(error instanceof Error ? error : new Error(String(error)));
      }
    });
  }

  /** Requests pending or in progress. */
  get busy(): number {
    return this.pending.size;
  }

  /** Stops the worker; pending requests are rejected. */
  async close(): Promise<void> {
    this.closed = true;
    const worker = this.worker;
    this.worker = null;
    this.failAll(new Error('the measures worker was closed'));
    if (worker) await worker.terminate();
  }

  private running(): Worker {
    if (this.worker) return this.worker;
    // execArgv []: the worker does not inherit the parent's loader flags; its entry registers tsx.
    const worker = new Worker(new URL('./worker.mjs', import.meta.url), { execArgv: [] });
    worker.unref();
    worker.on('message', (message: unknown) => this.received(message));
    worker.on('error', (error) => {
      if (this.worker === worker) this.worker = null;
      this.failAll(new Error(`the measures worker failed: ${error.message}`));
    });
    worker.on('exit', (code) => {
      if (this.worker === worker) this.worker = null;
      this.failAll(new Error(`the measures worker stopped (exit code ${code})`));
    });
    this.worker = worker;
    return worker;
  }

  private received(message: unknown): void {
    const reply = measuresReplySchema.safeParse(message);
    if (!reply.success) {
      this.failAll(new Error(`the measures worker sent a bad reply: ${z.prettifyError(reply.error)}`));
      return;
    }
    const pending = this.pending.get(reply.data.id);
    if (!pending) return;
    this.pending.delete(reply.data.id);
    if ('error' in reply.data) pending.reject(new Error(`network measures failed: ${reply.data.error}`));
    else pending.resolve(reply.data.values);
  }

  private failAll(error: Error): void {
    const waiting = [...this.pending.values()];
    this.pending.clear();
    for (const { reject } of waiting) reject(error);
  }
}
