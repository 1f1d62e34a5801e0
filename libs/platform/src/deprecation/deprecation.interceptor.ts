import {
  type CallHandler,
  type ExecutionContext,
  Inject,
  Injectable,
  type NestInterceptor,
} from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { type FastifyReply, type FastifyRequest } from 'fastify';
import { type Observable } from 'rxjs';
import { type AppConfig } from '../app-config.js';
import { APP_CONFIG } from '../platform.tokens.js';
import { DEPRECATION, type DeprecationMetadata } from './deprecation.types.js';
import { deprecationHeaders, successorPath } from './deprecation-headers.util.js';

/**
 * Sets the deprecation headers before the handler runs, so errors of a superseded route (400, 404)
 * announce the successor too.
 */
@Injectable()
export class DeprecationInterceptor implements NestInterceptor {
  constructor(
    private readonly reflector: Reflector,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  intercept(context: ExecutionContext, next: CallHandler): Observable<unknown> {
    const metadata = this.reflector.get<DeprecationMetadata | undefined>(DEPRECATION, context.getHandler());
    if (metadata) {
      const http = context.switchToHttp();
      const params = (http.getRequest<FastifyRequest>().params ?? {}) as Record<string, unknown>;
      const successor = successorPath(metadata.successor, params);
      void http
        .getResponse<FastifyReply>()
        .headers(deprecationHeaders(this.config.deprecations[metadata.name], successor));
    }
    return next.handle();
  }
}
