import { readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { StateMachineDefinition } from '../../src/asl/types';

export const REPO = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
export const fixture = (name: string) => join(REPO, 'test/verify/fixtures', name);
export const readAsl = (file: string): StateMachineDefinition => JSON.parse(readFileSync(file, 'utf8')) as StateMachineDefinition;
export const example = (name: string) => readAsl(join(REPO, 'generated', `${name}.asl.json`));
