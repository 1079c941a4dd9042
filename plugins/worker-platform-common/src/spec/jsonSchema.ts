import { z } from 'zod';
import { workerPlatformDocumentSchema } from './schema';

/**
 * The JSON Schema (draft 2020-12) of a `WorkerPlatform` document as a user
 * writes it, for editors (yaml-language-server) and the template wizard.
 * Cross-field rules (uniqueness, name lengths) are only in `parseSpec`.
 *
 * @public
 */
export function workerPlatformJsonSchema(): Record<string, unknown> {
  return {
    $id: 'https://worker-platform.io/schemas/v1alpha1/worker-platform.json',
    title: 'WorkerPlatform',
    ...z.toJSONSchema(workerPlatformDocumentSchema, { io: 'input' }),
  };
}
