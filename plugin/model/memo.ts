/**
 * The per-build memo: what the plugin remembers while it builds (a parsed date, a tag's key, an
 * article's summary HTML, a feed item's XML, the feed plan…) is kept in one `Memo`, made when a
 * build starts (`trackBuilds`, whose state is dropped on `eleventy.before`) and dropped with that
 * build. Nothing is remembered at module level, so nothing grows across `eleventy --serve`
 * rebuilds. (A few caches live on objects that are themselves made per build and go with them:
 * `FragmentCache`, `FeedItemCache`, a site's `Wording` and links.)
 *
 * What can be remembered is declared once per kind, at module level, as a table: a name and how a
 * value is made from its key. A table holds no values; each memo keeps a table's entries in the
 * table's slot, so a lookup costs an array index and one `Map` lookup (a scoped table: two, the
 * scope then the key; never a string built from both). Keys compare as `Map` keys do: objects by
 * identity.
 */

let plainTables = 0;
let scopedTables = 0;

/** A kind of remembered value: `make(key)`, made once per key in a build. */
export class MemoTable<Key, Value> {
  /** This table's slot in every memo. */
  readonly slot: number;
  constructor(
    readonly name: string,
    /** Makes the value of a key; `memo` is the build's, for values made from other remembered ones. */
    readonly make: (key: Key, memo: Memo) => Value,
  ) {
    this.slot = plainTables++;
  }
}

/**
 * A kind of remembered value that also depends on a scope (a zone, a locale, the site): `make(key,
 * scope)`, made once per scope and key in a build.
 */
export class ScopedMemoTable<Scope, Key, Value> {
  /** This table's slot in every memo. */
  readonly slot: number;
  constructor(
    readonly name: string,
    /** Makes the value of a key in a scope; `memo` is the build's, as for `MemoTable`. */
    readonly make: (key: Key, scope: Scope, memo: Memo) => Value,
  ) {
    this.slot = scopedTables++;
  }
}

/**
 * How many tables the plugin's modules declare. Tables are declared at module level only, so this
 * is fixed once the modules are loaded: it does not grow with builds.
 */
export function declaredMemoTables(): number {
  return plainTables + scopedTables;
}

/** One build's remembered values. Make one per build; a fresh one is empty. */
export class Memo {
  // Slot i of `plain` holds only the entries of the plain table with slot i (so its types are that
  // table's), and likewise for `scoped`.
  private readonly plain: (Map<unknown, unknown> | undefined)[] = [];
  private readonly scoped: (Map<unknown, Map<unknown, unknown>> | undefined)[] = [];

  /** `table.make(key)`, made on first use in this memo. */
  cached<Key, Value>(table: MemoTable<Key, Value>, key: Key): Value {
    let store = this.plain[table.slot] as Map<Key, Value> | undefined;
    if (store === undefined) this.plain[table.slot] = store = new Map<Key, Value>();
    const known = store.get(key);
    if (known !== undefined || store.has(key)) return known as Value;
    const value = table.make(key, this);
    store.set(key, value);
    return value;
  }

  /** `table.make(key, scope)`, made on first use in this memo. */
  cachedIn<Scope, Key, Value>(table: ScopedMemoTable<Scope, Key, Value>, scope: Scope, key: Key): Value {
    let scopes = this.scoped[table.slot] as Map<Scope, Map<Key, Value>> | undefined;
    if (scopes === undefined) this.scoped[table.slot] = scopes = new Map<Scope, Map<Key, Value>>();
    let store = scopes.get(scope);
    if (store === undefined) scopes.set(scope, (store = new Map<Key, Value>()));
    const known = store.get(key);
    if (known !== undefined || store.has(key)) return known as Value;
    const value = table.make(key, scope, this);
    store.set(key, value);
    return value;
  }

  /** How many values this memo holds for `table`. */
  sizeOf(table: MemoTable<never, unknown> | ScopedMemoTable<never, never, unknown>): number {
    if (table instanceof MemoTable) return this.plain[table.slot]?.size ?? 0;
    let size = 0;
    for (const store of this.scoped[table.slot]?.values() ?? []) size += store.size;
    return size;
  }

  /** How many values this memo holds, over every table. */
  get size(): number {
    let size = 0;
    for (const store of this.plain) size += store?.size ?? 0;
    for (const scopes of this.scoped) for (const store of scopes?.values() ?? []) size += store.size;
    return size;
  }
}
