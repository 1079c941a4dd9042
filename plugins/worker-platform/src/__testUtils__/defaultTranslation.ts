import { mockApis } from '@backstage/frontend-test-utils';
import {
  workerPlatformTranslationRef,
  type WorkerPlatformT,
} from '../translation';

/** The plugin's own words, as an app without translations of them shows them. */
export const defaultT: WorkerPlatformT = mockApis
  .translation()
  .getTranslation(workerPlatformTranslationRef).t;
