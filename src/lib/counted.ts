/** A count as the pages write it: "1 episode", "1,052 episodes". */
export const counted = (n: number, one: string, many: string): string => `${n.toLocaleString('en')} ${n === 1 ? one : many}`;
