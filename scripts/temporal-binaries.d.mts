export declare const projectRoot: string;
export declare function resolveTemporalBinaries(options?: { log?: (message: string) => void }): { cli: string; testServer: string };
