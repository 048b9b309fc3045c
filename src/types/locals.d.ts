// The page being rendered tells the components inside its MDX which episode they are in, once
// (Astro.locals, as Starlight passes its route data), instead of each looking it up again.
declare namespace App {
  interface Locals {
    episode?: import('../lib/episodes').EpisodeData;
    /** On a section page: which page of which section it is. */
    page?: import('../lib/episodes').SectionPage;
  }
}
