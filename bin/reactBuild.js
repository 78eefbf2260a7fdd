// React (and react-pdf's reconciler) pick their development or production build from NODE_ENV
// when first loaded. The development build checks every element (keys, prop types) and freezes
// it: about 2% of a fresh render's CPU time (React's share of its profile) for nothing a user sees. The command and the scripts
// run the production build unless NODE_ENV is set already (vitest sets `test`). Worker threads
// get the environment of the thread that starts them, so they follow. Call it before anything
// imports React.
export function defaultToProductionReact() {
  if (!process.env.NODE_ENV) process.env.NODE_ENV = 'production';
}
