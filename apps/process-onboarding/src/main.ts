import { runApp } from '@concord/platform';
import { PROCESS_ONBOARDING_APP } from './process-onboarding.module.js';

await runApp(PROCESS_ONBOARDING_APP);
