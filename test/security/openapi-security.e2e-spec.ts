import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { after, before, describe, it } from 'node:test';
import { uniqueId } from '@concord/testing';
import { assertErrorEnvelope } from '../support/error-envelope.js';
import {
  bootExperienceStack,
  type ExperienceApp,
  type ExperienceStack,
} from '../support/experience-stack.js';
import {
  fillPath,
  isPublic,
  loadOpenApi,
  type Operation,
  operationsOf,
  parametersOf,
} from '../support/openapi.js';

// Every operation of the committed documents is checked, so a new route is covered as soon as
// `npm run openapi` writes it; a route that declares no security requirement fails the first test.
const APPS: ExperienceApp[] = ['experience-partner', 'experience-ops'];
const documents = new Map(APPS.map((app) => [app, loadOpenApi(app)]));
const BODY_LIMIT = 16 * 1024;

function bodyFor(operation: Operation): string | undefined {
  return operation.spec.requestBody ? '{}' : undefined;
}

describe('security of every experience operation, from the OpenAPI documents', () => {
  let experience: ExperienceStack;
  const partnerA = {
    customerId: '',
    onboardingId: '',
    webhookEndpointId: '',
    name: uniqueId('Partner A Secret GmbH '),
  };

  before(async () => {
    experience = await bootExperienceStack({ BODY_LIMIT_BYTES: String(BODY_LIMIT) });
    Object.assign(partnerA, await experience.registerCustomer(experience.keys.partnerA, partnerA.name));
    const endpoint = await experience.call('experience-partner', 'POST', '/v1/webhook-endpoints', {
      key: experience.keys.partnerA,
      body: JSON.stringify({
        url: 'https://portal-a.example.com/hooks',
        eventTypes: ['customer.onboarding.completed'],
      }),
    });
    assert.equal(endpoint.status, 201);
    partnerA.webhookEndpointId = ((await endpoint.json()) as { id: string }).id;
  });
  after(() => experience.close());

  for (const app of APPS) {
    const document = documents.get(app)!;
    const operations = operationsOf(document);
    const secured = operations.filter((operation) => !isPublic(operation));
    const randomPath = (operation: Operation) => fillPath(operation.path, () => randomUUID());

    describe(app, () => {
      it('declares a security requirement on every operation', () => {
        const schemes = Object.keys(document.components.securitySchemes ?? {});
        for (const operation of operations) {
          assert.ok(Array.isArray(operation.spec.security), `${operation.label} declares no security`);
          for (const requirement of operation.spec.security)
            for (const scheme of Object.keys(requirement))
              assert.ok(schemes.includes(scheme), `${operation.label}: unknown scheme ${scheme}`);
        }
        assert.ok(secured.length > 0);
      });

      for (const operation of operations.filter(isPublic)) {
        it(`${operation.label} is public and answers without credentials`, async () => {
          const response = await experience.call(app, operation.method, randomPath(operation));
          if (operation.spec.requestBody) {
            // A public write (the OAuth2 token endpoint) judges the body; the guard never refuses it.
            const body = (await response.json()) as { error?: { code?: string } };
            assert.notEqual(body.error?.code, 'UNAUTHENTICATED', operation.label);
          } else assert.equal(response.status, 200);
        });
      }

      for (const operation of secured) {
        it(`${operation.label}: no or bad credentials -> 401`, async () => {
          for (const key of [undefined, 'cpk_not_a_real_key', 'garbage']) {
            const response = await experience.call(app, operation.method, randomPath(operation), {
              ...(key ? { key } : {}),
              ...(bodyFor(operation) === undefined ? {} : { body: bodyFor(operation) }),
            });
            await assertErrorEnvelope(response, 401, 'UNAUTHENTICATED', `${operation.label} key=${key}`);
          }
        });

        const wrongKind = app === 'experience-ops' ? 'partner' : 'operator';
        it(`${operation.label}: ${wrongKind} key -> 403`, async () => {
          const key = wrongKind === 'partner' ? experience.keys.partnerA : experience.keys.operator;
          const body = bodyFor(operation);
          const response = await experience.call(app, operation.method, randomPath(operation), {
            key,
            ...(body === undefined ? {} : { body }),
          });
          await assertErrorEnvelope(response, 403, 'FORBIDDEN', operation.label);
        });

        if (operation.spec.requestBody) {
          it(`${operation.label}: body over BODY_LIMIT_BYTES -> 413`, async () => {
            assert.equal(experience.bodyLimitBytes, BODY_LIMIT);
            const key = app === 'experience-ops' ? experience.keys.operator : experience.keys.partnerA;
            const body = JSON.stringify({ padding: 'x'.repeat(BODY_LIMIT) });
            const response = await experience.call(app, operation.method, randomPath(operation), {
              key,
              body,
            });
            await assertErrorEnvelope(response, 413, 'PAYLOAD_TOO_LARGE', operation.label);
          });
        }
      }

      if (app !== 'experience-partner') return;
      for (const operation of secured.filter((candidate) => parametersOf(candidate, 'path').length > 0)) {
        it(`${operation.label}: partner B gets 404 for partner A's IDs, never A's data`, async () => {
          const body = bodyFor(operation);
          const ids = [partnerA.customerId, partnerA.onboardingId, partnerA.webhookEndpointId];
          let ownerSaw = 0;
          for (const id of ids) {
            const path = fillPath(operation.path, () => id);
            const init = body === undefined ? {} : { body };
            // Partner B first: a DELETE by the owner would leave B a 404 that proves nothing.
            const other = await experience.call(app, operation.method, path, {
              key: experience.keys.partnerB,
              ...init,
            });
            const text = await assertErrorEnvelope(other, 404, 'NOT_FOUND', `${operation.label} ${id}`);
            const owner = await experience.call(app, operation.method, path, {
              key: experience.keys.partnerA,
              ...init,
            });
            if (owner.ok) ownerSaw += 1;
            assert.ok(!text.includes(partnerA.name), `${operation.label} leaked partner A's customer`);
            for (const leaked of ids.filter((candidate) => candidate !== id))
              assert.ok(!text.includes(leaked), `${operation.label} leaked another ID of partner A`);
          }
          // Partner A reaches the resource under one of its IDs, so the 404s are about ownership.
          assert.ok(ownerSaw > 0, `${operation.label}: partner A reached none of its own IDs`);
        });
      }

      const collections = secured.filter(
        (candidate) => candidate.method === 'GET' && parametersOf(candidate, 'path').length === 0,
      );
      for (const operation of collections) {
        it(`${operation.label}: partner B's answer holds none of partner A's data`, async () => {
          const response = await experience.call(app, 'GET', operation.path, {
            key: experience.keys.partnerB,
          });
          const text = await response.text();
          assert.equal(response.status, 200, text);
          for (const secret of [
            partnerA.name,
            partnerA.customerId,
            partnerA.onboardingId,
            partnerA.webhookEndpointId,
          ])
            assert.ok(!text.includes(secret), `${operation.label} leaked ${secret}`);
          const own = await experience.call(app, 'GET', operation.path, { key: experience.keys.partnerA });
          assert.equal(own.status, 200);
        });
      }
    });
  }
});
