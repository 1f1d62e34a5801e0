import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { evaluateOwnership, ownerOf, violationDetails } from './ownership.evaluator.js';

describe('customer field ownership', () => {
  it('gives identity to the CRM, legal and finance fields to the ERP, payment status to billing', () => {
    assert.equal(ownerOf('customer', 'name'), 'crm');
    assert.equal(ownerOf('customer', 'website'), 'crm');
    for (const field of ['legalName', 'taxId', 'paymentTermsDays', 'creditLimit', 'financeDimensions'])
      assert.equal(ownerOf('customer', field), 'erp', field);
    assert.equal(ownerOf('customer', 'paymentStatus'), 'billing');
    assert.equal(ownerOf('customer', 'syncStatus'), 'concord');
  });

  it('moves the billing address from the CRM to the ERP with the first posted invoice', () => {
    assert.equal(ownerOf('customer', 'address.postalCode'), 'crm');
    assert.equal(ownerOf('customer', 'address', { firstInvoicePostedAt: null }), 'crm');
    const invoiced = { firstInvoicePostedAt: new Date('2026-11-01T00:00:00Z') };
    assert.equal(ownerOf('customer', 'address.city', invoiced), 'erp');
    assert.equal(ownerOf('customer', 'country', invoiced), 'erp');
  });

  it('accepts the fields a writer owns and names the owner of every other one', () => {
    const verdict = evaluateOwnership('customer', 'crm', ['name', 'taxId', 'address', 'paymentStatus']);
    assert.deepEqual(verdict.accepted, ['name', 'address']);
    assert.deepEqual(verdict.violations, [
      { path: 'taxId', owner: 'erp' },
      { path: 'paymentStatus', owner: 'billing' },
    ]);
    assert.deepEqual(violationDetails(verdict.violations)[0], {
      path: 'taxId',
      owner: 'erp',
      message: 'taxId is owned by erp',
    });
  });

  it('refuses a field the matrix does not know, and everything of an unknown domain', () => {
    assert.deepEqual(evaluateOwnership('customer', 'crm', ['shoeSize']).violations, [
      { path: 'shoeSize', owner: 'concord' },
    ]);
    assert.equal(ownerOf('invoice', 'name'), undefined);
    assert.deepEqual(evaluateOwnership('customer', 'erp', ['taxId']).accepted, ['taxId']);
  });
});
