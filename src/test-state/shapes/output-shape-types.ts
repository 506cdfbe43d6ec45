/**
 * The compact form of an AWS API shape kept in `output-shapes-data.ts` (generated from the AWS SDK
 * models by `generate-output-shapes.ts`): `t` the model type (`structure`, `list`, `map`,
 * `string`, `integer`, `long`, `float`, `double`, `boolean`, `timestamp`, `blob`, `document`),
 * `m` the members (structure: name → shape name) or the member shape (list), `v` a map's value
 * shape, `r` required members, `e` enum values, `min`/`max` numeric bounds.
 */
export interface CompactShape {
  t: string;
  m?: Record<string, string> | string;
  v?: string;
  r?: string[];
  e?: string[];
  min?: number;
  max?: number;
}

export interface ServiceOutputShapes {
  /** Operation name (`GetObject`) → its output shape's name. */
  operations: Record<string, string>;
  shapes: Record<string, CompactShape>;
}

export interface OutputShapeTable {
  /** A service name as Task Resources spell it (`s3`, `sfn`, `states`, `events`) → the key in `services`. */
  aliases: Record<string, string>;
  services: Record<string, ServiceOutputShapes>;
}
