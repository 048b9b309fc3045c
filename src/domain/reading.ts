/** How long text takes to read: one definition for the episode's and each section's "N min read". */
export const WORDS_PER_MINUTE = 200;

export const readingMinutes = (words: number): number => Math.max(1, Math.round(words / WORDS_PER_MINUTE));
