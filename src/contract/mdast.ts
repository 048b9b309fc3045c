/**
 * mdast builders for the generated MDX. Transcript text only ever appears as `text` nodes inside a
 * `paragraph` inside a JSX flow element: at the top level MDX reads `import`/`export` lines as
 * code, and bare text directly inside a JSX element is not fully escaped by the serializer (both
 * measured with remark-mdx 3.1 and Astro 7.3). Attribute values are always our own ids and numbers.
 */
import type { Heading, Paragraph, PhrasingContent, RootContent, Text } from 'mdast';
import type { MdxJsxFlowElement } from 'mdast-util-mdx-jsx';

export const text = (value: string): Text => ({ type: 'text', value });

export const paragraph = (...children: PhrasingContent[]): Paragraph => ({ type: 'paragraph', children });

export const heading = (depth: 2 | 3, value: string): Heading => ({ type: 'heading', depth, children: [text(value)] });

/** Names of the components the generated MDX may use; Astro supplies them when rendering. */
export const COMPONENTS = ['Ai', 'KeyPoints', 'KeyPoint', 'Moments', 'Moment', 'Quote', 'QuoteText', 'QuoteBy', 'Para', 'Mark', 'Fix', 'Sound'] as const;
export type ComponentName = (typeof COMPONENTS)[number];

/**
 * Attribute values are restricted to what we generate: slugs (github-slugger keeps letters and
 * digits of any script, `-` and `_`), ids and numbers. No quote, brace or angle bracket can pass.
 */
const SAFE_ATTRIBUTE = /^[\p{L}\p{N}_-]*$/u;

/** An inline element of ours (`<Mark>` around quoted words, `<Fix>` around corrected ones, `<Sound>` around sound tags). */
export function inline(name: ComponentName, children: PhrasingContent[], attributes: Record<string, string | number> = {}): PhrasingContent {
  return { type: 'mdxJsxTextElement', name, attributes: attributeList(attributes), children } as PhrasingContent;
}

function attributeList(attributes: Record<string, string | number | true>): MdxJsxFlowElement['attributes'] {
  return Object.entries(attributes).map(([key, value]) => {
    const literal = value === true ? null : String(value);
    if (literal !== null && !SAFE_ATTRIBUTE.test(literal)) {
      throw new Error(`refusing to write attribute ${key}="${literal}": only slugs, ids and numbers belong in attributes`);
    }
    return { type: 'mdxJsxAttribute', name: key, value: literal };
  });
}

export function element(
  name: ComponentName,
  attributes: Record<string, string | number | true>,
  children: RootContent[],
): MdxJsxFlowElement {
  return { type: 'mdxJsxFlowElement', name, attributes: attributeList(attributes), children: children as MdxJsxFlowElement['children'] };
}
