/** Writes an inferred `ShapeNode` as a zod schema (the workflow input) or a TypeScript type (function outputs, variables). */
import { ts } from 'ts-morph';
import { call, id, member, object, typeLiteral, typeRef, unknownType } from './code';
import type { ShapeNode } from './shape';

const f = ts.factory;
const z = (name: string, args: readonly ts.Expression[] = []) => call(member(id('z'), name), args);

/** `z.object({ order: z.object({ id: z.unknown() }) })`. */
export function zodSchema(node: ShapeNode): ts.Expression {
  if (node.members.size > 0) return z('object', [object([...node.members].map(([name, child]) => [name, zodSchema(child)] as const))]);
  if (node.element) return z('array', [zodSchema(node.element)]);
  switch (node.leaf) {
    case 'number':
    case 'string':
    case 'boolean':
      return z(node.leaf);
    case 'object':
      return z('record', [z('string'), z('unknown')]);
    case 'array':
      return z('array', [z('unknown')]);
    default:
      return z('unknown');
  }
}

/** `{ order: { id: unknown } }`. */
export function typeOf(node: ShapeNode): ts.TypeNode {
  if (node.members.size > 0) return typeLiteral([...node.members].map(([name, child]) => [name, typeOf(child)] as const));
  if (node.element) return f.createArrayTypeNode(typeOf(node.element));
  switch (node.leaf) {
    case 'number':
      return f.createKeywordTypeNode(ts.SyntaxKind.NumberKeyword);
    case 'string':
      return f.createKeywordTypeNode(ts.SyntaxKind.StringKeyword);
    case 'boolean':
      return f.createKeywordTypeNode(ts.SyntaxKind.BooleanKeyword);
    case 'object':
      return typeRef('Record', [f.createKeywordTypeNode(ts.SyntaxKind.StringKeyword), unknownType()]);
    case 'array':
      return f.createArrayTypeNode(unknownType());
    default:
      return unknownType();
  }
}
