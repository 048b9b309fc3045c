/**
 * The metadata sidecar: `<name>.yml` beside a transcript. It wins over what the transcript says,
 * field by field. Validated with zod; every error names the file, the line, the key path and what
 * is allowed.
 */
import { z } from 'zod';
import { parseTimeValue } from './moment-ref.ts';
import { SITE_ROUTES } from './routes.ts';
import { isoDate } from './time.ts';
import { validate } from './validate.ts';
import { readYaml } from './yaml.ts';

const clock = z
  .union([z.number().nonnegative(), z.string()], { error: 'must be a time: seconds (754) or a clock (12:34, 1:02:03)' })
  .transform((value, ctx) => {
    const seconds = typeof value === 'number' ? value : parseTimeValue(value);
    if (seconds === undefined) {
      ctx.addIssue({ code: 'custom', message: `"${value}" is not a time: use seconds (754) or a clock (12:34, 1:02:03)` });
      return z.NEVER;
    }
    return seconds;
  });

const text = z.string({ error: 'must be text' }).trim().min(1, { error: 'must not be empty' });

/** Only web URLs and relative paths: a `javascript:` or `data:` URL must never become a link. */
const mediaUrl = text.refine((value) => /^https?:\/\//i.test(value) || !/^([a-z][a-z0-9+.-]*:|\/\/|\\)/i.test(value), {
  error: 'must be an https:// or http:// URL or a relative path (no javascript:, data: or other schemes)',
});

const SidecarSchema = z.strictObject({
  title: text.optional(),
  date: z
    .union([z.string(), z.date()])
    .transform((v) => (v instanceof Date ? isoDate(v) : v))
    .pipe(z.string().regex(/^\d{4}-\d{2}-\d{2}$/, { error: 'must be a date written YYYY-MM-DD' }))
    .optional(),
  description: text.optional(),
  /** Who publishes it: a channel, a podcast, a person. */
  channel: text.optional(),
  slug: z
    .string()
    .regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/, { error: 'must be lower-case letters, digits and single hyphens, like "my-episode-12"' })
    .refine((slug) => !SITE_ROUTES.includes(slug), { error: (issue) => `"${String(issue.input)}" is the address of one of the site's own pages (${SITE_ROUTES.join(', ')}); choose another` })
    .optional(),
  language: text.optional(),
  media: mediaUrl.optional(),
  speakers: z
    .strictObject({
      /** Names the speaker turns in order; the start of the transcript is the first turn. */
      turns: z.array(text).min(1).optional(),
      /** Turns alternate between these names, starting with the first. */
      alternate: z.array(text).min(2, { error: 'needs at least two names to alternate between' }).optional(),
      /** Names for the speaker labels the transcript uses: `SPEAKER_00: Ada Lovelace`, `Speaker 1: Bob`. */
      names: z.record(z.string(), text).optional(),
    })
    .refine((s) => !(s.turns && s.alternate), { error: 'give either "turns" or "alternate", not both' })
    .optional(),
  sections: z
    .array(
      z.strictObject({
        start: clock,
        title: text,
        tag: z.enum(['watch', 'optional'], { error: 'must be "watch" or "optional"' }).optional(),
        summary: text.optional(),
      }),
    )
    .min(1)
    .optional(),
  keyPoints: z.array(z.strictObject({ title: text, explanation: text })).optional(),
  quotes: z.array(z.strictObject({ text, speaker: text })).optional(),
  chapters: text.optional(),
  /** Without sections from anywhere: find topics (the default), or cut plain parts of about 8–10 minutes. */
  autoSections: z.enum(['topics', 'parts'], { error: 'must be "topics" or "parts"' }).optional(),
  /** Titles for the automatic sections, in order, instead of the extracted ones. */
  autoTitles: z.array(text).min(1).optional(),
});

export type Sidecar = z.infer<typeof SidecarSchema> & {
  /** 1-based line of each sections[i], keyPoints[i] and quotes[i] entry, for later messages. */
  lines: Record<string, number | undefined>;
};

export function parseSidecar(source: string, file: string): Sidecar {
  const yaml = readYaml(source, file);
  const data = validate(SidecarSchema, yaml.data ?? {}, { file, lineOf: yaml.lineOf });
  const lines: Record<string, number | undefined> = {};
  for (const list of ['sections', 'keyPoints', 'quotes'] as const) {
    (data[list] ?? []).forEach((_, i) => (lines[`${list}.${i}`] = yaml.lineOf([list, i])));
  }
  return { ...data, lines };
}
