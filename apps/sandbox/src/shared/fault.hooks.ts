import { setTimeout as sleep } from 'node:timers/promises';
import { type FastifyInstance, type FastifyReply, type FastifyRequest } from 'fastify';
import { isControlPath, pathOf } from './control-path.util.js';
import { type Fault, type FaultStore } from './fault.store.js';
import { isSubrequest } from './subrequest.util.js';

export type FaultBodyFactory = (status: number) => unknown;

const pendingAfterFaults = new WeakMap<FastifyRequest, Fault>();

export function installFaultHooks(
  app: FastifyInstance,
  store: FaultStore,
  defaultBody: FaultBodyFactory,
): void {
  app.addHook('onRequest', async (request, reply) => {
    if (isControlPath(request.url) || isSubrequest(request)) return;
    const subject = `${request.method} ${pathOf(request.url)}`;
    const after = store.take(subject, 'after');
    if (after) pendingAfterFaults.set(request, after);
    const before = store.take(subject, 'before');
    if (before) await applyBeforeFault(before, request, reply, defaultBody);
  });

  app.addHook('onSend', async (request, reply, payload) => {
    const fault = pendingAfterFaults.get(request);
    if (!fault) return payload;
    pendingAfterFaults.delete(request);
    if (fault.latencyMs) await sleep(fault.latencyMs);
    if (fault.reset) {
      request.raw.socket.destroy();
      return payload;
    }
    if (fault.hang) {
      await waitForClose(request);
      return payload;
    }
    if (fault.status === undefined) return payload;
    reply.code(fault.status);
    if (fault.headers) reply.headers(fault.headers);
    return serialize(reply, fault.body ?? defaultBody(fault.status));
  });
}

async function applyBeforeFault(
  fault: Fault,
  request: FastifyRequest,
  reply: FastifyReply,
  defaultBody: FaultBodyFactory,
): Promise<void> {
  if (fault.latencyMs) await sleep(fault.latencyMs);
  if (fault.reset) {
    reply.hijack();
    request.raw.socket.destroy();
    return;
  }
  if (fault.hang) {
    // The socket stays open until the client gives up or the server closes (forceCloseConnections).
    reply.hijack();
    return;
  }
  if (fault.status === undefined) return;
  reply.code(fault.status);
  if (fault.headers) reply.headers(fault.headers);
  await reply.send(serialize(reply, fault.body ?? defaultBody(fault.status)));
}

function serialize(reply: FastifyReply, body: unknown): string {
  if (typeof body === 'string') {
    reply.header('content-type', 'text/plain; charset=utf-8');
    return body;
  }
  reply.header('content-type', 'application/json; charset=utf-8');
  return JSON.stringify(body);
}

function waitForClose(request: FastifyRequest): Promise<void> {
  return new Promise((resolve) => {
    const socket = request.raw.socket;
    if (socket.destroyed) resolve();
    else socket.once('close', () => resolve());
  });
}
