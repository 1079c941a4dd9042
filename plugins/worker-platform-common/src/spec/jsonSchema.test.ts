import fs from 'node:fs';
import path from 'node:path';
import { workerPlatformJsonSchema } from './jsonSchema';

/** The JSON Schema file editors point at; rewritten with UPDATE_SCHEMA=1. */
const schemaFile = path.resolve(
  __dirname,
  '../../schema/worker-platform.v1alpha1.json',
);

describe('workerPlatformJsonSchema', () => {
  const schema = workerPlatformJsonSchema() as any;

  it('describes the document as a user writes it', () => {
    expect(schema.required).toEqual(['apiVersion', 'kind', 'metadata', 'spec']);
    expect(schema.properties.spec.required).toEqual([
      'workers',
      'environments',
    ]);
    expect(schema.additionalProperties).toBe(false);
    const worker = schema.properties.spec.properties.workers.items;
    expect(worker.required).toEqual(['name', 'queues']);
    expect(worker.properties.scaling.properties.pollingInterval.default).toBe(
      15,
    );
    expect(
      schema.properties.spec.properties.delivery.properties.strategy.enum,
    ).toEqual(['rolling', 'blue-green', 'canary']);
  });

  it("carries no organisation's values: the platform's defaults fill those", () => {
    const owner = schema.properties.metadata.properties.owner;
    const registry = schema.properties.spec.properties.registry;
    const host = schema.properties.spec.properties.api.properties.host;
    for (const field of [owner, registry, host]) {
      expect(field).not.toHaveProperty('default');
      expect(field.description).toMatch(/workerPlatform\.defaults\./);
    }
    expect(schema.properties.metadata.required).toEqual(['name']);
  });

  it('matches the committed schema file', () => {
    const text = `${JSON.stringify(schema, null, 2)}\n`;
    if (process.env.UPDATE_SCHEMA) {
      fs.mkdirSync(path.dirname(schemaFile), { recursive: true });
      fs.writeFileSync(schemaFile, text);
    }
    expect(fs.readFileSync(schemaFile, 'utf8')).toBe(text);
  });
});
