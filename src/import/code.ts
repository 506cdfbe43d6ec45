/**
 * Small constructors over TypeScript's code model (`ts.factory`, via ts-morph): the importer
 * builds expressions as nodes, never as text, so quoting and escaping are the printer's job.
 */
import { ts } from 'ts-morph';

const f = ts.factory;
const IDENTIFIER = /^[A-Za-z_$][A-Za-z0-9_$]*$/;
const RESERVED = new Set(
  'break case catch class const continue debugger default delete do else enum export extends false finally for function if import in instanceof new null return super switch this throw true try typeof var void while with yield let static implements interface package private protected public await'.split(' '),
);

export type Expression = ts.Expression;

export const isIdentifierName = (name: string): boolean => IDENTIFIER.test(name) && !RESERVED.has(name);

export const id = (name: string): ts.Identifier => f.createIdentifier(name);

export const str = (text: string): ts.StringLiteral => f.createStringLiteral(text, true);

export function num(value: number): ts.Expression {
  if (value < 0 || Object.is(value, -0)) return f.createPrefixUnaryExpression(ts.SyntaxKind.MinusToken, f.createNumericLiteral(String(-value)));
  return f.createNumericLiteral(String(value));
}

/** A JSON value as a literal expression. */
export function json(value: unknown): ts.Expression {
  if (value === null) return f.createNull();
  if (typeof value === 'string') return str(value);
  if (typeof value === 'number') return num(value);
  if (typeof value === 'boolean') return value ? f.createTrue() : f.createFalse();
  if (Array.isArray(value)) return array(value.map(json));
  return object(Object.entries(value as Record<string, unknown>).map(([key, member]) => [key, json(member)]));
}

export function propertyName(name: string): ts.PropertyName {
  return IDENTIFIER.test(name) ? id(name) : str(name);
}

export function object(entries: readonly (readonly [string, ts.Expression])[], multiLine = false): ts.ObjectLiteralExpression {
  return f.createObjectLiteralExpression(
    entries.map(([key, value]) =>
      ts.isIdentifier(value) && key === value.text && isIdentifierName(key)
        ? f.createShorthandPropertyAssignment(key)
        : f.createPropertyAssignment(propertyName(key), value),
    ),
    multiLine,
  );
}

export const array = (items: readonly ts.Expression[]): ts.ArrayLiteralExpression => f.createArrayLiteralExpression([...items], false);

/** `target.name` or `target['odd name']` or `target[0]`. */
export function member(target: ts.Expression, name: string | number): ts.Expression {
  if (typeof name === 'number') return f.createElementAccessExpression(target, f.createNumericLiteral(name));
  return IDENTIFIER.test(name) ? f.createPropertyAccessExpression(target, name) : f.createElementAccessExpression(target, str(name));
}

export function call(callee: ts.Expression | string, args: readonly ts.Expression[], typeArgs?: readonly ts.TypeNode[]): ts.CallExpression {
  return f.createCallExpression(typeof callee === 'string' ? id(callee) : callee, typeArgs ? [...typeArgs] : undefined, [...args]);
}

export const method = (target: ts.Expression, name: string, args: readonly ts.Expression[]): ts.CallExpression =>
  call(f.createPropertyAccessExpression(target, name), args);

/** `(a, b) => body`; a parameter may be a name or a destructuring `{ input, result }`. */
export function arrow(params: readonly (string | readonly string[])[], body: ts.Expression): ts.ArrowFunction {
  const parameters = params.map((param) =>
    f.createParameterDeclaration(
      undefined,
      undefined,
      typeof param === 'string' ? param : f.createObjectBindingPattern(param.map((name) => f.createBindingElement(undefined, undefined, name))),
    ),
  );
  const wrapped = ts.isObjectLiteralExpression(body) ? f.createParenthesizedExpression(body) : body;
  return f.createArrowFunction(undefined, undefined, parameters, undefined, f.createToken(ts.SyntaxKind.EqualsGreaterThanToken), wrapped);
}

/** Marks an escape hatch: `/* why *\/ expression`. */
export function withComment<T extends ts.Node>(node: T, text: string): T {
  return ts.addSyntheticLeadingComment(node, ts.SyntaxKind.MultiLineCommentTrivia, ` ${text} `, false);
}

/** A tagged template `` tag<T>`text ${value} text` ``; `parts` alternate text and interpolated expressions. */
export function taggedTemplate(tag: string, typeArg: ts.TypeNode | undefined, parts: readonly (string | ts.Expression)[]): ts.Expression {
  const texts: string[] = [''];
  const values: ts.Expression[] = [];
  for (const part of parts) {
    if (typeof part === 'string') texts[texts.length - 1] += part;
    else {
      values.push(part);
      texts.push('');
    }
  }
  const raw = (text: string) => text.replace(/\\/g, '\\\\').replace(/`/g, '\\`').replace(/\$\{/g, '\\${');
  const template =
    values.length === 0
      ? f.createNoSubstitutionTemplateLiteral(texts[0], raw(texts[0]))
      : f.createTemplateExpression(
          f.createTemplateHead(texts[0], raw(texts[0])),
          values.map((value, i) => {
            const text = texts[i + 1];
            const last = i === values.length - 1;
            return f.createTemplateSpan(value, last ? f.createTemplateTail(text, raw(text)) : f.createTemplateMiddle(text, raw(text)));
          }),
        );
  return f.createTaggedTemplateExpression(id(tag), typeArg ? [typeArg] : undefined, template);
}

export const typeRef = (name: string, args?: readonly ts.TypeNode[]): ts.TypeNode => f.createTypeReferenceNode(name, args ? [...args] : undefined);
export const unknownType = (): ts.TypeNode => f.createKeywordTypeNode(ts.SyntaxKind.UnknownKeyword);

export function typeLiteral(members: readonly (readonly [string, ts.TypeNode])[]): ts.TypeNode {
  const node = f.createTypeLiteralNode(members.map(([name, type]) => f.createPropertySignature(undefined, propertyName(name), undefined, type)));
  return ts.setEmitFlags(node, ts.EmitFlags.SingleLine);
}

const printer = ts.createPrinter({ newLine: ts.NewLineKind.LineFeed });
const scratch = ts.createSourceFile('import.ts', '', ts.ScriptTarget.ES2022, false, ts.ScriptKind.TS);

/** Prints a node (to hand it to ts-morph's structures, which take initializer text). */
export function print(node: ts.Node): string {
  return printer.printNode(ts.EmitHint.Unspecified, node, scratch);
}
