import { runApp } from '@concord/platform';
import { PROCESS_RECONCILIATION_APP } from './process-reconciliation.module.js';

await runApp(PROCESS_RECONCILIATION_APP);
