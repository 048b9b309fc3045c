/**
 * mdast → MDX text, then proof that it reads back as the same tree. The renderer (Sätteri) is set
 * up in astro.config.mjs with the same syntax (MDX, no GFM, no smart punctuation), so a tree that
 * round-trips here renders its text literally.
 */
import type { Root } from 'mdast';
import { remark } from 'remark';
import remarkFrontmatter from 'remark-frontmatter';
import remarkMdx from 'remark-mdx';
import { COMPONENTS } from './mdast.ts';

const processor = remark().use(remarkFrontmatter, ['yaml']).use(remarkMdx).freeze();

/** Serialize `tree`; throws when the output would not read back as exactly this tree. */
export function serializeMdx(tree: Root, where: string): string {
  const mdx = processor.stringify(tree);
  const back = processor.parse(mdx) as Root;
  const want = signature(tree);
  const got = signature(back);
  if (want.length !== got.length || want.some((line, i) => line !== got[i])) {
    const i = want.findIndex((line, k) => line !== got[k]);
    throw new Error(`MDX for ${where} does not read back as written: expected ${JSON.stringify(want[i])}, read ${JSON.stringify(got[i])}`);
  }
  return mdx;
}

const ALLOWED = new Set<string>(COMPONENTS);

/** A flat description of a tree: structure and text, without positions or text-node splits. */
function signature(tree: Root): string[] {
  const out: string[] = [];
  let pendingText = '';
  const flush = () => {
    if (pendingText) out.push(`text:${pendingText}`);
    pendingText = '';
  };
  const walk = (node: any): void => {
    switch (node.type) {
      case 'mdxjsEsm':
      case 'mdxFlowExpression':
      case 'mdxTextExpression':
        throw new Error(`generated MDX contains code (${node.type}): ${String(node.value).slice(0, 80)}`);
      case 'mdxJsxFlowElement':
      case 'mdxJsxTextElement': {
        if (!ALLOWED.has(node.name)) throw new Error(`generated MDX contains an unexpected element <${node.name}>`);
        flush();
        const attrs = node.attributes.map((a: any) => {
          if (a.type !== 'mdxJsxAttribute' || (a.value !== null && typeof a.value !== 'string')) {
            throw new Error(`generated MDX contains an expression attribute on <${node.name}>`);
          }
          return `${a.name}=${a.value}`;
        });
        out.push(`<${node.name} ${attrs.join(' ')}>`);
        node.children.forEach(walk);
        flush();
        out.push(`</${node.name}>`);
        return;
      }
      case 'text':
        pendingText += node.value;
        return;
      case 'yaml':
        flush();
        out.push(`yaml:${node.value}`);
        return;
      default:
        flush();
        out.push(`${node.type}${node.depth ? node.depth : ''}`);
        node.children?.forEach(walk);
        flush();
        out.push(`/${node.type}`);
    }
  };
  walk(tree);
  flush();
  return out;
}
