/**
 * How large the parts of a build are, by default (the settings shardSize and indexSize override
 * them; src/build/shards/plan.ts says how episodes are dealt into them). Chosen by measurement on a
 * 2-core machine (docs/PERFORMANCE.md), for a peak under 1.5 GiB: one Astro process takes about
 * 0.5 GiB plus 3.5 MiB per hour-long episode it renders, and Pagefind about 3.3 MiB per episode
 * of an index while it writes it, beside the build's own ~0.3 GiB. Shards hold 0.5 to 1 times
 * SHARD_SIZE episodes (0.7 on average); fewer, larger shards cost less time (each Astro process
 * has a few seconds of its own) and more memory.
 */
export const SHARD_SIZE = 120;
export const GROUP_SIZE = 300;
