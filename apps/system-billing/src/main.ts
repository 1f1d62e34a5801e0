import { runApp } from '@concord/platform';
import { SYSTEM_BILLING_APP } from './system-billing.module.js';

await runApp(SYSTEM_BILLING_APP);
