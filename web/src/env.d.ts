// Modules without their own types.
declare module 'us-atlas/counties-10m.json' {
  const topology: unknown;
  export default topology;
}
