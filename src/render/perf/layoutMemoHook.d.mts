export function installLayoutMemoHook(): Promise<void>;
