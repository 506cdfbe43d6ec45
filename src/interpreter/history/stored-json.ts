import type { Json } from '../../asl/types';

/**
 * A JSON value kept as its text: what AWS keeps in a history event (`GetExecutionHistory` gives
 * `input`/`output` as JSON strings), and far smaller than the parsed value (V8 spends about twice
 * the text's size on an object of records: measured 645 KB for a 311 KB page of 2,500 records).
 * The text is kept in pieces so that a value nested in another shares the bigger one's text: a
 * Task's 250 KB result and the state output holding it at `$.page` (recorded by TaskSucceeded and
 * by TaskStateExited) cost 250 KB together, not 500 KB, as they did as shared objects.
 */
export class StoredJson {
  constructor(
    /** The JSON text, in order; pieces of values stored before are the same string instances. */
    readonly pieces: readonly string[],
  ) {}

  /**
   * The JSON text. Joined with `+`, so V8 builds a rope that points at the shared pieces instead
   * of copying them (flattened only if the reader needs one flat string).
   */
  get text(): string {
    const pieces = this.pieces;
    let text = pieces[0];
    for (let i = 1; i < pieces.length; i++) text += pieces[i];
    return text;
  }

  /** A fresh parsed copy (nothing parsed is kept). */
  value(): Json {
    return JSON.parse(this.text) as Json;
  }
}

/** How deep a value is searched for values stored before (a result at `$.a.b` is still shared). */
const SHARE_DEPTH = 3;

/**
 * Turns JSON values into {@link StoredJson}, each distinct value (by identity) once: the history of
 * one execution and its answer log share one store, so one mock result is stored once however many
 * events and answers carry it. Values are immutable inside the interpreter, so a value's text never
 * changes; the store is per execution so that a value a user's mock mutates between executions is
 * not answered from an older text.
 *
 * @example
 * const store = new JsonStore();
 * const page = { body: 'x'.repeat(300_000) };
 * const output = { n: 1, page };
 * store.store(page).text === JSON.stringify(page); // true
 * store.store(output).pieces.includes(store.store(page).pieces[0]); // true: the page's text is shared
 */
export class JsonStore {
  private readonly texts = new WeakMap<object, StoredJson>();

  /** The value's stored form (the same instance for the same value). */
  store(value: object): StoredJson {
    let stored = this.texts.get(value);
    if (stored === undefined) {
      const writer = new PieceWriter(this.texts);
      writer.write(value as Json, 0);
      stored = new StoredJson(writer.finish());
      this.texts.set(value, stored);
    }
    return stored;
  }
}

/** Writes a value's JSON text exactly as `JSON.stringify` does, reusing the pieces of stored members. */
class PieceWriter {
  private readonly pieces: string[] = [];
  private literal = '';

  constructor(private readonly texts: WeakMap<object, StoredJson>) {}

  write(value: Json, depth: number): void {
    if (depth > 0 && typeof value === 'object' && value !== null) {
      const known = this.texts.get(value);
      if (known !== undefined) {
        this.flush();
        for (const piece of known.pieces) this.pieces.push(piece);
        return;
      }
    }
    // Members are written one by one only where a stored value sits below; everything else (and
    // anything JSON.stringify treats specially) is written by JSON.stringify itself.
    if (depth >= SHARE_DEPTH || !isPlainContainer(value) || !this.holdsStored(value, depth)) {
      this.literal += JSON.stringify(value) ?? 'null';
      return;
    }
    if (Array.isArray(value)) {
      this.literal += '[';
      for (let i = 0; i < value.length; i++) {
        if (i > 0) this.literal += ',';
        this.member(value[i], depth, 'null');
      }
      this.literal += ']';
      return;
    }
    this.literal += '{';
    let first = true;
    for (const key of Object.keys(value)) {
      const member = (value as Record<string, Json>)[key];
      const prefix = `${first ? '' : ','}${JSON.stringify(key)}:`;
      if (typeof member === 'object' && member !== null) {
        this.literal += prefix;
        this.write(member, depth + 1);
      } else {
        const text = JSON.stringify(member) as string | undefined;
        if (text === undefined) continue; // undefined, a function: JSON.stringify leaves the member out
        this.literal += prefix + text;
      }
      first = false;
    }
    this.literal += '}';
  }

  finish(): string[] {
    this.flush();
    return this.pieces.length > 0 ? this.pieces : [''];
  }

  private member(value: Json, depth: number, absent: string): void {
    if (typeof value === 'object' && value !== null) this.write(value, depth + 1);
    else this.literal += (JSON.stringify(value) as string | undefined) ?? absent;
  }

  private flush(): void {
    if (this.literal !== '') this.pieces.push(this.literal);
    this.literal = '';
  }

  /** Whether a value stored before sits among the members, down to {@link SHARE_DEPTH}. */
  private holdsStored(value: object, depth: number): boolean {
    if (depth >= SHARE_DEPTH) return false;
    const members = Array.isArray(value) ? value : Object.values(value);
    for (const member of members) {
      if (typeof member !== 'object' || member === null) continue;
      if (this.texts.has(member)) return true;
      if (isPlainContainer(member) && this.holdsStored(member, depth + 1)) return true;
    }
    return false;
  }
}

/** An array or plain object that JSON.stringify writes member by member (no `toJSON`). */
function isPlainContainer(value: unknown): value is object {
  if (typeof value !== 'object' || value === null) return false;
  if (Array.isArray(value)) return true;
  const proto = Object.getPrototypeOf(value);
  return (proto === Object.prototype || proto === null) && typeof (value as { toJSON?: unknown }).toJSON !== 'function';
}

/** The getters {@link defineLazyJson} defines, and what each one parses. */
const lazyGetters = new WeakMap<() => Json, StoredJson>();

/**
 * Defines `target[key]` as the stored value, parsed when read. `keepParsed`: the first read keeps
 * the parsed value on `target` (an object the reader owns); otherwise each read parses afresh and
 * `target` keeps only the text (a long-lived record, such as the answer log).
 */
export function defineLazyJson(target: object, key: string, stored: StoredJson, keepParsed = true): void {
  const get = keepParsed
    ? () => {
        const value = stored.value();
        Object.defineProperty(target, key, { value, enumerable: true, configurable: true, writable: true });
        return value;
      }
    : () => stored.value();
  if (!keepParsed) lazyGetters.set(get, stored);
  Object.defineProperty(target, key, { get, enumerable: true, configurable: true });
}

/** The stored text behind `target[key]` when {@link defineLazyJson} defined it without `keepParsed`. */
export function storedJsonAt(target: object, key: string): StoredJson | undefined {
  const get = Object.getOwnPropertyDescriptor(target, key)?.get;
  return get === undefined ? undefined : lazyGetters.get(get as () => Json);
}
