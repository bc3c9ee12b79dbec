// elfy ships no type declarations; the loader narrows what it uses to its own typed interface.
declare module 'elfy' {
  const elfy: unknown;
  export default elfy;
}
