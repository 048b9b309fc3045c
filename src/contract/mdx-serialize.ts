/**
 * mdast → MDX text through remark, then proof that it reads back as the same tree. The proof reads
 * with the renderer's own parser, Sätteri, with the options astro.config.mjs gives it (MDX, no
 * GFM, no smart punctuation): a tree that round-trips here is what Astro will render, its text
 * literally. (Sätteri reads it ten times faster than remark-mdx did, into the same tree.)
 */
import type { Root } from 'mdast';
import { remark } from 'remark';
import remarkFrontmatter from 'remark-frontmatter';
import remarkMdx from 'remark-mdx';
import { mdxToMdast } from 'satteri';
import { MDX_FEATURES } from './mdx-syntax.ts';
import { COMPONENTS } from './mdast.ts';

const writer = remark().use(remarkFrontmatter, ['yaml']).use(remarkMdx).freeze();
// Astro strips the frontmatter before Sätteri sees a page; the proof reads the whole file.
const READ = { features: { ...MDX_FEATURES, frontmatter: true }, position: false };

/** Serialize `tree`; throws when the output would not read back as exactly this tree. */
export function serializeMdx(tree: Root, where: string): string {
  const mdx = writer.stringify(tree);
  const back = mdxToMdast(mdx, READ) as unknown as Root;
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
