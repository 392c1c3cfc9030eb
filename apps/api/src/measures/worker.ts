/**
 * The measures worker's body: receives a tie network (`measuresRequestSchema`), computes its
 * betweenness, communities and constraint with `networkMeasureValues`, and replies with the
 * values (their buffers transferred, not copied) or the reason it could not.
 */
import { parentPort } from 'node:worker_threads';
import { networkMeasureValues } from '@innograph/analytics';
import { type MeasuresReply, measuresRequestSchema } from '@innograph/model';
import { z } from 'zod';

const port = parentPort;
if (port === null) throw new Error('apps/api measures/worker.ts runs only as a worker thread.');

const withId = z.object({ id: z.number().int() });

port.on('message', (message: unknown) => {
  const request = measuresRequestSchema.safeParse(message);
  if (!request.success) {
    const id = withId.safeParse(message);
    const reply: MeasuresReply = {
      id: id.success ? id.data.id : -1,
      error: `bad measures request: ${z.prettifyError(request.error)}`,
    };
    port.postMessage(reply);
    return;
  }
  const { id, topology, settings } = request.data;
  let reply: MeasuresReply;
  try {
    reply = { id, values: networkMeasureValues(topology, settings) };
  } catch (error) {
    port.postMessage({ id, error: error instanceof Error ? error.message : String(error) });
    return;
  }
  const buffers: ArrayBuffer[] = [];
  for (const array of [reply.values.betweenness, reply.values.community, reply.values.constraint]) {
    if (array.buffer instanceof ArrayBuffer) buffers.push(array.buffer);
  }
  port.postMessage(reply, buffers);
});
