import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { renderDiagram } from '../../src/diagram';
import { exampleDefinitions, GENERATED } from './fixtures';

describe('npm run build writes generated/<Name>.svg', () => {
  for (const [name, definition] of exampleDefinitions()) {
    it(`${name}.svg is the current drawing of ${name}.asl.json`, async () => {
      expect(readFileSync(`${GENERATED}/${name}.svg`, 'utf8')).toBe(await renderDiagram(definition, 'svg'));
    });
  }
});
