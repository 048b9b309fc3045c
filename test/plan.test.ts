/**
 * The shard plan (src/build/shards/plan.ts): every episode in exactly one shard, shards and indexes
 * within their sizes, and the rule's promise for rebuilds: adding an episode changes one shard
 * and one index, and never moves another episode.
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { groupsOfPart, planShards, type Group } from '../src/build/shards/plan.ts';

const names = (n: number, from = 1) => Array.from({ length: n }, (_, i) => `episode-${from + i}`);
const shards = (plan: readonly Group[]) => plan.flatMap((g) => g.shards);
/** Each episode's shard and group. */
const placement = (plan: readonly Group[]) => new Map(plan.flatMap((g) => g.shards.flatMap((s) => s.episodes.map((e) => [e, `${g.id}/${s.id}`] as const))));

describe('the shard plan', () => {
  it('puts every episode in exactly one shard, each shard in one group, within the sizes', () => {
    const library = names(2_000);
    const plan = planShards(library, { shardSize: 40, groupSize: 150 });
    const all = shards(plan).flatMap((s) => s.episodes).sort();
    assert.deepEqual(all, [...library].sort());
    for (const s of shards(plan)) assert.ok(s.episodes.length >= 1 && s.episodes.length <= 40, `${s.id}: ${s.episodes.length}`);
    for (const g of plan) {
      assert.ok(g.size <= 150, `${g.id}: ${g.size}`);
      assert.equal(g.size, g.shards.reduce((n, s) => n + s.episodes.length, 0));
      // A group's shards lie inside it: their prefixes start with its own.
      for (const s of g.shards) assert.ok(s.prefix.startsWith(g.prefix));
    }
    // Halving keeps shards at least about a quarter full on average.
    assert.ok(all.length / shards(plan).length >= 10);
  });

  it('adding an episode changes one shard and one group, and moves no other episode', () => {
    const library = names(1_000);
    const before = planShards(library, { shardSize: 50, groupSize: 200 });
    const changedShards: number[] = [];
    for (let i = 0; i < 200; i++) {
      const added = `new-episode-${i}`;
      const after = planShards([...library, added], { shardSize: 50, groupSize: 200 });
      // No episode of the library moves to another shard, except within the one that took the new one (which may halve).
      const was = placement(before);
      const now = placement(after);
      const touched = new Set(shards(after).filter((s) => s.episodes.includes(added)).flatMap((s) => s.episodes));
      const split = shards(before).find((s) => s.episodes.some((e) => touched.has(e)));
      for (const [episode, where] of was) {
        if (split?.episodes.includes(episode)) continue;
        assert.equal(now.get(episode), where, `${episode} moved when ${added} was added`);
      }
      const beforeIds = new Set(shards(before).map((s) => JSON.stringify(s)));
      changedShards.push(shards(after).filter((s) => !beforeIds.has(JSON.stringify(s))).length);
    }
    // One new shard (the one that took it), or two when it halved.
    assert.ok(changedShards.every((n) => n === 1 || n === 2), String(changedShards));
  });

  it('is the same whatever the order of the names', () => {
    const library = names(500);
    assert.deepEqual(planShards(library, { shardSize: 30 }), planShards([...library].reverse(), { shardSize: 30 }));
  });

  it('deals every group to exactly one of N machines, and balances them', () => {
    const plan = planShards(names(3_000), { shardSize: 50, groupSize: 150 });
    for (const n of [1, 3, 8, 50]) {
      const dealt = Array.from({ length: n }, (_, k) => groupsOfPart(plan, k + 1, n));
      assert.deepEqual(dealt.flat().map((g) => g.id).sort(), plan.map((g) => g.id).sort(), `N=${n}`);
      if (n <= plan.length) {
        const loads = dealt.map((gs) => gs.reduce((s, g) => s + g.size, 0));
        // No machine has more than its share plus one group.
        const largest = Math.max(...plan.map((g) => g.size));
        assert.ok(Math.max(...loads) <= 3_000 / n + largest, `N=${n}: ${loads}`);
      }
    }
  });
});
