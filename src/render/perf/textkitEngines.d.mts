// Types of textkitEngines.mjs: each takes textkit's engine factory and returns one like it.
type EngineFactory = () => (attributedString: unknown) => unknown;
export function quickFontSubstitution(fontSubstitution: EngineFactory): EngineFactory;
export function quickScriptItemizer(scriptItemizer: EngineFactory): EngineFactory;
