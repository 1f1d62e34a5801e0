import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { type Type } from '@nestjs/common';
import { METHOD_METADATA, PATH_METADATA } from '@nestjs/common/constants.js';
import { AUTH_POLICY } from '@concord/governance';
import {
  type AppDefinition,
  DiagnosticsController,
  HealthController,
  MetricsController,
} from '@concord/platform';
import { EXPERIENCE_OPS_APP } from '../../apps/experience-ops/src/experience-ops.module.js';
import { EXPERIENCE_PARTNER_APP } from '../../apps/experience-partner/src/experience-partner.module.js';
import { PROCESS_ACTIVATION_APP } from '../../apps/process-activation/src/process-activation.module.js';
import { PROCESS_ONBOARDING_APP } from '../../apps/process-onboarding/src/process-onboarding.module.js';
import { PROCESS_RECONCILIATION_APP } from '../../apps/process-reconciliation/src/process-reconciliation.module.js';
import { SYSTEM_BILLING_APP } from '../../apps/system-billing/src/system-billing.module.js';
import { SYSTEM_CRM_APP } from '../../apps/system-crm/src/system-crm.module.js';
import { SYSTEM_ERP_APP } from '../../apps/system-erp/src/system-erp.module.js';

const apps: AppDefinition[] = [
  EXPERIENCE_PARTNER_APP,
  EXPERIENCE_OPS_APP,
  PROCESS_ONBOARDING_APP,
  PROCESS_ACTIVATION_APP,
  PROCESS_RECONCILIATION_APP,
  SYSTEM_CRM_APP,
  SYSTEM_ERP_APP,
  SYSTEM_BILLING_APP,
];

function controllersOf(definition: AppDefinition): Array<Type<unknown>> {
  return definition.imports.flatMap(
    (module) => (Reflect.getMetadata('controllers', module) as Array<Type<unknown>> | undefined) ?? [],
  );
}

function routesWithoutPolicy(controller: Type<unknown>): string[] {
  const proto = controller.prototype as Record<string, unknown>;
  const classPolicy: unknown = Reflect.getMetadata(AUTH_POLICY, controller);
  return Object.getOwnPropertyNames(proto)
    .filter((name) => name !== 'constructor' && typeof proto[name] === 'function')
    .filter((name) => Reflect.getMetadata(METHOD_METADATA, proto[name] as object) !== undefined)
    .filter((name) => !classPolicy && !Reflect.getMetadata(AUTH_POLICY, proto[name] as object))
    .map(
      (name) =>
        `${controller.name}.${name} (${String(Reflect.getMetadata(PATH_METADATA, proto[name] as object))})`,
    );
}

describe('every route declares who may call it', () => {
  for (const definition of apps) {
    it(definition.name, () => {
      const controllers = [
        ...controllersOf(definition),
        HealthController,
        MetricsController,
        DiagnosticsController,
      ];
      assert.deepEqual(controllers.flatMap(routesWithoutPolicy), []);
    });
  }

  it('catches a route without a policy', () => {
    class Unguarded {
      handler(): void {}
    }
    const handler = Object.getOwnPropertyDescriptor(Unguarded.prototype, 'handler')!.value as object;
    Reflect.defineMetadata(METHOD_METADATA, 0, handler);
    Reflect.defineMetadata(PATH_METADATA, '/open', handler);
    assert.equal(routesWithoutPolicy(Unguarded).length, 1);
  });
});
