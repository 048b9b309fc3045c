/** The components generated MDX may use (see src/contract/mdast.ts, which lists the same names). */
import Ai from './Ai.astro';
import Fix from './Fix.astro';
import KeyPoint from './KeyPoint.astro';
import KeyPoints from './KeyPoints.astro';
import Mark from './Mark.astro';
import Moment from './Moment.astro';
import Moments from './Moments.astro';
import Para from './Para.astro';
import Quote from './Quote.astro';
import QuoteBy from './QuoteBy.astro';
import QuoteText from './QuoteText.astro';
import Sound from './Sound.astro';

export const mdxComponents = { Ai, Fix, KeyPoint, KeyPoints, Mark, Moment, Moments, Para, Quote, QuoteBy, QuoteText, Sound };
