import { randomUUID } from 'node:crypto';
import { ApiProperty } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import {
  IsIn,
  IsInt,
  IsISO8601,
  IsNotEmpty,
  IsObject,
  IsString,
  IsUUID,
  Matches,
  MaxLength,
  Min,
  ValidateNested,
} from 'class-validator';
import { SOURCE_SYSTEMS, type SourceSystem } from '../common/system.types.js';

export const EVENT_DOMAINS = ['customer', 'product', 'subscription', 'legal-entity'] as const;
export type EventDomain = (typeof EVENT_DOMAINS)[number];

/** `<domain>.<what happened>`, e.g. `customer.changed`, `legal-entity.created`. */
export type EventType = `${EventDomain}.${string}`;
const EVENT_TYPE = /^[a-z]+(?:-[a-z]+)*(?:\.[a-z]+(?:[-_][a-z]+)*)+$/;

/** Where a change came from; `version` is the source's ordering key (modstamp, sequence) as a string. */
export interface EventSource {
  system: SourceSystem;
  eventId: string;
  version: string;
}

/** Every canonical event Concord logs, queues or replays travels in this envelope. */
export interface EventEnvelope<T> {
  eventId: string;
  type: EventType;
  schemaVersion: number;
  domain: EventDomain;
  entityId: string;
  source: EventSource;
  occurredAt: string;
  correlationId: string;
  payload: T;
}

export class EventSourceDto implements EventSource {
  @ApiProperty({ enum: SOURCE_SYSTEMS, example: 'crm' })
  @IsIn(SOURCE_SYSTEMS)
  system!: SourceSystem;

  @ApiProperty({
    description: 'Event ID assigned by the source system',
    example: '0063t000001XyZ-1706692200000',
  })
  @IsString()
  @IsNotEmpty()
  @MaxLength(255)
  eventId!: string;

  @ApiProperty({
    description: 'Source modstamp or sequence, compared per entity',
    example: '2025-01-31T09:30:00.000Z',
  })
  @IsString()
  @IsNotEmpty()
  @MaxLength(100)
  version!: string;
}

/** Validated form of an `EventEnvelope`, for events received over HTTP or read back from a queue. */
export class EventEnvelopeDto implements EventEnvelope<Record<string, unknown>> {
  @ApiProperty({ format: 'uuid' })
  @IsUUID()
  eventId!: string;

  @ApiProperty({ example: 'customer.changed' })
  @IsString()
  @Matches(EVENT_TYPE, { message: '$property must look like <domain>.<event>, e.g. customer.changed' })
  @MaxLength(100)
  type!: EventType;

  @ApiProperty({ minimum: 1, example: 1 })
  @IsInt()
  @Min(1)
  schemaVersion!: number;

  @ApiProperty({ enum: EVENT_DOMAINS, example: 'customer' })
  @IsIn(EVENT_DOMAINS)
  domain!: EventDomain;

  @ApiProperty({ example: '3f0c8a52-9a57-4f63-9a3e-2f7d5b1c9e41' })
  @IsString()
  @IsNotEmpty()
  @MaxLength(255)
  entityId!: string;

  @ApiProperty({ type: () => EventSourceDto })
  @ValidateNested()
  @Type(() => EventSourceDto)
  source!: EventSourceDto;

  @ApiProperty({ format: 'date-time' })
  @IsISO8601({ strict: true })
  occurredAt!: string;

  @ApiProperty({ example: '5d7c1e0a-8f1b-4f4e-9a51-6a2b3c4d5e6f' })
  @IsString()
  @IsNotEmpty()
  @MaxLength(200)
  correlationId!: string;

  @ApiProperty({ type: 'object', additionalProperties: true, description: 'Canonical DTO of `domain`' })
  @IsObject()
  payload!: Record<string, unknown>;
}

/** What a caller supplies to `createEvent`; `eventId` and `occurredAt` are filled in unless given. */
export type NewEvent<T> = Omit<EventEnvelope<T>, 'eventId' | 'occurredAt'> & {
  eventId?: string;
  occurredAt?: string | Date;
};

/** Builds an envelope with a fresh event ID and the current time; the type must belong to the domain. */
export function createEvent<T>(event: NewEvent<T>): EventEnvelope<T> {
  if (!event.type.startsWith(`${event.domain}.`)) {
    throw new Error(`event type ${event.type} does not belong to domain ${event.domain}`);
  }
  const occurredAt = event.occurredAt ?? new Date();
  return {
    ...event,
    eventId: event.eventId ?? randomUUID(),
    occurredAt: typeof occurredAt === 'string' ? occurredAt : occurredAt.toISOString(),
  };
}
