import type { IntrinsicNode, ValueNode } from '../../dsl/ast/value';

type Render = (node: ValueNode) => string;

/**
 * The JSONata equivalent of an intrinsic call, so `States.*` helpers work in JSONata states too.
 * Returns `undefined` when there is no faithful translation (the caller reports it).
 */
export function intrinsicToJsonata(node: IntrinsicNode, render: Render): string | undefined {
  const args = node.args;
  const a = (i: number) => render(args[i]);
  switch (node.name) {
    case 'States.Format':
      return formatToJsonata(args, render);
    case 'States.StringToJson':
      return `$parse(${a(0)})`;
    case 'States.JsonToString':
      return `$string(${a(0)})`;
    case 'States.Array':
      return `[${args.map(render).join(', ')}]`;
    case 'States.ArrayPartition':
      return `$partition(${a(0)}, ${a(1)})`;
    case 'States.ArrayContains':
      return `(${a(1)} in ${a(0)})`;
    case 'States.ArrayRange':
      return `$range(${a(0)}, ${a(1)}, ${a(2)})`;
    case 'States.ArrayGetItem':
      return `(${a(0)})[${a(1)}]`;
    case 'States.ArrayLength':
      return `$count(${a(0)})`;
    case 'States.ArrayUnique':
      return `$distinct(${a(0)})`;
    case 'States.Base64Encode':
      return `$base64encode(${a(0)})`;
    case 'States.Base64Decode':
      return `$base64decode(${a(0)})`;
    case 'States.Hash':
      return `$hash(${a(0)}, ${a(1)})`;
    case 'States.JsonMerge':
      return `$merge([${a(0)}, ${a(1)}])`;
    case 'States.MathRandom':
      return `($floor(${args.length > 2 ? `$random(${a(2)})` : '$random()'} * ((${a(1)}) - (${a(0)}))) + (${a(0)}))`;
    case 'States.MathAdd':
      return `((${a(0)}) + (${a(1)}))`;
    case 'States.StringSplit':
      return splitToJsonata(args, render);
    case 'States.UUID':
      return '$uuid()';
    default:
      return undefined;
  }
}

function formatToJsonata(args: readonly ValueNode[], render: Render): string | undefined {
  const template = args[0];
  if (template?.kind !== 'literal' || typeof template.value !== 'string') return undefined;
  const pieces = template.value.split('{}');
  const parts: string[] = [];
  pieces.forEach((piece, i) => {
    if (piece !== '') parts.push(JSON.stringify(piece));
    if (i < pieces.length - 1) parts.push(`$string(${args[i + 1] ? render(args[i + 1]) : 'null'})`);
  });
  return parts.length === 0 ? '""' : `(${parts.join(' & ')})`;
}

function splitToJsonata(args: readonly ValueNode[], render: Render): string | undefined {
  const delimiters = args[1];
  if (delimiters?.kind !== 'literal' || typeof delimiters.value !== 'string' || delimiters.value === '') return undefined;
  const characterClass = [...delimiters.value].map((ch) => ch.replace(/[\\\]^\-/]/g, (c) => `\\${c}`)).join('');
  return `$filter($split(${render(args[0])}, /[${characterClass}]/), function($v) { $v != "" })`;
}
