import { runApp } from '@concord/platform';
import { PROCESS_ACTIVATION_APP } from './process-activation.module.js';

await runApp(PROCESS_ACTIVATION_APP);
