import { Injectable } from '@nestjs/common';
import { HttpAdapterHost } from '@nestjs/core';
import { type FastifyRequest } from 'fastify';

export type RawBodyRequest = FastifyRequest & { rawBody?: Buffer };

interface BodyParserHost {
  useBodyParser(type: string, rawBody: boolean, options: { bodyLimit?: number }): void;
  getInstance(): { initialConfig: { bodyLimit?: number } };
}

/**
 * Webhook signatures are computed over the exact bytes received, so JSON bodies must keep them.
 * This is Nest's own `rawBody: true` JSON parser (the one `NestFactory.create` installs with that
 * option), registered while the app is being built, before Nest would register its default parser.
 */
@Injectable()
export class RawBodyCapture {
  constructor(host: HttpAdapterHost) {
    const adapter = host.httpAdapter as unknown as Partial<BodyParserHost> | undefined;
    if (typeof adapter?.useBodyParser !== 'function' || typeof adapter.getInstance !== 'function') return;
    const { bodyLimit } = adapter.getInstance().initialConfig;
    adapter.useBodyParser('application/json', true, { bodyLimit });
  }
}
