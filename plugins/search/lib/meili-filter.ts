// Meilisearch filter expressions for visibility and types, built from plain data so quoting is in one place.
// A plan that allows nothing yields null: the caller then returns no results without asking Meilisearch.

/** What a viewer may see, as Meilisearch can check it. */
export interface MeiliVisibility {
  /** Catalog documents: 'all', or those carrying one of these groups or item keys. */
  library: 'all' | { groups: string[]; keys: string[] };
  /** Other sources whose documents may appear (checked again in SQL when their hook restricts). */
  sources: string[];
}

/** A double-quoted filter value. */
export function quote(v: string): string {
  return `"${v.replace(/\\/g, '\\\\').replace(/"/g, '\\"')}"`;
}

const inList = (attr: string, values: string[]) =>
  values.length ? `${attr} IN [${values.map(quote).join(', ')}]` : null;

/** The visibility part of the filter; null when nothing is visible. */
export function visibilityFilter(v: MeiliVisibility, librarySource = 'libraries'): string | null {
  const parts: string[] = [];
  if (v.library === 'all') parts.push(`source = ${quote(librarySource)}`);
  else {
    const any = [inList('visGroups', v.library.groups), inList('visKeys', v.library.keys)].filter(
      (x): x is string => x !== null,
    );
    if (any.length) parts.push(`(source = ${quote(librarySource)} AND (${any.join(' OR ')}))`);
  }
  const others = inList('source', v.sources);
  if (others) parts.push(others);
  if (!parts.length) return null;
  return parts.length === 1 ? parts[0] : parts.map((p) => `(${p})`).join(' OR ');
}

/** The type part of the filter; undefined when every type is wanted. */
export function typesFilter(types: string[] | null): string | undefined {
  return types ? (inList('type', types) ?? undefined) : undefined;
}

/** ANDs the defined parts. */
export function allOf(parts: (string | undefined)[]): string {
  const defined = parts.filter((p): p is string => !!p);
  return defined.length === 1 ? defined[0] : defined.map((p) => `(${p})`).join(' AND ');
}
