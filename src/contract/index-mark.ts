/**
 * The place an overview and a section page keep for what only the whole library knows (their
 * entries in the index of names and topics, related episodes): the join writes it
 * (src/build/site/index-links.ts).
 */
export const INDEX_MARK = '<!--transcript-site:index-->';
