export function preloadRendererDependencies(): Promise<void>;
