/**
 * Which episodes are rendered together (a shard), and which shards share a search index (a
 * group). Plain functions over episode names, so every machine of a sharded build computes the
 * same plan from the same content folder, without reading a transcript.
 *
 * The rule: each episode's place is fixed by a hash of its name (the stem its files share). Picture
 * the hashes as binary fractions in [0, 1): a shard is a range of them, [p, p + 2^-k), halved while
 * it holds more than `shardSize` episodes. A group is the same with `groupSize`: since a group is
 * split only when it holds more than groupSize ≥ shardSize episodes, every group is a whole number
 * of shards. This is extendible hashing:
 * - adding an episode changes one shard (it may halve it) and one group, and never moves another
 *   episode to another shard;
 * - shards hold between about shardSize / 2 and shardSize episodes (0.7 × shardSize on average),
 *   whatever the archive's size, so one shard's memory is bounded;
 * - the plan depends on the names alone: not on the machine, the order of files, or the number of
 *   machines a sharded build runs on.
 */
import { createHash } from 'node:crypto';
import { GROUP_SIZE, SHARD_SIZE } from '../../domain/shard-sizes.ts';


export interface Shard {
  /** The hash prefix it covers, as bits (`''` for the whole library, then `0`, `1`, `01`…). */
  prefix: string;
  /** Its name in folders and URLs: `s` and the prefix. */
  id: string;
  /** Its episodes' names, sorted. */
  episodes: string[];
}

export interface Group {
  prefix: string;
  /** `g` and the prefix: the folder of its search index, `pagefind/<id>/`. */
  id: string;
  shards: Shard[];
  /** How many episodes its shards hold. */
  size: number;
}

/** 64 bits of an episode name's SHA-256, as a string of 0s and 1s. */
export function hashBits(name: string): string {
  const hex = createHash('sha256').update(name).digest('hex').slice(0, 16);
  return BigInt(`0x${hex}`).toString(2).padStart(64, '0');
}

interface Hashed {
  name: string;
  bits: string;
}

/** The leaves of the trie over `items`: each prefix holding at most `max` (and at least one). */
function leaves(items: readonly Hashed[], max: number, prefix = ''): Array<{ prefix: string; items: Hashed[] }> {
  if (items.length <= max || prefix.length >= 64) return items.length ? [{ prefix, items: [...items] }] : [];
  const next = prefix.length;
  return [
    ...leaves(items.filter((i) => i.bits[next] === '0'), max, `${prefix}0`),
    ...leaves(items.filter((i) => i.bits[next] === '1'), max, `${prefix}1`),
  ];
}

export interface PlanOptions {
  shardSize?: number;
  groupSize?: number;
}

/** The shards and groups of a library, in hash order; every name is in exactly one shard. */
export function planShards(names: readonly string[], options: PlanOptions = {}): Group[] {
  const shardSize = options.shardSize ?? SHARD_SIZE;
  const groupSize = Math.max(options.groupSize ?? GROUP_SIZE, shardSize);
  const hashed = [...new Set(names)].map((name) => ({ name, bits: hashBits(name) }));
  return leaves(hashed, groupSize).map((group) => {
    const shards = leaves(group.items, shardSize, group.prefix).map((leaf) => ({
      prefix: leaf.prefix,
      id: `s${leaf.prefix}`,
      episodes: leaf.items.map((i) => i.name).sort(),
    }));
    return { prefix: group.prefix, id: `g${group.prefix}`, shards, size: group.items.length };
  });
}

/**
 * The groups machine `k` of `n` builds (k from 1): the groups dealt out largest first, each to
 * the machine with the fewest episodes so far (ties: the lower number), so machines finish about
 * together. A machine may get none when there are fewer groups than machines.
 */
export function groupsOfPart(groups: readonly Group[], k: number, n: number): Group[] {
  const load = Array.from({ length: n }, () => 0);
  const owner = new Map<string, number>();
  const order = [...groups].sort((a, b) => b.size - a.size || a.prefix.localeCompare(b.prefix));
  for (const group of order) {
    const part = load.indexOf(Math.min(...load));
    owner.set(group.id, part);
    load[part]! += group.size;
  }
  return groups.filter((g) => owner.get(g.id) === k - 1);
}
