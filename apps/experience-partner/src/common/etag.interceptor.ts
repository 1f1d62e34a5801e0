import { type CallHandler, type ExecutionContext, Injectable, type NestInterceptor } from '@nestjs/common';
import { type FastifyReply, type FastifyRequest } from 'fastify';
import { map, type Observable } from 'rxjs';
import { etagOf, matchesIfNoneMatch } from './etag.util.js';

const JSON_CONTENT_TYPE = 'application/json; charset=utf-8';

/**
 * Tags a read's answer with an ETag (a hash of the body) and answers 304 without a body when the
 * client's `If-None-Match` already names it, so polling partners do not download unchanged state.
 * The JSON that is hashed is the JSON that is sent: the body is serialized once.
 */
@Injectable()
export class EtagInterceptor implements NestInterceptor {
  intercept(context: ExecutionContext, next: CallHandler): Observable<unknown> {
    const http = context.switchToHttp();
    const request = http.getRequest<FastifyRequest>();
    const reply = http.getResponse<FastifyReply>();
    return next.handle().pipe(
      map((body: unknown) => {
        const json = JSON.stringify(body ?? null);
        const etag = etagOf(json);
        void reply.header('etag', etag);
        if (!matchesIfNoneMatch(request.headers['if-none-match'], etag)) {
          void reply.type(JSON_CONTENT_TYPE);
          return json;
        }
        void reply.status(304);
        return undefined;
      }),
    );
  }
}
