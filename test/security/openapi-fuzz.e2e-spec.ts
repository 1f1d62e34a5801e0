import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import fc from 'fast-check';
import { uniqueId } from '@concord/testing';
import { assertErrorEnvelope } from '../support/error-envelope.js';
import {
  bootExperienceStack,
  type ExperienceApp,
  type ExperienceStack,
} from '../support/experience-stack.js';
import {
  bodySchemaOf,
  exampleBodyOf,
  fillPath,
  isPublic,
  loadOpenApi,
  operationsOf,
  parametersOf,
} from '../support/openapi.js';
import {
  bodyArbitrary,
  hostileUrlString,
  POLLUTION_MARKER,
  queryString,
  queryValueArbitrary,
  toJsonText,
} from '../support/openapi-arbitraries.js';

// Property-based fuzzing of every body, query and path parameter the documents declare. A failure
// prints fast-check's seed and path; FUZZ_SEED replays it, FUZZ_RUNS changes the runs per operation.
const APPS: ExperienceApp[] = ['experience-partner', 'experience-ops'];
const RUNS = Number(process.env.FUZZ_RUNS ?? 60);
const SEED = process.env.FUZZ_SEED === undefined ? undefined : Number(process.env.FUZZ_SEED);
const ALLOWED = new Set([304, 400, 404, 409, 413, 422]);
const MAX_URL = 12 * 1024;
const FIELD_CODES = new Set(['VALIDATION_FAILED', 'UNKNOWN_FIELD']);

interface Envelope {
  error: { code: string; details: Array<{ path?: unknown }> };
}

describe('fuzzing every experience operation from its OpenAPI schemas', () => {
  let experience: ExperienceStack;
  const realIds: string[] = [];

  before(async () => {
    experience = await bootExperienceStack();
    const own = await experience.registerCustomer(experience.keys.partnerA, uniqueId('Fuzz Target GmbH '));
    realIds.push(own.customerId, own.onboardingId);
  });
  after(() => experience.close());

  for (const app of APPS) {
    const document = loadOpenApi(app);
    const fuzzable = operationsOf(document).filter(
      (operation) =>
        !isPublic(operation) &&
        (operation.spec.requestBody !== undefined ||
          parametersOf(operation, 'query').length > 0 ||
          parametersOf(operation, 'path').length > 0),
    );
    describe(app, () => {
      for (const operation of fuzzable) {
        it(`${operation.label}: never a 500, errors in the envelope with field paths`, async () => {
          const key = app === 'experience-ops' ? experience.keys.operator : experience.keys.partnerA;
          const oauthErrors = JSON.stringify(operation.spec.responses['400'] ?? {}).includes('OAuthErrorDto');
          const pathValue = fc.oneof(
            fc.uuid(),
            fc.constantFrom(...realIds),
            hostileUrlString.filter((text) => text !== ''),
          );
          const path: Record<string, fc.Arbitrary<string>> = {};
          for (const parameter of parametersOf(operation, 'path')) path[parameter.name] = pathValue;
          const query: Record<string, fc.Arbitrary<string[] | Record<string, string>>> = {};
          for (const parameter of parametersOf(operation, 'query'))
            query[parameter.name] = queryValueArbitrary(document, parameter.schema ?? {});
          const schema = bodySchemaOf(document, operation);
          const request = fc.record({
            path: fc.record(path),
            query: fc.record(query, { requiredKeys: [] }),
            body: schema ? bodyArbitrary(document, schema, exampleBodyOf(operation)) : fc.constant(undefined),
          });

          await fc.assert(
            fc.asyncProperty(request, async (input) => {
              const url =
                fillPath(operation.path, (name) => input.path[name] ?? '') + queryString(input.query);
              // Node refuses a request line over its 16 KiB header limit (431) before any app code runs.
              fc.pre(url.length <= MAX_URL);
              const response = await experience.call(app, operation.method, url, {
                key,
                ...(input.body === undefined ? {} : { body: toJsonText(input.body) }),
              });
              if (response.status < 300) return void (await response.body?.cancel());
              assert.ok(
                ALLOWED.has(response.status),
                `${operation.label} ${url} answered ${response.status}`,
              );
              if (response.status === 304) return;
              if (oauthErrors) {
                // RFC 6749 §5.2: the token endpoint answers its own error shape, not the envelope.
                const body = (await response.json()) as { error?: unknown };
                return assert.equal(typeof body.error, 'string', `${operation.label}: no RFC 6749 error`);
              }
              const text = await assertErrorEnvelope(response, response.status, undefined, operation.label);
              const { error } = JSON.parse(text) as Envelope;
              if ([400, 422].includes(response.status) && FIELD_CODES.has(error.code)) {
                assert.ok(error.details.length > 0, `${operation.label}: ${error.code} without field paths`);
                for (const detail of error.details) assert.equal(typeof detail.path, 'string', text);
              }
            }),
            // Shrinking replays hundreds of requests; it runs when a seed is replayed, not on the first failure.
            { numRuns: RUNS, ...(SEED === undefined ? { endOnFailure: true } : { seed: SEED }) },
          );
          assert.ok(!(POLLUTION_MARKER in {}), 'a request polluted Object.prototype');
        });
      }
    });
  }
});
