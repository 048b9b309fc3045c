/**
 * How large the parts of a build are, by default (the settings shardSize and indexSize override
 * them; src/build/shards/plan.ts says how episodes are dealt into them). Chosen by measurement on a
 * 2-core machine (docs/PERFORMANCE.md): one Astro process takes about 0.5 GiB plus 2.2 MiB per
 * episode it renders, and Pagefind about 3.3 MiB per episode of an index while it writes it.
 */
export const SHARD_SIZE = 100;
export const GROUP_SIZE = 300;
