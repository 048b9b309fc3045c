// tsc cannot read .astro files (Astro's language server does); this lets plain .ts import them.
declare module '*.astro' {
  const Component: (props: Record<string, unknown>) => unknown;
  export default Component;
}
