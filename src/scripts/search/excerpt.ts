/**
 * Pagefind excerpts are HTML with <mark> around matched words. Transcript text is never trusted
 * as markup: the excerpt is parsed inertly and only its text and <mark> elements are kept.
 */
export function renderExcerpt(html: string): Node[] {
  const doc = new DOMParser().parseFromString(`<body>${html}</body>`, 'text/html');
  const out: Node[] = [];
  const walk = (node: Node) => {
    for (const child of node.childNodes) {
      if (child.nodeType === Node.TEXT_NODE) out.push(document.createTextNode(child.textContent ?? ''));
      else if (child.nodeName === 'MARK') out.push(Object.assign(document.createElement('mark'), { textContent: child.textContent ?? '' }));
      else walk(child);
    }
  };
  walk(doc.body);
  return out;
}
