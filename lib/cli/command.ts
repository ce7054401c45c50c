export interface CommandIO { readonly stdout: (s: string) => void; readonly stderr: (s: string) => void; readonly cwd: string }
export interface Command { readonly name: string; readonly summary: string; readonly usage: string; run(argv: readonly string[], io: CommandIO): Promise<number> }
