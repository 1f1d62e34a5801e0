import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { type CustomerRecordV1, SyncStatus } from '@concord/contracts';
import {
  changeEventId,
  judgeChange,
  type KnownCustomer,
  qualifiesForOnboarding,
} from './crm-change.rules.js';

const canonical = {
  name: 'Contoso GmbH',
  country: 'DE',
  currency: 'EUR',
  taxId: 'DE136695976',
  address: { line1: 'Hauptstr. 1', city: 'Berlin', postalCode: '10115' },
};
const known = (extra: Partial<KnownCustomer> = {}): KnownCustomer => ({
  data: canonical,
  sourceVersions: { crm: '2026-11-23T10:00:00.000Z' },
  ...extra,
});
const record = (changes: Partial<CustomerRecordV1> = {}): CustomerRecordV1 => ({
  ...canonical,
  address: { ...canonical.address },
  concordId: '5b0c7c1e-8a57-4f0b-9a54-0d9f3d1b2c11',
  externalId: '001000000000001AAA',
  sourceVersion: '2026-11-23T10:05:00.000Z',
  accountType: 'Customer',
  ...changes,
});

describe('CRM change rules', () => {
  it('onboards only accounts of the configured types', () => {
    assert.equal(qualifiesForOnboarding(record(), ['Customer']), true);
    assert.equal(qualifiesForOnboarding(record({ accountType: 'customer ' }), ['Customer']), true);
    assert.equal(qualifiesForOnboarding(record({ accountType: 'Prospect' }), ['Customer']), false);
    assert.equal(qualifiesForOnboarding(record({ accountType: 'Partner' }), ['Customer', 'Partner']), true);
    assert.equal(qualifiesForOnboarding({}, ['Customer']), false);
    assert.equal(changeEventId(record()), '001000000000001AAA@2026-11-23T10:05:00.000Z');
  });

  it('drops a change older than the last applied CRM version as stale, and the same version as replayed', () => {
    assert.deepEqual(judgeChange(record({ sourceVersion: '2026-11-23T09:59:59.999Z' }), known(), undefined), {
      kind: 'stale',
      lastApplied: '2026-11-23T10:00:00.000Z',
    });
    assert.deepEqual(judgeChange(record({ sourceVersion: '2026-11-23T10:00:00.000Z' }), known(), undefined), {
      kind: 'replayed',
    });
  });

  it("recognizes Concord's write-back as an echo: only Concord's own fields changed", () => {
    const writeBack = record({
      externalRefs: { crm: '001000000000001AAA', erp: 'C00042', billing: 'cus_42' },
      syncStatus: SyncStatus.Synced,
      syncMessage: 'Onboarded',
    });
    assert.deepEqual(judgeChange(writeBack, known(), undefined), { kind: 'echo' });
    // Concord pushed the ERP's new tax ID to the CRM: the CRM moved, but onto the canonical value.
    const pushed = known({ data: { ...canonical, taxId: 'DE811907980' } });
    assert.deepEqual(judgeChange(record({ taxId: 'DE811907980' }), pushed, { ...canonical }), {
      kind: 'echo',
    });
  });

  it('splits a real CRM edit into owned fields and ownership violations', () => {
    const verdict = judgeChange(record({ name: 'Contoso AG', taxId: 'DE811907980' }), known(), undefined);
    assert.deepEqual(verdict, {
      kind: 'update',
      changed: ['name', 'taxId'],
      accepted: ['name'],
      violations: [{ path: 'taxId', owner: 'erp' }],
    });
  });

  it('judges against the CRM state seen last, so a refused value is not a violation again', () => {
    const seen = { ...canonical, taxId: 'DE811907980' };
    const next = record({ taxId: 'DE811907980', phone: '+49 30 1234567' });
    assert.deepEqual(judgeChange(next, known(), seen), {
      kind: 'update',
      changed: ['phone'],
      accepted: ['phone'],
      violations: [],
    });
  });

  it('hands the billing address to the ERP once the first invoice is posted', () => {
    const moved = record({ address: { line1: 'Neue Str. 2', city: 'Berlin', postalCode: '10117' } });
    const before = judgeChange(moved, known(), undefined);
    assert.equal(before.kind === 'update' && before.accepted.includes('address'), true);
    const after = judgeChange(moved, known({ firstInvoicePostedAt: new Date('2026-11-01') }), undefined);
    assert.deepEqual(after.kind === 'update' ? after.violations : [], [{ path: 'address', owner: 'erp' }]);
  });
});
