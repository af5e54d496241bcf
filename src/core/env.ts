/** Environment variables as the core sees them: passed in, never read from the process. */
export type Env = Readonly<Record<string, string | undefined>>;
