import { SystemCustomersClient } from './system-customers.client.js';

/** The billing system API as the process layer calls it. */
export class SystemBillingClient extends SystemCustomersClient {}
