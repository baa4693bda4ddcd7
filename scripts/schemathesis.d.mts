export declare const SCHEMATHESIS: string;
export declare function resolveSchemathesis(options?: { log?: (message: string) => void }): string;
