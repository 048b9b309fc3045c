/**
 * A page's Pagefind filters and metadata as attributes of one element (its `data-pagefind-body`)
 * instead of a hidden element each: 350 to 500 bytes less on every section page.
 *
 * Pagefind's syntax (https://pagefind.app/docs/filtering/#specifying-multiple-filters-on-a-single-element,
 * https://pagefind.app/docs/metadata/#defining-multiple-metadata-keys-on-a-single-element):
 * `data-pagefind-filter` and `data-pagefind-meta` hold comma-separated captures. `key[attr]`
 * takes the value of the element's attribute `attr`, whole: it is not parsed, so commas, colons,
 * brackets and quotes in it are text (and the attribute is escaped as HTML like any other).
 * `key:value` gives the value inline and "may only be the last item in a list": Pagefind cuts the
 * list at its first colon and reads everything after it as the last capture's value, and it has no
 * escape for a comma or a colon. So each value is written in an attribute of its own and named by
 * the list, except the last capture's, which may be inline, where nothing after the colon is read
 * as syntax. Either way Pagefind decodes the HTML entities in a value as it does in an element's
 * text, so a value reaches the index as the hidden element's text did.
 */

/** Captures in order: `[key, value]`; an undefined or blank value is left out (as an empty element's is). */
export type Captures = ReadonlyArray<readonly [key: string, value: string | number | undefined]>;

/** A key is a bare name: no colon, comma or bracket that Pagefind would read as syntax. */
const KEY = /^[A-Za-z][\w-]*$/;

/**
 * The attributes to spread on the element: `data-pagefind-filter` and `data-pagefind-meta`, and a
 * `data-pf<n>` for each value they name. A value the element already has in an attribute
 * (`existing`, name → value) is named there; a value both lists use gets one attribute.
 */
export function pagefindAttributes(captures: { filter?: Captures; meta?: Captures }, existing: Readonly<Record<string, string>> = {}): Record<string, string> {
  const lists = (['filter', 'meta'] as const).map((kind) => {
    const list = (captures[kind] ?? []).flatMap(([key, value]) => {
      if (!KEY.test(key)) throw new Error(`not a Pagefind ${kind} key: "${key}"`);
      const text = value === undefined ? '' : String(value);
      return text.trim() === '' ? [] : [[key, text] as const];
    });
    return [kind, list] as const;
  });
  const uses = new Map<string, number>();
  for (const [, list] of lists) for (const [, value] of list) uses.set(value, (uses.get(value) ?? 0) + 1);
  const named = new Map<string, string>();
  for (const [name, value] of Object.entries(existing)) if (!named.has(value)) named.set(value, name);
  const attributes: Record<string, string> = {};
  let count = 0;
  for (const [kind, list] of lists) {
    if (list.length === 0) continue;
    attributes[`data-pagefind-${kind}`] = list
      .map(([key, value], i) => {
        if (i === list.length - 1 && uses.get(value) === 1 && !named.has(value)) return `${key}:${value}`;
        let name = named.get(value);
        if (name === undefined) {
          name = `data-pf${count++}`;
          named.set(value, name);
          attributes[name] = value;
        }
        return `${key}[${name}]`;
      })
      .join(',');
  }
  return attributes;
}
