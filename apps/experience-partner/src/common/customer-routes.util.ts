import { applyDecorators } from '@nestjs/common';
import { ApiAcceptedResponse, ApiHeader, ApiOkResponse } from '@nestjs/swagger';
import { type FastifyReply } from 'fastify';
import { type IdempotentResult } from '@concord/platform';
import { CustomerAcceptedDto } from '../customers/customers.dto.js';

/** OpenAPI of a registration, in any version: the Idempotency-Key it needs and the 202 with Location. */
export function ApiRegistration(): MethodDecorator {
  return applyDecorators(
    ApiHeader({
      name: 'Idempotency-Key',
      required: true,
      description: '8–255 characters of A–Z a–z 0–9 . _ : -',
    }),
    ApiAcceptedResponse({
      type: CustomerAcceptedDto,
      headers: { Location: { description: 'The onboarding to poll', schema: { type: 'string' } } },
    }),
  );
}

/** OpenAPI of a read the EtagInterceptor serves: If-None-Match in, ETag out. */
export function ApiEtagRead(type: new () => object): MethodDecorator {
  return applyDecorators(
    ApiHeader({ name: 'If-None-Match', required: false, description: 'An ETag of an earlier answer' }),
    ApiOkResponse({
      type,
      headers: {
        ETag: {
          description: 'Hash of the body; send it back as `If-None-Match` for a 304',
          schema: { type: 'string' },
        },
      },
    }),
  );
}

/** A registration's answer: 202 (or the replayed status) with the onboarding to poll at Location. */
export function acceptedRegistration(
  reply: FastifyReply,
  result: IdempotentResult<CustomerAcceptedDto>,
): CustomerAcceptedDto {
  void reply.status(result.status).header('location', `/v1/onboardings/${result.body.onboardingId}`);
  return result.body;
}
